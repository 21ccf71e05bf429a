"""Limits on what sandbox actions return, and the error raised when one is exceeded."""


class SandboxEnvironmentLimits:
    """Largest outputs a sandbox environment returns."""

    MAX_EXEC_OUTPUT_SIZE = 10 * 1024**2
    """Bytes of output (stdout and stderr together) ``exec()`` collects."""

    MAX_READ_FILE_SIZE = 100 * 1024**2
    """Bytes of a file ``read_file()`` reads."""


class OutputLimitExceededError(Exception):
    """A sandbox command or file produced more output than the limit allows.

    Args:
        limit_str: The limit, for people (e.g. "10 MiB").
        truncated_output: The output up to the limit (if available).
    """

    def __init__(self, limit_str: str, truncated_output: str | None) -> None:
        super().__init__(f"The output limit of {limit_str} was exceeded.")
        self.limit_str = limit_str
        self.truncated_output = truncated_output


def limit_str(size: int) -> str:
    """``size`` bytes for messages: in MiB, KiB or bytes."""
    for unit, scale in (("MiB", 1024**2), ("KiB", 1024)):
        if size >= scale:
            return f"{size / scale:.4g} {unit}"
    return f"{size} bytes"
