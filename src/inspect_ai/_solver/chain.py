"""Running solvers in sequence: ``chain()``."""

from collections.abc import Sequence

from inspect_ai._solver.solver import Generate, Solver
from inspect_ai._solver.state import TaskState


class Chain:
    """Solvers run one after another, stopping early once the state is completed."""

    def __init__(self, solvers: Sequence[Solver]) -> None:
        self.solvers: list[Solver] = list(solvers)

    async def __call__(self, state: TaskState, generate: Generate) -> TaskState:
        from inspect_ai._solver.run import run_solver

        for step in self.solvers:
            state = await run_solver(step, state, generate)
            if state.completed:
                break
        return state


def chain(*solvers: Solver | Sequence[Solver]) -> Solver:
    """Compose solvers (or lists of solvers) into one solver that runs them in order.

    Args:
        *solvers: Solvers, or lists of solvers, to run in sequence.
    """
    flat: list[Solver] = []
    for item in solvers:
        if isinstance(item, Sequence):
            flat.extend(item)
        else:
            flat.append(item)
    return Chain(flat)
