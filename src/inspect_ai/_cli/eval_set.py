"""``inspect eval-set``: run a set of tasks to success, with retries, resumably.

Takes every ``inspect eval`` option, a required ``--log-dir``, and the retry options.
Exit codes as for ``inspect eval``.
"""

import os
from typing import Any

import click

from inspect_ai._cli.eval import EvalCommand, run_and_exit
from inspect_ai._cli.eval_options import eval_options


@click.command("eval-set", cls=EvalCommand)
@click.argument("tasks", nargs=-1)
@click.option(
    "--retry-attempts", type=click.IntRange(min=0), metavar="N", help="Retries of failed tasks."
)
@click.option(
    "--retry-wait",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Wait before the first retry (doubled for each one after it).",
)
@click.option(
    "--retry-connections",
    type=click.FloatRange(min=0, max=1),
    metavar="FACTOR",
    help="Factor applied to max connections at each retry.",
)
@click.option("--no-retry-cleanup", is_flag=True, help="Keep the logs of failed attempts.")
@click.option("--bundle-dir", metavar="DIR", help="Also copy the set's logs here.")
@click.option("--bundle-overwrite", is_flag=True, help="Replace an existing bundle dir.")
@eval_options
def eval_set_command(tasks: tuple[str, ...], **options: Any) -> None:
    """Evaluate a set of tasks, retrying failures; run again to resume (needs --log-dir)."""
    run_and_exit(
        lambda: _run(tasks, options),
        options["display"],
        options["trace"],
        options["debug_errors"],
    )


def _run(tasks: tuple[str, ...], options: dict[str, Any]) -> list[Any]:
    from inspect_ai._cli.errors import OneLineUsageError
    from inspect_ai._cli.eval_args import eval_arguments
    from inspect_ai._runner.eval_set import eval_set

    set_options = {
        "retry_attempts": options.pop("retry_attempts"),
        "retry_wait": options.pop("retry_wait"),
        "retry_connections": options.pop("retry_connections"),
        "retry_cleanup": False if options.pop("no_retry_cleanup") else None,
        "bundle_dir": options.pop("bundle_dir"),
        "bundle_overwrite": options.pop("bundle_overwrite"),
    }
    arguments = eval_arguments(tasks, options)
    arguments["log_dir"] = arguments.get("log_dir") or os.environ.get("INSPECT_LOG_DIR")
    if not arguments["log_dir"]:
        raise OneLineUsageError("inspect eval-set needs --log-dir (where the set is resumed from).")
    _, logs = eval_set(**arguments, **set_options)
    return logs
