"""``inspect eval-retry``: finish evals that failed or were interrupted, from their logs.

Exit codes as for ``inspect eval``. Imported for ``--help``, so it imports neither the
runner nor the log models until the command runs.
"""

from typing import Any

import click

from inspect_ai._cli.eval import EvalCommand, run_and_exit
from inspect_ai._cli.eval_options import DISPLAYS, LOG_LEVELS
from inspect_ai._cli.eval_types import FAIL_ON_ERROR

_COUNT = click.IntRange(min=1)


@click.command("eval-retry", cls=EvalCommand)
@click.argument("log_files", nargs=-1, required=True)
@click.option("--log-dir", metavar="DIR", help="Directory for the new logs (default: each log's).")
@click.option("--log-format", type=click.Choice(["eval", "json"]), help="Format of the new logs.")
@click.option("--max-samples", type=_COUNT, metavar="N", help="Samples run at once.")
@click.option("--max-tasks", type=_COUNT, metavar="N", help="Tasks run at once.")
@click.option("--max-subprocesses", type=_COUNT, metavar="N", help="Subprocesses run at once.")
@click.option("--max-sandboxes", type=_COUNT, metavar="N", help="Sandboxes at once.")
@click.option("--no-sandbox-cleanup", is_flag=True, help="Keep sandboxes after the eval.")
@click.option(
    "--fail-on-error",
    type=FAIL_ON_ERROR,
    is_flag=False,
    flag_value="true",
    help="Fail on sample errors: alone, on any; a proportion (<1) or a count (>=1).",
)
@click.option("--no-fail-on-error", is_flag=True, help="Never fail on sample errors.")
@click.option(
    "--retry-on-error",
    type=click.IntRange(min=0),
    metavar="N",
    is_flag=False,
    flag_value="1",
    help="Retry a sample that errors (alone, once; or N times).",
)
@click.option("--debug-errors", is_flag=True, help="Raise errors, with their traceback.")
@click.option("--no-log-samples", is_flag=True, help="Do not log sample details.")
@click.option("--log-images/--no-log-images", default=None, help="Log images as base64.")
@click.option("--log-buffer", type=_COUNT, metavar="N", help="Samples per log write.")
@click.option(
    "--log-shared",
    type=click.IntRange(min=1),
    metavar="[SECONDS]",
    is_flag=False,
    flag_value="10",
    help="Copy live samples next to the log every SECONDS (alone, 10).",
)
@click.option("--no-score", is_flag=True, help="Do not score (score later).")
@click.option("--max-connections", type=_COUNT, metavar="N", help="Concurrent API calls.")
@click.option("--max-retries", type=click.IntRange(min=0), metavar="N", help="API call retries.")
@click.option("--timeout", type=_COUNT, metavar="N", help="API call timeout (seconds).")
@click.option("--log-level", type=click.Choice(LOG_LEVELS), help="Console log level.")
@click.option("--trace", is_flag=True, help="Show model messages, one sample at a time.")
@click.option("--display", type=click.Choice(DISPLAYS), help="How progress is shown.")
def eval_retry_command(log_files: tuple[str, ...], **options: Any) -> None:
    """Retry evals from their log files, reusing the samples they completed."""
    run_and_exit(
        lambda: _run(log_files, options),
        options["display"],
        options["trace"],
        options["debug_errors"],
    )


def _run(log_files: tuple[str, ...], options: dict[str, Any]) -> list[Any]:
    from inspect_ai._runner.retry import eval_retry

    fail_on_error = False if options.pop("no_fail_on_error") else options.pop("fail_on_error")
    return eval_retry(
        list(log_files),
        fail_on_error=fail_on_error,
        sandbox_cleanup=False if options.pop("no_sandbox_cleanup") else None,
        log_samples=False if options.pop("no_log_samples") else None,
        score=not options.pop("no_score"),
        debug_errors=options.pop("debug_errors") or None,
        trace=options.pop("trace") or None,
        log_header_only=True,
        **options,
    )
