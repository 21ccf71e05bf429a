"""Python logging during an eval: shown on the console and recorded in sample transcripts."""

import contextlib
import logging
from collections.abc import Iterator

from inspect_ai._event.logger import LoggerEvent, LoggingMessage
from inspect_ai._model.http_log import HTTP_LEVEL
from inspect_ai._transcript.transcript import _current as _current_transcript

TRANSCRIPT_LEVEL = logging.INFO
"""Log records at or above this level go into the running sample's transcript."""

HTTP_LOGGERS = ("httpx", "httpx2", "httpcore")
"""Loggers of HTTP clients, quiet unless the level is ``http`` or lower."""


class TranscriptHandler(logging.Handler):
    """Adds a ``logger`` event to the transcript of the sample the record came from."""

    def emit(self, record: logging.LogRecord) -> None:
        active = _current_transcript.get()
        if active is None or record.levelno < TRANSCRIPT_LEVEL:
            return
        message = LoggingMessage(
            name=record.name, level=_level_name(record.levelno), message=record.getMessage(),
            created=record.created * 1000, filename=record.filename, module=record.module,
            lineno=record.lineno,
        )  # fmt: skip
        active._event(LoggerEvent(message=message))


def _level_name(levelno: int) -> str:
    return logging.getLevelName(levelno).lower()


@contextlib.contextmanager
def capture_logging(level: str, console: logging.Handler) -> Iterator[None]:
    """Show records at ``level`` and above through ``console`` and record them in
    transcripts."""
    root = logging.getLogger()
    levelno = _parse_level(level)
    console.setLevel(levelno)
    transcript_handler = TranscriptHandler(TRANSCRIPT_LEVEL)
    previous = root.level
    http_previous = [logging.getLogger(name).level for name in HTTP_LOGGERS]
    if levelno > HTTP_LEVEL:
        for name in HTTP_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    root.setLevel(min(levelno, TRANSCRIPT_LEVEL))
    root.addHandler(console)
    root.addHandler(transcript_handler)
    try:
        yield
    finally:
        root.removeHandler(console)
        root.removeHandler(transcript_handler)
        root.setLevel(previous)
        for name, http_level in zip(HTTP_LOGGERS, http_previous, strict=True):
            logging.getLogger(name).setLevel(http_level)


def _parse_level(level: str) -> int:
    value = logging.getLevelName(level.upper())  # "HTTP" is registered above
    if not isinstance(value, int):
        raise ValueError(
            f"Unknown log level '{level}' (use debug, http, info, warning, error or critical)."
        )
    return value
