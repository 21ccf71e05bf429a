"""A sample's conversation as it happens: the new messages of each model call and its reply."""

import json
from collections import OrderedDict

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from inspect_ai._display.formatting import shorten
from inspect_ai._event.model import ModelEvent
from inspect_ai._model.content import ContentReasoning, ContentText
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant, ChatMessageTool

MAX_CHARS = 2000
"""Characters of one message shown."""

MAX_LINES = 40
"""Lines of one message shown."""

MAX_SAMPLES = 200
"""Samples whose printed messages are remembered (the oldest are forgotten)."""

ROLE_STYLES = {"system": "magenta", "user": "green", "assistant": "cyan", "tool": "yellow"}


class Conversations:
    """Renders model calls, remembering which messages of each sample were shown."""

    def __init__(self, task: str) -> None:
        self.task = task
        self._shown: OrderedDict[tuple[str, int], set[str]] = OrderedDict()

    def model_call(self, sample_id: int | str, epoch: int, event: ModelEvent) -> RenderableType:
        """A header naming the sample, the input messages not shown before, and the reply."""
        shown = self._shown_for(str(sample_id), epoch)
        grid = _grid()
        for message in event.input:
            key = _message_key(message)
            if key not in shown:
                shown.add(key)
                _add_message(grid, message)
        if event.error:
            grid.add_row(Text("error", style="bold red"), Text(shorten(event.error, 500, 8)))
        elif event.output.choices:
            reply = event.output.choices[0].message
            shown.add(_message_key(reply))
            _add_message(grid, reply)
        return Group(_header(self.task, sample_id, epoch, event), grid)

    def _shown_for(self, sample_id: str, epoch: int) -> set[str]:
        key = (sample_id, epoch)
        shown = self._shown.get(key)
        if shown is None:
            shown = self._shown[key] = set()
            if len(self._shown) > MAX_SAMPLES:
                self._shown.popitem(last=False)
        return shown


def _header(task: str, sample_id: int | str, epoch: int, event: ModelEvent) -> Rule:
    title = f"{task} · sample {sample_id} · epoch {epoch} · {event.model}"
    if event.role:
        title += f" ({event.role})"
    return Rule(Text(title, style="bold"), align="left", style="dim")


def _grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, min_width=9)
    grid.add_column(overflow="fold")
    return grid


def _message_key(message: ChatMessage) -> str:
    return message.id or f"{message.role}:{hash(message.text)}"


def _add_message(grid: Table, message: ChatMessage) -> None:
    role: str = message.role
    if isinstance(message, ChatMessageTool) and message.function:
        role = f"tool {message.function}"
    style = ROLE_STYLES.get(message.role, "")
    grid.add_row(Text(role, style=f"bold {style}"), Text(_content(message)))
    if isinstance(message, ChatMessageAssistant):
        for call in message.tool_calls or []:
            arguments = shorten(json.dumps(call.arguments, default=str), 300, 4)
            grid.add_row(Text("tool call", style="bold yellow"), f"{call.function}({arguments})")
    if isinstance(message, ChatMessageTool) and message.error is not None:
        grid.add_row(Text("tool error", style="bold red"), Text(message.error.message))


def _content(message: ChatMessage) -> str:
    if isinstance(message.content, str):
        return shorten(message.content, MAX_CHARS, MAX_LINES)
    parts = []
    for item in message.content:
        if isinstance(item, ContentText):
            parts.append(item.text)
        elif isinstance(item, ContentReasoning):
            shown = item.summary or ("(redacted)" if item.redacted else item.reasoning)
            parts.append(f"[reasoning] {shown}")
        else:
            parts.append(f"[{item.type}]")
    return shorten("\n".join(parts), MAX_CHARS, MAX_LINES)
