"""Bad input is reported in one line on stderr with a non-zero exit, never a traceback."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn errors caused by bad input (files, formats, values) into one-line click errors."""
    try:
        yield
    except click.exceptions.Exit:
        raise
    except BrokenPipeError:
        # the reader of our output went away (e.g. `inspect log list | head -1`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise click.exceptions.Exit(0) from None
    except (OSError, ValueError, IndexError, KeyError) as ex:
        raise click.ClickException(_message(ex)) from None


def _message(ex: BaseException) -> str:
    if isinstance(ex, FileNotFoundError) and ex.filename:
        return f"File not found: {ex.filename}"
    if isinstance(ex, KeyError) and ex.args:
        return str(ex.args[0])
    text = str(ex) or type(ex).__name__
    return text.splitlines()[0] if text else type(ex).__name__
