"""Showing a tool call's code as a fenced block (for the log viewer and approvers)."""

from inspect_ai._tool.call import ToolCall, ToolCallContent, ToolCallView, ToolCallViewer


def code_viewer(language: str, code_param: str) -> ToolCallViewer:
    """A viewer showing argument ``code_param`` of a call as ``language`` code.

    Args:
        language: Language of the code (the fence's info string).
        code_param: The argument holding the code.
    """

    def viewer(call: ToolCall) -> ToolCallView:
        code = str(call.arguments.get(code_param, "")).strip()
        content = ToolCallContent(format="markdown", content=f"```{language}\n{code}\n```\n")
        return ToolCallView(call=content)

    return viewer
