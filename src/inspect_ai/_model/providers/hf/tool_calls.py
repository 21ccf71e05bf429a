"""Tool calls read out of the text a local model generated.

Open models write calls in one of two common shapes: ``<tool_call>{"name": ...,
"arguments": {...}}</tool_call>`` blocks (Hermes, Qwen and the plain prompt), or a reply
that is nothing but one ``{"name": ..., "parameters"|"arguments": {...}}`` object (Llama
3). Only functions the call offered count; anything else stays text.
"""

import json
import re
from typing import Any

from inspect_ai._model.providers.openai_compatible.tools import parse_tool_call
from inspect_ai._tool.call import ToolCall

_BLOCK = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.DOTALL)


def read_tool_calls(text: str, names: set[str]) -> tuple[str, list[ToolCall]]:
    """The text left once tool calls are taken out of ``text``, and the calls (to
    functions in ``names``; none when ``names`` is empty)."""
    if not names:
        return text, []
    blocks = list(_BLOCK.finditer(text))
    if blocks:
        calls = [_call(block.group(1), names, index, True) for index, block in enumerate(blocks)]
        found = [call for call in calls if call is not None]
        if found:
            return _BLOCK.sub("", text).strip(), found
    whole = _call(text.strip(), names, 0, False)
    return ("", [whole]) if whole is not None else (text, [])


def _call(payload: str, names: set[str], index: int, block: bool) -> ToolCall | None:
    """The call ``payload`` makes (None if it is not one): inside a ``<tool_call>`` block,
    JSON that does not parse is still a call, with a parse error."""
    try:
        data: Any = json.loads(payload)
    except json.JSONDecodeError:
        return _unparsed(payload, names, index) if block else None
    if not isinstance(data, dict) or data.get("name") not in names:
        return None
    arguments = data.get("arguments", data.get("parameters", {}))
    if isinstance(arguments, str | dict):
        return parse_tool_call(f"call_{index}", data["name"], arguments)
    return parse_tool_call(f"call_{index}", data["name"], json.dumps(arguments))


def _unparsed(payload: str, names: set[str], index: int) -> ToolCall | None:
    """A call whose JSON does not parse but which names a tool: kept with a parse error
    (the tool loop tells the model), so a malformed call is not mistaken for text."""
    match = re.search(r'"name"\s*:\s*"([^"]+)"', payload)
    if match is None or match.group(1) not in names:
        return None
    return ToolCall(
        id=f"call_{index}",
        function=match.group(1),
        arguments={},
        parse_error=f"Error parsing the tool call of {match.group(1)}: {payload}",
    )
