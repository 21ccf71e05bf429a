"""Running the tool calls of an assistant message: one tool message and one event per call.

Each call runs in a ``tool`` span (events the tool records nest there) and is recorded as
a ``ToolEvent`` in the span of the caller. Problems the model can act on (an unknown
tool, bad arguments, ``ToolError`` and the usual OS errors) come back to it as the
call's ``ToolCallError``; any other exception fails the sample. Under approval policies
(``eval(approval=...)``) each call is decided on before it runs: rejected calls come back
as ``approval`` errors, modified calls run as modified, ``terminate`` ends the sample.
"""

import asyncio
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from inspect_ai._approval.current import approve_call
from inspect_ai._event.tool import ToolEvent
from inspect_ai._model.content import Content
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant, ChatMessageTool
from inspect_ai._sample.limits import LimitExceededError
from inspect_ai._tool.arguments import call_arguments
from inspect_ai._tool.call import ToolCall, ToolCallError, ToolCallErrorType, ToolCallViewer
from inspect_ai._tool.describe import ToolSpec
from inspect_ai._tool.error import ToolError, ToolParsingError
from inspect_ai._tool.result import result_content
from inspect_ai._tool.truncate import truncate_output
from inspect_ai._transcript.span import span
from inspect_ai._transcript.span_id import current_span_id
from inspect_ai._transcript.transcript import transcript

Runnable = tuple[ToolSpec, Callable[..., Any]]
"""A tool's spec and the function to call."""


@dataclass(frozen=True)
class _Asked:
    """What approvers are shown besides the call: the model's message and the conversation."""

    message: str = ""
    history: Sequence[ChatMessage] = ()


async def execute_tools(
    calls: Sequence[ToolCall],
    tools: Mapping[str, Runnable],
    metadata: Mapping[str, Any],
    max_output: int | None = None,
    parallel: bool = True,
    message: ChatMessageAssistant | None = None,
    history: Sequence[ChatMessage] = (),
) -> list[ChatMessageTool]:
    """Run ``calls`` (concurrently unless ``parallel`` is False or a tool is not parallel).

    Args:
        calls: The tool calls, in order.
        tools: The tools by name.
        metadata: The sample metadata (for parameters bound to it).
        max_output: Bytes of output kept per call (None: the default; 0: no limit).
        parallel: Whether calls may run concurrently.
        message: The assistant message making the calls (shown to approvers).
        history: The conversation so far (given to approvers).

    Returns:
        One tool message per call, in the order of the calls.
    """
    for call in calls:
        runnable = tools.get(call.function)
        if runnable is not None and runnable[0].viewer is not None:
            call.view = runnable[0].viewer(call).call
    concurrent = (
        parallel
        and len(calls) > 1
        and all(tools[call.function][0].parallel for call in calls if call.function in tools)
    )
    asked = _Asked(message.text if message is not None else "", history)
    if not concurrent:
        return [await execute_call(call, tools, metadata, max_output, asked) for call in calls]
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [
                group.create_task(execute_call(call, tools, metadata, max_output, asked))
                for call in calls
            ]
    except BaseExceptionGroup as ex:
        raise ex.exceptions[0] from None
    return [task.result() for task in tasks]


async def execute_call(
    call: ToolCall,
    tools: Mapping[str, Runnable],
    metadata: Mapping[str, Any],
    max_output: int | None = None,
    asked: _Asked | None = None,
) -> ChatMessageTool:
    """Run one call in a ``tool`` span, record its ``ToolEvent`` and return its message.

    Under approval policies the call is first put to them (see ``_approved``).
    """
    active = transcript()
    started = active.working_time()
    event = ToolEvent(
        id=call.id,
        function=call.function,
        arguments=call.arguments,
        view=call.view,
        span_id=current_span_id(),
        working_start=started,
    )
    async with span(call.function, type="tool"):
        try:
            content, error = await _outcome(call, tools, metadata, asked or _Asked())
        except BaseException as ex:
            _fail(event, ex, active.working_time() - started)
            raise
        if isinstance(content, str) and error is None:
            content, event.truncated = truncate_output(call.function, content, max_output)
        message = ChatMessageTool(
            content=content, tool_call_id=call.id, function=call.function, error=error
        )
        event.result = content  # type: ignore[assignment]
        event.error = error
        event.message_id = message.id
        _complete(event, active.working_time() - started)
    return message


async def _outcome(
    call: ToolCall, tools: Mapping[str, Runnable], metadata: Mapping[str, Any], asked: _Asked
) -> tuple[str | list[Content], ToolCallError | None]:
    """The content of the call's result, or the error to report to the model."""
    runnable = tools.get(call.function)
    if runnable is not None:
        approved = await _approved(call, runnable[0].viewer, asked)
        if isinstance(approved, ToolCallError):
            return "", approved
        call, runnable = approved, tools.get(approved.function)
    if runnable is None:
        return "", ToolCallError(type="parsing", message=f"Tool {call.function} not found")
    spec, function = runnable
    try:
        arguments = call_arguments(call, spec, metadata)
        result = function(**arguments)
        if inspect.isawaitable(result):
            result = await result
    except Exception as ex:
        error = reported_error(ex)
        if error is None:
            raise
        return "", error
    return result_content(result), None


async def _approved(
    call: ToolCall, viewer: ToolCallViewer | None, asked: _Asked
) -> ToolCall | ToolCallError:
    """The call to run as the approval policies decide (the call itself when there are none).

    A rejected call is the approval error reported to the model; ``terminate`` ends the
    sample (an ``operator`` limit, so it is still scored).
    """
    approval = await approve_call(call, viewer, asked.message, asked.history)
    if approval is None or approval.decision == "approve":
        return call
    if approval.decision == "modify":
        return approval.modified or call
    if approval.decision == "terminate":
        raise LimitExceededError(
            "operator", value=1, limit=1, message="Tool call approver requested termination."
        )
    return ToolCallError(
        type="approval", message=approval.explanation or "The tool call was not approved."
    )


def reported_error(ex: Exception) -> ToolCallError | None:
    """The error reported to the model for ``ex`` (None: it fails the sample instead)."""
    if isinstance(ex, ToolParsingError):
        return ToolCallError(type="parsing", message=ex.message)
    if isinstance(ex, ToolError):
        return ToolCallError(type="unknown", message=ex.message)
    if isinstance(ex, TimeoutError):
        return ToolCallError(type="timeout", message="The command timed out before completing.")
    if isinstance(ex, UnicodeDecodeError):
        return ToolCallError(
            type="unicode_decode", message=f"Error decoding bytes as {ex.encoding}: {ex.reason}"
        )
    for kind, type_ in _OS_ERRORS:
        if isinstance(ex, kind):
            return ToolCallError(type=type_, message=f"{ex.strerror}: '{ex.filename}'")
    return None


_OS_ERRORS: list[tuple[type[OSError], ToolCallErrorType]] = [
    (PermissionError, "permission"),
    (FileNotFoundError, "file_not_found"),
    (IsADirectoryError, "is_a_directory"),
]


def _fail(event: ToolEvent, ex: BaseException, working_time: float) -> None:
    """Record the event of a call that ended the sample (a limit, an error, cancellation)."""
    if isinstance(ex, LimitExceededError):
        event.error = ToolCallError(type="limit", message=ex.message)
    elif isinstance(ex, asyncio.CancelledError):
        event.error = ToolCallError(type="cancelled", message="The tool call was cancelled.")
    else:
        event.error = ToolCallError(type="unknown", message=f"{type(ex).__name__}: {ex}")
        event.failed = True
    _complete(event, working_time)


def _complete(event: ToolEvent, working_time: float) -> None:
    event.completed = datetime.now(UTC)
    event.working_time = working_time
    transcript()._event(event)
