"""The task state as JSON, for ``sample_init`` and the ``state``/``store`` change events."""

from typing import Any

from inspect_ai._json.encode import model_to_jsonable
from inspect_ai._solver.state import TaskState
from inspect_ai._tool.tool_def import tool_infos


def state_json(state: TaskState) -> dict[str, Any]:
    """The parts of the state a transcript tracks (the store is tracked on its own)."""
    choice = state.tool_choice
    return {
        "messages": [model_to_jsonable(message) for message in state.messages],
        "tools": [model_to_jsonable(info) for info in tool_infos(state.tools)],
        "tool_choice": choice
        if choice is None or isinstance(choice, str)
        else model_to_jsonable(choice),
        "output": model_to_jsonable(state.output),
        "completed": state.completed,
        "metadata": _plain(state.metadata),
    }


def store_json(state: TaskState) -> dict[str, Any]:
    """The store as JSON data."""
    return _plain(state.store.as_dict())


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    from pydantic_core import to_jsonable_python

    return dict(to_jsonable_python(data, fallback=str))
