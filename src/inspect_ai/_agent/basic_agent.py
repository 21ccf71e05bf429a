"""``basic_agent()``: a tool use loop that ends when the model submits an answer."""

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from inspect_ai._agent.prompts import (
    DEFAULT_CONTINUE_MESSAGE,
    DEFAULT_INCORRECT_MESSAGE,
    DEFAULT_SUBMIT_DESCRIPTION,
    DEFAULT_SUBMIT_NAME,
    DEFAULT_SYSTEM_MESSAGE,
)
from inspect_ai._agent.submit import submission, submit_tool
from inspect_ai._model.generate_config import CachePolicy
from inspect_ai._model.message import ChatMessageUser
from inspect_ai._registry.registry import RegistryInfo, set_registry_info
from inspect_ai._sample.context import sample_context
from inspect_ai._sample.limits import LimitExceededError
from inspect_ai._scorer.intermediate import score
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.value_to_float import ValueToFloat, value_to_float
from inspect_ai._solver.chain import chain
from inspect_ai._solver.prompt import system_message
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._solver.use_tools import use_tools
from inspect_ai._tool.execute import execute_tools
from inspect_ai._tool.tool import Tool
from inspect_ai._tool.tool_def import runnable_tools
from inspect_ai._transcript.transcript import transcript

IncorrectMessage: TypeAlias = Callable[[TaskState, list[Score]], str | Awaitable[str]]
"""Makes the message sent after an incorrect submission (from the state and its scores)."""


@dataclass(frozen=True)
class _Settings:
    """How the agent loop runs (the arguments of ``basic_agent()``)."""

    cache: bool | CachePolicy
    max_attempts: int
    message_limit: int | None
    token_limit: int | None
    max_tool_output: int | None
    score_value: ValueToFloat
    incorrect_message: str | IncorrectMessage
    continue_message: str
    submit_name: str


@solver
def basic_agent(
    *,
    init: Solver | Sequence[Solver] | None = None,
    tools: Sequence[Tool] | Solver | None = None,
    cache: bool | CachePolicy = False,
    max_attempts: int = 1,
    message_limit: int | None = None,
    token_limit: int | None = None,
    max_tool_output: int | None = None,
    score_value: ValueToFloat | None = None,
    incorrect_message: str | IncorrectMessage = DEFAULT_INCORRECT_MESSAGE,
    continue_message: str = DEFAULT_CONTINUE_MESSAGE,
    submit_name: str = DEFAULT_SUBMIT_NAME,
    submit_description: str = DEFAULT_SUBMIT_DESCRIPTION,
) -> Solver:
    """A basic ReAct agent: calls the model and its tools until it submits an answer.

    The model is given the tools and a submit tool. Its tool calls are run and the
    results sent back, until it calls the submit tool; when it replies without calling
    a tool, it is asked to continue. The submitted answer becomes the output's
    completion. With ``max_attempts`` above 1, each submission is scored with the task's
    (first) scorer: one whose value converts to 1.0 ends the loop; otherwise the model is
    told its answer was incorrect and goes on, until no attempts remain.

    Args:
        init: Solvers run first (default: a system message describing the agent's job).
        tools: Tools the model may call (or a solver that sets them).
        cache: Cache model calls (True, or a ``CachePolicy``).
        max_attempts: Submissions allowed before the agent stops.
        message_limit: Maximum messages in the conversation (default: the sample's).
        token_limit: Maximum tokens the sample may use (default: the sample's).
        max_tool_output: Bytes of each tool's output kept (default: the eval's).
        score_value: Turns score values into floats (default ``value_to_float()``).
        incorrect_message: Message sent after an incorrect submission (or a function of
            the state and the scores making it).
        continue_message: Message sent when the model does not call a tool.
        submit_name: Name of the submit tool.
        submit_description: Description of the submit tool.
    """
    if max_attempts < 1:
        raise ValueError("basic_agent(): max_attempts must be at least 1.")
    if init is None:
        init = system_message(DEFAULT_SYSTEM_MESSAGE, submit=submit_name)
    steps = [init] if callable(init) else list(init)
    if tools is None or not callable(tools):
        tools = use_tools(list(tools or []), append=True)
    settings = _Settings(
        cache=cache,
        max_attempts=max_attempts,
        message_limit=message_limit,
        token_limit=token_limit,
        max_tool_output=max_tool_output,
        score_value=score_value or value_to_float(),
        incorrect_message=incorrect_message,
        continue_message=continue_message,
        submit_name=submit_name,
    )
    return chain(*steps, tools, submit_tool(submit_name, submit_description), _agent_loop(settings))


def _agent_loop(settings: _Settings) -> Solver:
    """The loop of ``basic_agent()``, as a solver named ``basic_agent_loop``."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        _apply_limits(state, settings)
        submitted = False
        attempts = 0
        while not state.completed:
            state = await _generate(state, generate, settings.cache)
            if not state.output.choices:
                break
            message = state.output.message
            if state.output.stop_reason == "model_length":
                transcript().info("Agent stopped: the model's context window is full.")
                break
            if not message.tool_calls:
                state.messages.append(ChatMessageUser(content=settings.continue_message))
                continue
            results = await execute_tools(
                message.tool_calls,
                runnable_tools(state.tools),
                state.metadata,
                max_output=settings.max_tool_output,
                message=message,
                history=state.messages,
            )
            _check_message_limit(state, len(state.messages) + len(results), exceeded=True)
            state.messages.extend(results)
            answer = submission(results, settings.submit_name)
            if answer is None:
                continue
            state.output.completion = answer
            attempts += 1
            if await _finished(state, settings, attempts):
                submitted = state.completed = True
        if not submitted:
            _check_message_limit(state, len(state.messages))
        return state

    set_registry_info(solve, RegistryInfo(type="solver", name="basic_agent_loop"))
    return solve


async def _generate(state: TaskState, generate: Generate, cache: bool | CachePolicy) -> TaskState:
    """One model call (the tool calls it makes are run by the loop)."""
    options: dict[str, Any] = {"cache": cache} if cache else {}
    return await generate(state, tool_calls="none", **options)


async def _finished(state: TaskState, settings: _Settings, attempts: int) -> bool:
    """Whether the agent is done after a submission: no attempts left, or a correct answer
    by the task's first scorer. Otherwise the model is told its answer was incorrect."""
    if attempts >= settings.max_attempts:
        return True
    scores = await score(state)
    if scores and settings.score_value(scores[0].value) == 1.0:
        return True
    text = settings.incorrect_message
    if not isinstance(text, str):
        made = text(state, scores)
        text = await made if inspect.isawaitable(made) else made
    state.messages.append(ChatMessageUser(content=text))
    return False


def _apply_limits(state: TaskState, settings: _Settings) -> None:
    """Make the agent's limits (when given) those of the sample."""
    context = sample_context()
    if settings.message_limit is not None:
        state.message_limit = settings.message_limit
        if context is not None:
            context.message_limit = settings.message_limit
    if settings.token_limit is not None:
        state.token_limit = settings.token_limit
        if context is not None:
            context.token_limit = settings.token_limit


def _check_message_limit(state: TaskState, count: int, exceeded: bool = False) -> None:
    """End the sample with a message limit when ``count`` messages reach the limit (or go
    over it, with ``exceeded``)."""
    limit = state.message_limit
    if limit is not None and (count > limit if exceeded else count >= limit):
        raise LimitExceededError("message", value=count, limit=limit)
