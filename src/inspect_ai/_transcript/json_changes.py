"""The difference between two JSON documents as JSON patch operations (RFC 6902)."""

from typing import Any

from inspect_ai._event.state import JsonChange


def json_changes(before: Any, after: Any) -> list[JsonChange]:
    """Patch operations turning ``before`` into ``after`` (replacements keep the old value)."""
    changes: list[JsonChange] = []
    _diff(before, after, "", changes)
    return changes


def _diff(before: Any, after: Any, path: str, changes: list[JsonChange]) -> None:
    if type(before) is type(after) and before == after:
        return  # compared in C: most of a state is unchanged from one solver to the next
    if isinstance(before, dict) and isinstance(after, dict):
        _diff_dicts(before, after, path, changes)
    elif isinstance(before, list) and isinstance(after, list):
        _diff_lists(before, after, path, changes)
    else:
        changes.append(JsonChange(op="replace", path=path, value=after, replaced=before))


def _diff_dicts(
    before: dict[str, Any], after: dict[str, Any], path: str, changes: list[JsonChange]
) -> None:
    for key in before:
        if key not in after:
            changes.append(JsonChange(op="remove", path=f"{path}/{_escape(key)}"))
    for key, value in after.items():
        child = f"{path}/{_escape(key)}"
        if key not in before:
            changes.append(JsonChange(op="add", path=child, value=value))
        else:
            _diff(before[key], value, child, changes)


def _diff_lists(before: list[Any], after: list[Any], path: str, changes: list[JsonChange]) -> None:
    common = min(len(before), len(after))
    for index in range(common):
        _diff(before[index], after[index], f"{path}/{index}", changes)
    for index in range(len(before) - 1, common - 1, -1):
        changes.append(JsonChange(op="remove", path=f"{path}/{index}"))
    for index in range(common, len(after)):
        changes.append(JsonChange(op="add", path=f"{path}/{index}", value=after[index]))


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")
