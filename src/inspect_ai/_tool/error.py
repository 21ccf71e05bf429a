"""Errors a tool raises to report a problem back to the model."""


class ToolError(Exception):
    """An error the model should see (and may recover from), not a failure of the sample.

    Raise it from a tool to send ``message`` back to the model as the result of the call.

    Args:
        message: What went wrong.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ToolParsingError(ToolError):
    """The model's call could not be parsed or did not match the tool's parameters."""
