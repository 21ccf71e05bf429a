"""``key=value`` options (``-T``, ``-M``, ``-F``, ``--model-role``) as a dict."""

from typing import Any

import click


def key_value_pairs(values: tuple[str, ...], flag: str) -> dict[str, Any]:
    """``key=value`` pairs into a dict (values converted as task arguments are)."""
    from inspect_ai._task.args import convert_arg_value

    result: dict[str, Any] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"'{item}' should be key=value.", param_hint=flag)
        result[key.strip()] = convert_arg_value(value)
    return result
