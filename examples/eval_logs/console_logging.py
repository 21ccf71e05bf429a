# 9.2 Console Logging: use the standard logging library from eval code.
import logging

from inspect_ai import Task, task
from inspect_ai.dataset import example_dataset
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, solver

logger = logging.getLogger(__name__)


@solver
def logged_generate():
    async def solve(state: TaskState, generate: Generate):
        logger.info("Started")
        state = await generate(state)
        logger.info("Finished")
        return state

    return solve


@task
def console_logging():
    return Task(
        dataset=example_dataset("security_guide"),
        plan=[logged_generate()],
        scorer=includes(),
    )
