"""Security guide: a parameterised task reading files relative to this directory."""

from pathlib import Path

from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.message import ChatMessage
from inspect_ai._model.model_api import ModelAPI
from inspect_ai._model.output import ModelOutput
from inspect_ai._model.registry import modelapi
from inspect_ai._solver.generate import generate
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._task.decorator import task
from inspect_ai._task.task import Task
from inspect_ai._tool.info import ToolChoice, ToolInfo
from inspect_ai.dataset import json_dataset


@modelapi("task_files_canned")
class CannedAPI(ModelAPI):
    """A provider defined next to the task (registered when the task file is loaded)."""

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        return ModelOutput.from_content(model=self.model_name, content="Use strong passwords.")


@solver
def critique_step() -> Solver:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        return await generate(state)

    return solve


@task
def security_guide(
    system: str = "devops.txt", critique: bool = False, grader_model: str = "openai/gpt-4"
) -> Task:
    system_prompt = Path(system).read_text(encoding="utf-8").strip()
    solvers = [generate(), critique_step()] if critique else [generate()]
    return Task(
        dataset=json_dataset("security_guide.jsonl"),
        plan=solvers,
        metadata={"system_prompt": system_prompt, "grader_model": grader_model},
    )


if __name__ == "__main__":
    tasks = [security_guide(system=prompt) for prompt in ["devops.txt", "researcher.txt"]]
    raise RuntimeError("exploratory code must not run when the file is loaded as a task file")
