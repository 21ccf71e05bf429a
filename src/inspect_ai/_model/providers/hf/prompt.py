"""Chat messages (and tools) as the prompt text a Hugging Face model continues."""

import json
from dataclasses import dataclass, field
from typing import Any

from inspect_ai._model.message import ChatMessage, ChatMessageAssistant, ChatMessageTool
from inspect_ai._model.providers.openai_compatible.tools import openai_tool
from inspect_ai._tool.info import ToolChoice, ToolFunction, ToolInfo

ChatTurn = dict[str, Any]
"""One message as chat templates take it: ``{"role": ..., "content": ...}``, plus
``tool_calls`` on an assistant turn and ``name``/``tool_call_id`` on a tool result."""


@dataclass(frozen=True)
class Prompt:
    """One call's conversation and the tools it offers (as function schemas)."""

    turns: list[ChatTurn]
    tools: list[dict[str, Any]] = field(default_factory=list)


def chat_prompt(messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice) -> Prompt:
    """The prompt of a call: the text of each message (images are left out), tool calls
    and results as chat templates take them, and the tools unless ``choice`` is ``none``
    (a named function leaves only that tool)."""
    if choice == "none":
        tools = []
    elif isinstance(choice, ToolFunction):
        tools = [tool for tool in tools if tool.name == choice.name]
    return Prompt([_turn(message) for message in messages], [openai_tool(t) for t in tools])


def _turn(message: ChatMessage) -> ChatTurn:
    turn: ChatTurn = {"role": message.role, "content": message.text}
    if isinstance(message, ChatMessageAssistant) and message.tool_calls:
        turn["tool_calls"] = [
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.function, "arguments": call.arguments},
            }
            for call in message.tool_calls
        ]
    elif isinstance(message, ChatMessageTool):
        turn["name"] = message.function
        turn["tool_call_id"] = message.tool_call_id
    return turn


def prompt_text(tokenizer: Any, prompt: Prompt) -> str:
    """The prompt: the tokenizer's chat template (given the tools) with the generation
    prompt added, or (for a tokenizer without one) a plain ``Role: text`` transcript."""
    if has_chat_template(tokenizer):
        text = tokenizer.apply_chat_template(
            prompt.turns, tools=prompt.tools or None, tokenize=False, add_generation_prompt=True
        )
        return str(text)
    return plain_prompt(prompt)


def has_chat_template(tokenizer: Any) -> bool:
    """Whether ``tokenizer`` comes with a chat template."""
    return bool(getattr(tokenizer, "chat_template", None))


def plain_prompt(prompt: Prompt) -> str:
    """A transcript of the turns (``User: ...``) ending with ``Assistant:`` to continue,
    after the tools and how to call them when there are any."""
    lines = [_plain_turn(turn) for turn in prompt.turns]
    if prompt.tools:
        schemas = "\n".join(json.dumps(tool["function"]) for tool in prompt.tools)
        lines.insert(
            0,
            "Tools: to call one, answer with <tool_call>"
            '{"name": ..., "arguments": {...}}</tool_call>\n' + schemas,
        )
    return "\n\n".join([*lines, "Assistant:"])


def _plain_turn(turn: ChatTurn) -> str:
    text = f"{turn['role'].capitalize()}: {turn['content']}"
    for call in turn.get("tool_calls", []):
        function = call["function"]
        payload = {"name": function["name"], "arguments": function["arguments"]}
        text += f"\n<tool_call>{json.dumps(payload)}</tool_call>"
    return text
