"""``inspect eval``: run tasks against a model from the command line.

Exit codes: 0 when every log has status ``success``, 1 when a task failed (its log has
status ``error``), 2 for bad usage (anything ``eval()`` raises: it raises only for
problems found before a task runs), 130 when interrupted with Ctrl+C.

This module is imported for ``inspect eval --help``, so it imports neither the runner
nor the log models; the command imports them when it runs.
"""

from collections.abc import Callable
from typing import Any

import click

from inspect_ai._cli.errors import OneLineUsageCommand, usage_errors
from inspect_ai._cli.eval_options import eval_options, fill_optional_values

INTERRUPTED_EXIT_CODE = 130


class EvalCommand(OneLineUsageCommand):
    """``inspect eval``: one-line usage errors, and options whose value may be left out."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse ``args``, giving ``--fail-on-error task.py`` its bare-flag value."""
        return super().parse_args(ctx, fill_optional_values(args))


@click.command("eval", cls=EvalCommand)
@click.argument("tasks", nargs=-1)
@eval_options
def eval_command(tasks: tuple[str, ...], **options: Any) -> None:
    """Evaluate tasks (files, file.py@task, directories or notebooks) against a model.

    Every option can also be set as INSPECT_EVAL_<OPTION> in the environment or in a
    .env file in the working directory (e.g. INSPECT_EVAL_LIMIT=10).
    """
    run_and_exit(
        lambda: _run(tasks, options),
        options["display"],
        options["trace"],
        options["debug_errors"],
    )


def run_and_exit(
    run: Callable[[], list[Any]], display: str | None, trace: bool, debug_errors: bool
) -> None:
    """Run evals, then exit 0 (all succeeded), 1 (one failed), 2 (bad usage) or 130
    (interrupted), reporting failed and interrupted logs when there is no display."""
    try:
        with usage_errors(show_traceback=debug_errors):
            logs = run()
    except KeyboardInterrupt:
        _report_interrupted(display, trace)
        raise click.exceptions.Exit(INTERRUPTED_EXIT_CODE) from None
    failed = [log for log in logs if log.status != "success"]
    if failed:
        _report_failed(failed, display, trace)
        raise click.exceptions.Exit(1)


def _run(tasks: tuple[str, ...], options: dict[str, Any]) -> list[Any]:
    """Call ``eval()`` with the options; the logs come back without their samples (they
    are in the log files), so finished samples need not stay in memory."""
    from inspect_ai._cli.eval_args import eval_arguments
    from inspect_ai._runner.eval import eval

    return eval(**eval_arguments(tasks, options), log_header_only=True)


def _report_failed(logs: list[Any], display: str | None, trace: bool) -> None:
    """With no display, one ``Error:`` line per failed task (displays show errors)."""
    if not _display_none(display, trace):
        return
    for log in logs:
        message = log.error.message.splitlines()[0] if log.error is not None else log.status
        click.echo(f"Error: {log.eval.task} ({log.eval.model}): {message}", err=True)


def _report_interrupted(display: str | None, trace: bool) -> None:
    """With no display, the location of each log written as cancelled."""
    from inspect_ai._runner.interrupt import interrupted_logs

    if _display_none(display, trace):
        for location in interrupted_logs():
            click.echo(f"Log: {location}", err=True)


def _display_none(display: str | None, trace: bool) -> bool:
    from inspect_ai._display.create import display_type

    return display_type(display, trace) == "none"
