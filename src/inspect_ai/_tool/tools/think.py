"""``think()``: a tool that lets the model write down a thought, and does nothing else."""

from inspect_ai._registry.registry import set_registry_params
from inspect_ai._tool.call import ToolCall, ToolCallContent, ToolCallView, ToolCallViewer
from inspect_ai._tool.tool import Tool
from inspect_ai._tool.tool_def import ToolDef


def think(description: str | None = None, thought_description: str | None = None) -> Tool:
    """A tool for thinking: the model writes a thought, which goes into the conversation.

    It gets no new information and changes nothing; it gives a model a place to reason
    between tool calls (e.g. to check the results of earlier calls against a policy
    before acting). It is no substitute for a model's own reasoning mode.

    Args:
        description: Description of the tool (overriding the default one).
        thought_description: Description of its ``thought`` parameter.
    """

    async def execute(thought: str) -> str:
        """Use this tool to think about something.

        It does not get new information or change anything: the thought is only added
        to the log. Use it when you need to reason through something complex or to keep
        notes while working.

        Args:
            thought: A thought to think about.
        """
        return ""

    parameters = {"thought": thought_description} if thought_description else None
    created = ToolDef(
        execute,
        name="think",
        description=description,
        parameters=parameters,
        viewer=think_viewer(),
    ).as_tool()
    given = {"description": description, "thought_description": thought_description}
    passed = {name: value for name, value in given.items() if value is not None}
    set_registry_params(created, given, passed)
    return created


def think_viewer() -> ToolCallViewer:
    """Shows a ``think`` call as its thought (markdown)."""

    def viewer(call: ToolCall) -> ToolCallView:
        thought = str(call.arguments.get("thought", ""))
        return ToolCallView(call=ToolCallContent(format="markdown", content=thought))

    return viewer
