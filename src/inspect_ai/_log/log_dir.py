"""Where logs go when no log directory is given."""

import os

LOG_DIR_VARIABLE = "INSPECT_LOG_DIR"
DEFAULT_LOG_DIR = "./logs"


def default_log_dir() -> str:
    """The log directory: ``INSPECT_LOG_DIR``, else ``./logs``."""
    return os.environ.get(LOG_DIR_VARIABLE) or DEFAULT_LOG_DIR
