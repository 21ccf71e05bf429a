"""Bad input is reported in one line on stderr with a non-zero exit, never a traceback."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

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


class OneLineUsageError(click.UsageError):
    """Bad usage shown as a single ``Error: <message>`` line on stderr (exit code 2)."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the one line (no usage text, no hint)."""
        click.echo(f"Error: {self.format_message()}", file=file or sys.stderr)


class OneLineUsageCommand(click.Command):
    """A command whose usage errors (bad values, unknown options) are one line each."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse as click does, reporting a usage error as a ``OneLineUsageError``."""
        try:
            return super().parse_args(ctx, args)
        except OneLineUsageError:
            raise
        except click.UsageError as ex:
            raise OneLineUsageError(ex.format_message()) from None


@contextmanager
def usage_errors(show_traceback: bool = False) -> Iterator[None]:
    """Every exception in the block is bad usage: one line on stderr and exit code 2.

    With ``show_traceback`` the exception's traceback is printed instead and the exit
    code is 1, as for an uncaught exception. Click's own exits and errors pass through.
    """
    try:
        yield
    except (click.exceptions.Exit, click.ClickException):
        raise
    except Exception as ex:
        if show_traceback:
            import traceback

            traceback.print_exc()
            raise click.exceptions.Exit(1) from None
        raise OneLineUsageError(_message(ex)) from None


def _message(ex: BaseException) -> str:
    if isinstance(ex, FileNotFoundError) and ex.filename:
        return f"File not found: {ex.filename}"
    if isinstance(ex, KeyError) and ex.args:
        return str(ex.args[0])
    if isinstance(ex, SyntaxError) and ex.filename:
        return f"Syntax error in {ex.filename} (line {ex.lineno}): {ex.msg}"
    lines = [line for line in str(ex).splitlines() if line.strip()]
    return lines[0].strip() if lines else type(ex).__name__
