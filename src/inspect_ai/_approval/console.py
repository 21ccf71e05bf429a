"""Asking on the console whether a tool call may run (the ``human`` approver's prompt)."""

import json
import threading
from collections.abc import Sequence

from inspect_ai._approval.approval import Approval, ApprovalDecision
from inspect_ai._display.pause import paused_display
from inspect_ai._tool.call import ToolCall, ToolCallView

PROMPT_LOCK = threading.Lock()
"""Held while a prompt is on the console, so prompts of concurrent samples do not mix."""

_KEYS: dict[str, ApprovalDecision] = {
    "a": "approve",
    "m": "modify",
    "r": "reject",
    "e": "escalate",
    "t": "terminate",
}


def ask_approval(
    message: str, call: ToolCall, view: ToolCallView, choices: Sequence[ApprovalDecision]
) -> Approval:
    """Show the call and ask for a decision among ``choices`` (blocking: run in a thread).

    The answer is a decision or its first letter, optionally followed by an explanation
    (``r too risky``). With no console input (end of file) the call is rejected.
    """
    with PROMPT_LOCK, paused_display():
        show_call(message, call, view)
        while True:
            try:
                answer = input(_prompt(choices))
            except EOFError:
                return Approval(decision="reject", explanation="No answer from the console.")
            parsed = parse_answer(answer, choices)
            if parsed is None:
                print(f"Please answer one of: {', '.join(choices)}.")
                continue
            decision, explanation = parsed
            explanation = explanation or "Human operator decision."
            if decision == "modify":
                modified = _ask_arguments(call)
                return Approval(decision="modify", modified=modified, explanation=explanation)
            return Approval(decision=decision, explanation=explanation)


def parse_answer(
    answer: str, choices: Sequence[ApprovalDecision]
) -> tuple[ApprovalDecision, str] | None:
    """The decision and explanation in ``answer`` (None: not one of ``choices``)."""
    word, _, rest = answer.strip().partition(" ")
    word = word.lower()
    decision = _KEYS.get(word) or next((choice for choice in choices if choice == word), None)
    if decision is None or decision not in choices:
        return None
    return decision, rest.strip()


def show_call(message: str, call: ToolCall, view: ToolCallView) -> None:
    """Print the model's message and the call (its custom view when it has one)."""
    from rich.console import Console, Group, RenderableType
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.text import Text

    parts: list[RenderableType] = []
    if message.strip():
        parts.append(Text(message.strip()))
    for content in (view.context, view.call):
        if content is not None:
            if content.title:
                parts.append(Text(content.title, style="bold"))
            is_markdown = content.format == "markdown"
            parts.append(Markdown(content.content) if is_markdown else Text(content.content))
    Console().print(Panel(Group(*parts), title=f"Approve call to {call.function}?"))


def _prompt(choices: Sequence[ApprovalDecision]) -> str:
    listed = ", ".join(f"[{choice[0]}]{choice[1:]}" for choice in choices)
    return f"{listed} (optionally followed by an explanation): "


def _ask_arguments(call: ToolCall) -> ToolCall:
    """The call with arguments typed as a JSON object (empty: the arguments unchanged)."""
    current = json.dumps(call.arguments)
    while True:
        try:
            answer = input(f"New arguments as a JSON object (empty keeps {current}): ")
        except EOFError:
            answer = ""
        if not answer.strip():
            return call.model_copy(deep=True)
        try:
            arguments = json.loads(answer)
        except ValueError as ex:
            print(f"Not JSON: {ex}")
            continue
        if isinstance(arguments, dict):
            return call.model_copy(update={"arguments": arguments})
        print("The arguments must be a JSON object.")
