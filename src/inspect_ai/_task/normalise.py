"""Normalising the values a ``Task`` accepts into the forms the runner works with."""

from collections.abc import Sequence
from typing import Any, TypeAlias

from inspect_ai._dataset.dataset import Dataset, MemoryDataset
from inspect_ai._dataset.sample import Sample
from inspect_ai._solver.chain import Chain, chain
from inspect_ai._solver.generate import generate
from inspect_ai._solver.plan import Plan
from inspect_ai._solver.solver import Solver

SolverArg: TypeAlias = Solver | Sequence[Solver] | Plan
"""A task's solver: one solver, a list of solvers (run in order) or a ``Plan``."""

DEFAULT_INPUT = "prompt"
"""Input of the single sample of a task given no dataset."""


def resolve_dataset(dataset: Dataset | Sequence[Sample] | None) -> Dataset:
    """A dataset; a sequence of samples becomes a ``MemoryDataset``, None a one-sample one."""
    if isinstance(dataset, Dataset):
        return dataset
    if dataset is None:
        return MemoryDataset([Sample(input=DEFAULT_INPUT)])
    return MemoryDataset(list(dataset))


def resolve_solver(solver: SolverArg | None) -> Solver:
    """One solver: a list becomes a chain, None becomes ``generate()``, a ``Plan`` stays."""
    if solver is None:
        return generate()
    if isinstance(solver, Plan):
        return solver
    if isinstance(solver, Sequence):
        return chain(list(solver))
    return solver


def resolve_setup(setup: Solver | Sequence[Solver] | None) -> Solver | None:
    """The setup solver: a list becomes a chain."""
    if setup is None or not isinstance(setup, Sequence):
        return setup
    return chain(list(setup))


def resolve_scorer(scorer: Any) -> list[Any] | None:
    """Scorers as a list (a single scorer becomes a one-item list; None stays None)."""
    if scorer is None:
        return None
    if isinstance(scorer, list | tuple):
        return list(scorer)
    return [scorer]


def solver_steps(solver: Solver) -> list[Solver]:
    """The steps a solver runs: a plan's or chain's solvers, else the solver itself."""
    if isinstance(solver, Plan):
        return list(solver.steps)
    if isinstance(solver, Chain):
        return list(solver.solvers)
    return [solver]
