"""Python logging through a rich console, so records print above its live region."""

import logging

from rich.console import Console
from rich.logging import RichHandler


def console_log_handler(console: Console) -> logging.Handler:
    """A handler printing ``LEVEL  message`` lines through ``console`` (above any live
    display it shows, never into it)."""
    return RichHandler(
        console=console,
        show_time=False,
        show_path=False,
        markup=False,
        rich_tracebacks=False,
        keywords=[],
    )
