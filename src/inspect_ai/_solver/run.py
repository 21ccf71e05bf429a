"""Running one solver: in its own span, recording how it changed the state and the store."""

from typing import Any

from inspect_ai._event.state import StateEvent, StoreEvent
from inspect_ai._registry.registry import registry_name
from inspect_ai._solver.snapshot import state_json, store_json
from inspect_ai._solver.solver import Generate, Solver
from inspect_ai._solver.state import TaskState
from inspect_ai._transcript.json_changes import json_changes
from inspect_ai._transcript.span import span
from inspect_ai._transcript.transcript import transcript


async def run_solver(solver: Solver, state: TaskState, generate: Generate) -> TaskState:
    """Run ``solver`` in a ``solver`` span, then record ``state`` and ``store`` changes."""
    async with span(name=registry_name(solver), type="solver"):
        before, store_before = _snapshots(state)
        try:
            state = await solver(state, generate)
        finally:
            record_changes(state, before, store_before)
    return state


def record_changes(state: TaskState, before: dict[str, Any], store_before: dict[str, Any]) -> None:
    """Record what changed in the state and the store since the snapshots."""
    after, store_after = state_json(state), store_json(state)
    changes = json_changes(before, after)
    if changes:
        transcript()._event(StateEvent(changes=changes))
    store_changes = json_changes(store_before, store_after)
    if store_changes:
        transcript()._event(StoreEvent(changes=store_changes))
    remember_snapshots(state, after, store_after)


def remember_snapshots(
    state: TaskState, after: dict[str, Any], store_after: dict[str, Any]
) -> None:
    """Keep the latest snapshots, to be the next solver's starting point."""
    state._snapshots = (after, store_after, _fingerprint(state))


def _snapshots(state: TaskState) -> tuple[dict[str, Any], dict[str, Any]]:
    """Snapshots of the state before a solver: the last ones taken, if still current."""
    kept = state._snapshots
    state._snapshots = None
    if kept is not None and kept[2] == _fingerprint(state):
        return kept[0], kept[1]
    return state_json(state), store_json(state)


def _fingerprint(state: TaskState) -> tuple[int, int, int, bool]:
    """A cheap check that the state was not changed since a snapshot was taken."""
    return (len(state.messages), id(state.output), len(state.store), state.completed)
