"""``inspect score``: score a log again, with the task's scorers or another one.

``inspect score [TASK_FILE] LOG_FILE`` scores the samples of the log and writes the
scored log (same format): over the log (the default, or ``--overwrite``), to
``LOG-scored.<ext>`` with ``--no-overwrite`` (a log already named ``-scored`` is always
overwritten), or to ``--output-file``. ``inspect score TASK_FILE`` scores the latest log of that task.

Exit codes: 0 scored, 1 a scorer failed, 2 bad usage (a missing or unreadable log, an
unknown scorer, a log without samples).
"""

from typing import Any, cast

import click

from inspect_ai._cli.errors import OneLineUsageCommand, OneLineUsageError, usage_errors
from inspect_ai._cli.eval_options import DISPLAYS, LOG_LEVELS
from inspect_ai._cli.key_value import key_value_pairs
from inspect_ai._log.log_dir import LOG_DIR_VARIABLE

TASK_FILE_SUFFIXES = (".py", ".ipynb")


@click.command("score", cls=OneLineUsageCommand)
@click.argument("files", nargs=-1, required=True, metavar="[TASK_FILE] LOG_FILE")
@click.option(
    "--scorer", help="Scorer to use: a @scorer name or file.py@name (default: the task's)."
)
@click.option("-S", "scorer_args", multiple=True, help="Scorer argument (e.g. -S arg=value).")
@click.option(
    "--action",
    type=click.Choice(["append", "overwrite"]),
    help="Add to the samples' existing scores (append, the default) or replace them.",
)
@click.option(
    "--overwrite/--no-overwrite",
    default=None,
    help="Write over the log file, or write LOG-scored beside it.",
)
@click.option("--output-file", help="Write the scored log to this file.")
@click.option(
    "--log-dir",
    envvar=LOG_DIR_VARIABLE,
    help="Where to find the latest log of TASK_FILE (defaults to ./logs).",
)
@click.option("--log-level", type=click.Choice(LOG_LEVELS), help="Console log level.")
@click.option("--display", type=click.Choice(DISPLAYS), help="How progress is shown.")
def score_command(
    files: tuple[str, ...],
    scorer: str | None,
    scorer_args: tuple[str, ...],
    action: str | None,
    overwrite: bool | None,
    output_file: str | None,
    log_dir: str | None,
    log_level: str | None,
    display: str | None,
) -> None:
    """Score a log file (by default with the scorers of the task that wrote it)."""
    if overwrite and output_file:
        raise OneLineUsageError("Use either --overwrite or --output-file, not both.")
    with usage_errors():
        task_file, log_file = _task_and_log(files, log_dir)
        log = _read(log_file)
        scorers, metrics = _scorers(log, scorer, key_value_pairs(scorer_args, "-S"), task_file)
        target = _output(log_file, output_file, overwrite)
        scored = _score(log, scorers, metrics, action, display, log_level, target)
        _write(scored, target, log_file)


def _task_and_log(files: tuple[str, ...], log_dir: str | None) -> tuple[str | None, str]:
    """``[TASK_FILE] LOG_FILE``: a task file alone means its latest log."""
    if len(files) > 2:
        raise ValueError(f"Expected [TASK_FILE] LOG_FILE, got {len(files)} arguments.")
    if len(files) == 2:
        return files[0], files[1]
    if files[0].lower().endswith(TASK_FILE_SUFFIXES):
        from inspect_ai._log import filesystem
        from inspect_ai._rescore.latest import latest_task_log

        return files[0], filesystem.local_path(latest_task_log(files[0], log_dir))
    return None, files[0]


def _read(log_file: str) -> Any:
    from inspect_ai._log.read import read_eval_log

    log = read_eval_log(log_file)
    if not log.samples:
        raise ValueError(
            f"{log_file}: the log has no samples to score (it was written with"
            " log_samples=False, or the eval logged none)."
        )
    return log


def _scorers(
    log: Any, name: str | None, args: dict[str, Any], task_file: str | None
) -> tuple[list[tuple[str, Any]], dict[str, Any]]:
    """The scorer named by ``--scorer`` (with ``-S`` args), else the task's own."""
    from inspect_ai._rescore.metrics import log_scorer_metrics
    from inspect_ai._rescore.scorers import create_scorer, load_task_file, log_scorers
    from inspect_ai._runner.scoring import named_scorers

    if name is None:
        if args:
            raise ValueError("-S scorer arguments need a --scorer.")
        return log_scorers(log, task_file), log_scorer_metrics(log.eval.scorers or [])
    load_task_file(task_file or log.eval.task_file)
    return named_scorers([create_scorer(name, args)]), {}


def _output(log_file: str, output_file: str | None, overwrite: bool | None) -> str:
    from inspect_ai._rescore.output import output_location

    return output_location(log_file, output_file, overwrite)


def _score(
    log: Any,
    scorers: list[tuple[str, Any]],
    metrics: dict[str, Any],
    action: str | None,
    display: str | None,
    log_level: str | None,
    target: str,
) -> Any:
    """Score the log; a scorer failing is one line and exit code 1."""
    import asyncio
    import os

    from inspect_ai._display.display import Display
    from inspect_ai._rescore.run import SampleScoringError, ScoreAction
    from inspect_ai._rescore.score import rescore
    from inspect_ai._runner.log_capture import capture_logging

    level = log_level or os.environ.get("INSPECT_LOG_LEVEL") or "warning"
    chosen = cast("ScoreAction | None", action)  # click checked it is one of them
    with capture_logging(level, Display().log_handler()):
        try:
            return asyncio.run(
                rescore(
                    log,
                    scorers,
                    None,
                    chosen,
                    display=display,
                    copy=False,
                    metrics=metrics,
                    location=target,
                )
            )
        except SampleScoringError as ex:
            raise click.ClickException(str(ex).splitlines()[0]) from None


def _write(log: Any, target: str, log_file: str) -> None:
    """Write the scored log atomically, in the format of the log it came from."""
    from inspect_ai._log.format import detect_format
    from inspect_ai._log.write import write_eval_log

    extension = target.rsplit(".", 1)[-1].lower() if "." in target else ""
    format = extension if extension in ("eval", "json") else detect_format(log_file)
    write_eval_log(log, target, format=format)  # type: ignore[arg-type]
