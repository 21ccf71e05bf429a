# 5.6 Agent Solvers, Example: Wikipedia Search — the LangChain bridge (`inspect_langchain`).
#
# Not a feature of inspect_ai: the guide ships this module with its example. It bridges
# 1. Inspect's model API into LangChain: `InspectChatModel` is a LangChain chat model
#    (`BaseChatModel`) whose calls go to the Inspect model being evaluated, so the agent
#    is evaluated on that model (and its calls are logged as model events);
# 2. the solver interface to a LangChain agent function: `langchain_solver(agent)` turns
#    `async agent(llm, input) -> output` into a solver.
#
# Only `langchain-core` is needed (pip install langchain-core).
from typing import Any, Protocol

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field

from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    GenerateConfig,
    Model,
    ModelOutput,
    get_model,
)
from inspect_ai.solver import Generate, Solver, TaskState
from inspect_ai.tool import ToolCall, ToolChoice, ToolFunction, ToolInfo, ToolParams


# Interface for LangChain agent function
class LangChainAgent(Protocol):
    async def __call__(self, llm: BaseChatModel, input: dict[str, Any]) -> Any: ...


# Convert a LangChain agent function into a Solver
def langchain_solver(agent: LangChainAgent) -> Solver:
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        # create the inspect model api bridge
        llm = InspectChatModel()

        # call the agent
        output = await agent(
            llm=llm,
            input=dict(
                input=state.user_prompt.text,
                chat_history=as_langchain_chat_history(state.messages[1:]),
            ),
        )

        # collect output from llm interface
        if llm.output is not None:
            state.messages = llm.messages
            state.output = llm.output
        state.output.completion = output_text(output)

        # return state
        return state

    return solve


# LangChain BaseChatModel for Inspect Model API
class InspectChatModel(BaseChatModel):
    """A LangChain chat model that calls an Inspect model (the evaluated one by default).

    After each call, `messages` holds the conversation sent plus the reply, and `output`
    the Inspect `ModelOutput` (so a solver can put them in the task state).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: Model = Field(default_factory=get_model)
    messages: list[ChatMessage] = Field(default_factory=list)
    output: ModelOutput | None = None

    @property
    def _llm_type(self) -> str:
        return f"inspect_ai/{self.model}"

    def bind_tools(
        self, tools: Any, *, tool_choice: str | None = None, **kwargs: Any
    ) -> Runnable[LanguageModelInput, AIMessage]:
        formatted = [convert_to_openai_tool(tool) for tool in tools]
        if tool_choice is not None:
            kwargs["tool_choice"] = tool_choice
        return self.bind(tools=formatted, **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        raise NotImplementedError("InspectChatModel is async: use ainvoke() / agenerate().")

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        input = [as_inspect_message(message) for message in messages]
        tools = [as_tool_info(tool) for tool in kwargs.get("tools", [])]
        output = await self.model.generate(
            input,
            tools=tools,
            tool_choice=as_tool_choice(kwargs.get("tool_choice"), bool(tools)),
            config=GenerateConfig(stop_seqs=stop) if stop else None,
        )
        self.messages = [*input, output.message]
        self.output = output
        return ChatResult(generations=[ChatGeneration(message=as_ai_message(output.message))])


def as_langchain_chat_history(messages: list[ChatMessage]) -> list[BaseMessage]:
    """Inspect chat messages as LangChain messages."""
    return [as_langchain_message(message) for message in messages]


def as_langchain_message(message: ChatMessage) -> BaseMessage:
    if isinstance(message, ChatMessageSystem):
        return SystemMessage(content=message.text)
    if isinstance(message, ChatMessageUser):
        return HumanMessage(content=message.text)
    if isinstance(message, ChatMessageAssistant):
        return as_ai_message(message)
    return ToolMessage(
        content=message.text,
        tool_call_id=message.tool_call_id or "",
        name=message.function,
    )


def as_ai_message(message: ChatMessageAssistant) -> AIMessage:
    calls = [
        {"id": call.id, "name": call.function, "args": call.arguments}
        for call in message.tool_calls or []
    ]
    return AIMessage(content=message.text, tool_calls=calls)


def as_inspect_message(message: BaseMessage) -> ChatMessage:
    """A LangChain message as an Inspect chat message."""
    content = message_text(message.content)
    if isinstance(message, SystemMessage):
        return ChatMessageSystem(content=content)
    if isinstance(message, AIMessage):
        calls = [
            ToolCall(id=call["id"] or call["name"], function=call["name"], arguments=call["args"])
            for call in message.tool_calls
        ]
        return ChatMessageAssistant(content=content, tool_calls=calls or None)
    if isinstance(message, ToolMessage):
        return ChatMessageTool(
            content=content, tool_call_id=message.tool_call_id, function=message.name
        )
    return ChatMessageUser(content=content)


def as_tool_info(tool: dict[str, Any]) -> ToolInfo:
    """A tool in OpenAI's format (as `bind_tools` makes them) as an Inspect `ToolInfo`."""
    function = tool["function"]
    return ToolInfo(
        name=function["name"],
        description=function.get("description", ""),
        parameters=ToolParams.model_validate(function.get("parameters", {})),
    )


def as_tool_choice(choice: Any, has_tools: bool) -> ToolChoice | None:
    if not has_tools or choice is None:
        return None
    if isinstance(choice, dict):
        return ToolFunction(name=choice["function"]["name"])
    if choice in ("auto", "none"):
        return choice
    if choice in ("any", "required", True):
        return "any"
    return ToolFunction(name=str(choice))


def message_text(content: str | list[Any]) -> str:
    if isinstance(content, str):
        return content
    parts = [part if isinstance(part, str) else part.get("text", "") for part in content]
    return "".join(parts)


def output_text(output: Any) -> str:
    """An agent's output (a string, or LangChain content parts) as text."""
    return message_text(output) if isinstance(output, str | list) else str(output)
