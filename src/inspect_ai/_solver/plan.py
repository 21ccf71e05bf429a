"""``Plan``: solver steps plus a ``finish`` step that always runs."""

from collections.abc import Awaitable, Callable, Sequence

from inspect_ai._solver.solver import Generate, Solver
from inspect_ai._solver.state import TaskState


class Plan:
    """Solvers run in order, then a ``finish`` solver that runs even after early termination.

    Args:
        steps: Solvers to run (a list or a single solver).
        finish: Solver that always runs last (e.g. to synthesize output or clean up).
        cleanup: Function called with the final state once the plan has run.
        name: Plan name (defaults to ``plan``).
    """

    def __init__(
        self,
        steps: Solver | Sequence[Solver],
        finish: Solver | None = None,
        cleanup: Callable[[TaskState], Awaitable[None]] | None = None,
        name: str | None = None,
    ) -> None:
        self.steps: list[Solver] = list(steps) if isinstance(steps, Sequence) else [steps]
        self.finish = finish
        self.cleanup = cleanup
        self.name = name or "plan"

    async def __call__(self, state: TaskState, generate: Generate) -> TaskState:
        from inspect_ai._solver.run import run_solver

        try:
            for step in self.steps:
                state = await run_solver(step, state, generate)
                if state.completed:
                    break
            if self.finish is not None:
                state = await run_solver(self.finish, state, generate)
        finally:
            if self.cleanup is not None:
                await self.cleanup(state)
        return state
