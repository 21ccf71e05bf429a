"""Keeping tool output within ``max_tool_output`` bytes."""

DEFAULT_MAX_TOOL_OUTPUT = 16 * 1024
"""Bytes of tool output kept when ``GenerateConfig.max_tool_output`` is not set."""


def truncate_output(
    function: str, output: str, max_bytes: int | None
) -> tuple[str, tuple[int, int] | None]:
    """``output`` cut to ``max_bytes`` (UTF-8) with a note saying so.

    Returns:
        The output, and its size and the size kept in bytes (None when the output fits
        or ``max_bytes`` is 0: no limit).
    """
    limit = DEFAULT_MAX_TOOL_OUTPUT if max_bytes is None else max_bytes
    encoded = output.encode("utf-8")
    if limit <= 0 or len(encoded) <= limit:
        return output, None
    kept = encoded[:limit].decode("utf-8", errors="ignore")
    note = (
        f"The output of {function} was too long ({len(encoded)} bytes), so only its first "
        f"{limit} bytes are shown:"
    )
    text = f"{note}\n<START_TOOL_OUTPUT>\n{kept}\n<END_TOOL_OUTPUT>\n"
    return text, (len(encoded), len(kept.encode("utf-8")))
