"""Errors raised for log files that cannot be read."""


class LogFormatError(ValueError):
    """A file is not a readable eval log (not a log, corrupt, truncated or too new)."""
