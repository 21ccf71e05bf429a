# 5.6 Agent Solvers: a LangChain tool-calling agent run as an Inspect solver, offline.
#
# The agent is written against LangChain's interfaces only (`langchain-core`): a chat
# model with tools bound (`bind_tools`), LangChain tools, and a loop that runs the tool
# calls until the model answers. `langchain_solver()` (inspect_langchain.py) gives it an
# `InspectChatModel`, so every model call goes to the model being evaluated.
#
# mockllm/model's stock reply never calls a tool, so (unless -T mock=false) the task
# brings its own mockllm/model that behaves like a model using the tool: it asks for
# multiply(a, b) with the numbers of the question, then answers with the tool's result.
#
#   inspect eval examples/langchain_agent/calculator.py --model mockllm/model
import re
from typing import Any

from inspect_langchain import langchain_solver, message_text
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.tools import tool as langchain_tool

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessage, ChatMessageTool, ModelOutput, get_model
from inspect_ai.scorer import includes
from inspect_ai.solver import Solver, solver


@langchain_tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b


@solver
def langchain_calculator(max_iterations: int = 10) -> Solver:
    tools = [multiply]
    by_name = {tool.name: tool for tool in tools}

    # agent function (the standard interface of langchain_solver)
    async def agent(llm: BaseChatModel, input: dict[str, Any]) -> str:
        model = llm.bind_tools(tools)
        messages: list[BaseMessage] = [
            SystemMessage("You are a calculator. Use the multiply tool to multiply."),
            *input["chat_history"],
            HumanMessage(input["input"]),
        ]
        for _ in range(max_iterations):
            reply = await model.ainvoke(messages)
            messages.append(reply)
            if not reply.tool_calls:
                return message_text(reply.content)
            for call in reply.tool_calls:
                messages.append(await by_name[call["name"]].ainvoke(call))
        return "Stopped: too many iterations."

    # return agent function as inspect solver
    return langchain_solver(agent)


@task
def calculator(mock: bool = True) -> Task:
    return Task(
        dataset=[
            Sample(input="What is 6 times 7?", target="42"),
            Sample(input="What is 12 times 12?", target="144"),
        ],
        solver=langchain_calculator(),
        scorer=includes(),
        model=get_model("mockllm/model", custom_outputs=calculating_model) if mock else None,
    )


def calculating_model(input: list[ChatMessage], *args: Any) -> ModelOutput:
    """Replies like a model using the multiply tool (for mockllm/model)."""
    last = input[-1]
    if isinstance(last, ChatMessageTool):
        return ModelOutput.from_content("mockllm/model", f"The answer is {last.text}.")
    a, b = (int(number) for number in re.findall(r"\d+", last.text)[:2])
    return ModelOutput.for_tool_call("mockllm/model", "multiply", {"a": a, "b": b})
