"""Prompt engineering solvers: system and user messages, prompt templates, chain of thought."""

from typing import Any

from inspect_ai._model.message import ChatMessage, ChatMessageSystem, ChatMessageUser
from inspect_ai._resource import resource
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._solver.template import format_template, state_values

DEFAULT_COT_TEMPLATE = """{prompt}

Work through this problem one step at a time, showing your reasoning. When you are done, give your final answer on a line by itself at the very end of your response, written as

ANSWER: $ANSWER

where $ANSWER is your answer (and nothing else goes on that line)."""
"""The default ``chain_of_thought()`` template (``{prompt}`` is the original prompt)."""


@solver
def system_message(template: str, **params: Any) -> Solver:
    """Add a system message to the conversation.

    The message goes after any system messages already at the start of the
    conversation. Placeholders in the template are filled from the sample's metadata,
    its store and ``params`` (later ones win); unknown placeholders are left as they are.

    Args:
        template: Message text, or a file or URL holding it (see ``resource()``).
        **params: Values for placeholders in the template.
    """
    content = resource(template)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        text = format_template(content, state_values(state, params))
        insert_system_message(state.messages, ChatMessageSystem(content=text))
        return state

    return solve


def insert_system_message(messages: list[ChatMessage], message: ChatMessageSystem) -> None:
    """Insert ``message`` after the system messages at the start of ``messages``."""
    index = 0
    while index < len(messages) and isinstance(messages[index], ChatMessageSystem):
        index += 1
    messages.insert(index, message)


@solver
def user_message(template: str, **params: Any) -> Solver:
    """Append a user message to the conversation.

    Placeholders in the template are filled from the sample's metadata, its store and
    ``params`` (later ones win); unknown placeholders are left as they are.

    Args:
        template: Message text, or a file or URL holding it (see ``resource()``).
        **params: Values for placeholders in the template.
    """
    content = resource(template)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        text = format_template(content, state_values(state, params))
        state.messages.append(ChatMessageUser(content=text))
        return state

    return solve


@solver
def prompt_template(template: str, **params: Any) -> Solver:
    """Rewrite the user prompt with a template.

    ``{prompt}`` in the template is replaced by the current text of the user prompt
    (the first user message); other placeholders are filled from the sample's metadata,
    its store and ``params``. A conversation without a user message is left unchanged.

    Args:
        template: Template text, or a file or URL holding it (see ``resource()``).
        **params: Values for other placeholders in the template.
    """
    content = resource(template)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        rewrite_user_prompt(state, content, params)
        return state

    return solve


@solver
def chain_of_thought(template: str = DEFAULT_COT_TEMPLATE) -> Solver:
    """Ask the model to reason step by step and end with a line ``ANSWER: $ANSWER``.

    Args:
        template: Template with a ``{prompt}`` placeholder for the original prompt
            (or a file or URL holding it).
    """
    content = resource(template)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        rewrite_user_prompt(state, content, {})
        return state

    return solve


def rewrite_user_prompt(state: TaskState, template: str, params: dict[str, Any]) -> None:
    """Replace the user prompt's text with ``template`` filled in (``{prompt}`` = old text)."""
    prompt = first_user_message(state)
    if prompt is None:
        return
    values = state_values(state, params, {"prompt": prompt.text})
    prompt.text = format_template(template, values)


def first_user_message(state: TaskState) -> ChatMessageUser | None:
    """The first user message of the conversation (None if there is none)."""
    for message in state.messages:
        if isinstance(message, ChatMessageUser):
            return message
    return None
