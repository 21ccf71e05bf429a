"""``SolverSpec``: a solver named by its registry name or ``file.py@name``, with its args."""

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from inspect_ai._registry.registry import is_registry_object, registry_find, registry_name
from inspect_ai._solver.chain import chain
from inspect_ai._solver.solver import Solver

_SOLVER_FILE_SUFFIX = ".py"


@dataclass(frozen=True)
class SolverSpec:
    """A solver to create: its name and the arguments to create it with.

    Args:
        solver: Registry name of a ``@solver`` (e.g. ``chain_of_thought``), or a
            Python file and the solver in it (``file.py@name``; just ``file.py`` when
            the file defines one solver).
        args: Arguments of the solver function.
    """

    solver: str
    args: dict[str, Any] = field(default_factory=dict)


def resolve_solver_spec(spec: SolverSpec) -> Solver:
    """Create the solver ``spec`` names, with its args.

    A file is executed first (once, as task files are), so the solvers it defines are
    registered. Raises ``ValueError`` naming the solver when there is no such solver, or
    when it cannot be created with the args.
    """
    factory = _solver_factory(spec.solver)
    try:
        created = factory(**spec.args)
    except TypeError as ex:
        raise ValueError(f"Solver '{spec.solver}' could not be created: {ex}") from None
    if not callable(created):
        raise ValueError(f"Solver '{spec.solver}' did not return a solver.")
    solver: Solver = created
    return solver


def resolve_eval_solver(solver: Any) -> Solver | None:
    """The solver given to ``eval()``: a ``SolverSpec`` is created, a list is chained."""
    if isinstance(solver, SolverSpec):
        return resolve_solver_spec(solver)
    if isinstance(solver, list | tuple):
        return chain(*[_required(resolve_eval_solver(item)) for item in solver])
    resolved: Solver | None = solver
    return resolved


def _required(solver: Solver | None) -> Solver:
    if solver is None:
        raise ValueError("A list of solvers cannot contain None.")
    return solver


def _solver_factory(name: str) -> Any:
    """The ``@solver`` function ``name`` refers to (in a file, or in the registry)."""
    file, separator, function = name.rpartition("@")
    if separator and file.endswith(_SOLVER_FILE_SUFFIX):
        return _file_solver(Path(file), function)
    if name.endswith(_SOLVER_FILE_SUFFIX):
        return _file_solver(Path(name), None)
    found = registry_find("solver", name)
    if found is None or not callable(found):
        raise ValueError(
            f"Unknown solver '{name}' (use the name of a @solver, or file.py@solver_name)."
        )
    return found


def _file_solver(path: Path, name: str | None) -> Any:
    """The solver ``name`` defined in ``path`` (the only one there when ``name`` is None)."""
    if not path.is_file():
        raise ValueError(f"Solver file '{path}' does not exist.")
    solvers = _module_solvers(_load(path))
    if name is None and len(solvers) == 1:
        return solvers[0]
    for factory in solvers if name is not None else []:
        if name in (registry_name(factory), factory.__name__):
            return factory
    names = ", ".join(registry_name(factory) for factory in solvers) or "none"
    if name is None:
        raise ValueError(f"Name the solver to use in {path} as {path}@name (solvers: {names}).")
    raise ValueError(f"Solver '{name}' not found in {path} (solvers: {names}).")


def _load(path: Path) -> ModuleType:
    """Execute ``path`` as task files are executed (the solver layer borrows the loader)."""
    from inspect_ai._task.module import load_task_module
    from inspect_ai._task.source import read_task_source

    return load_task_module(read_task_source(path))


def _module_solvers(module: ModuleType) -> list[Any]:
    """The ``@solver`` functions defined in ``module``, in definition order."""
    return [
        value
        for value in vars(module).values()
        if is_registry_object(value, "solver") and value.__module__ == module.__name__
    ]
