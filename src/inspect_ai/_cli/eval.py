"""``inspect eval``: run tasks against a model from the command line."""

import sys
from typing import Any

import click

from inspect_ai._cli.errors import one_line_errors
from inspect_ai._cli.key_value import key_value_pairs

GENERATE_OPTIONS: list[tuple[str, type, str]] = [
    ("temperature", float, "Sampling temperature."),
    ("top_p", float, "Nucleus sampling probability mass."),
    ("top_k", int, "Sample from the top k tokens only."),
    ("max_tokens", int, "Maximum tokens to generate."),
    ("seed", int, "Random seed for generation."),
    ("num_choices", int, "Number of choices to generate."),
    ("frequency_penalty", float, "Frequency penalty."),
    ("presence_penalty", float, "Presence penalty."),
    ("top_logprobs", int, "Number of most likely tokens to return log probabilities for."),
    ("max_tool_output", int, "Maximum size of tool output (bytes)."),
    ("max_connections", int, "Maximum concurrent connections to the model API."),
    ("max_retries", int, "Maximum retries of a model API call."),
    ("timeout", int, "Timeout (seconds) for retrying a model API call."),
    ("system_message", str, "System message to add to every conversation."),
]


def _generate_options(command: Any) -> Any:
    for name, kind, help in reversed(GENERATE_OPTIONS):
        command = click.option(f"--{name.replace('_', '-')}", name, type=kind, help=help)(command)
    command = click.option(
        "--stop-seqs", type=str, help="Comma-separated sequences where generation stops."
    )(command)
    command = click.option(
        "--logprobs", is_flag=True, default=None, help="Return log probabilities."
    )(command)
    command = click.option(
        "--parallel-tool-calls/--no-parallel-tool-calls", default=None, help="Parallel tool calls."
    )(command)
    return command


def _limit(value: str | None) -> int | tuple[int, int] | None:
    if value is None:
        return None
    try:
        if "-" in value:
            start, end = value.split("-", 1)
            return int(start), int(end)
        return int(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a count (N) or a range (A-B).", param_hint="--limit"
        ) from None


def _fail_on_error(value: str | None, no_fail: bool) -> bool | float | None:
    if no_fail:
        return False
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a number.", param_hint="--fail-on-error"
        ) from None
    return True if number == 0 else (int(number) if number >= 1 else number)


@click.command("eval")
@click.argument("tasks", nargs=-1)
@click.option(
    "--model", type=str, envvar="INSPECT_EVAL_MODEL", help="Model to evaluate (provider/name)."
)
@click.option("--model-base-url", type=str, help="Base URL for the model API.")
@click.option("-M", "model_arg", multiple=True, help="Model argument (key=value).")
@click.option("--model-config", type=str, help="YAML or JSON file with model arguments.")
@click.option("--model-role", multiple=True, help="Model for a role (role=model).")
@click.option("-T", "task_arg", multiple=True, help="Task argument (key=value).")
@click.option("--task-config", type=str, help="YAML or JSON file with task arguments.")
@click.option("--tags", type=str, help="Comma-separated tags for this run.")
@click.option("--limit", type=str, help="Samples to evaluate: a count N or a range A-B.")
@click.option("--sample-id", type=str, help="Comma-separated sample ids to evaluate.")
@click.option("--epochs", type=int, help="Number of times to run each sample.")
@click.option("--epochs-reducer", type=str, help="Comma-separated epoch score reducers.")
@click.option("--max-samples", type=int, help="Maximum samples run at once.")
@click.option("--max-tasks", type=int, help="Maximum tasks run at once.")
@click.option("--max-subprocesses", type=int, help="Maximum subprocesses run at once.")
@click.option("--message-limit", type=int, help="Maximum messages per sample.")
@click.option("--token-limit", type=int, help="Maximum tokens per sample.")
@click.option("--time-limit", type=int, help="Maximum clock seconds per sample.")
@click.option("--working-limit", type=int, help="Maximum working seconds per sample.")
@click.option("--fail-on-error", type=str, help="Fail on sample errors: a proportion or a count.")
@click.option(
    "--no-fail-on-error", is_flag=True, default=False, help="Never fail on sample errors."
)
@click.option("--retry-on-error", type=int, help="Times to retry a sample that errors.")
@click.option("--debug-errors", is_flag=True, default=False, help="Raise errors (with traceback).")
@click.option("--log-dir", type=str, help="Directory for log files (default ./logs).")
@click.option("--log-format", type=click.Choice(["eval", "json"]), help="Log file format.")
@click.option("--no-log-samples", is_flag=True, default=False, help="Do not log sample details.")
@click.option("--log-images/--no-log-images", default=None, help="Log images as base64 data.")
@click.option("--log-buffer", type=int, help="Samples to buffer between log writes.")
@click.option("--log-level", type=str, help="Console log level (default warning).")
@click.option("--no-score", is_flag=True, default=False, help="Do not score (score later).")
@click.option(
    "--display",
    type=click.Choice(["full", "conversation", "rich", "plain", "none"]),
    help="How progress is shown.",
)
@_generate_options
def eval_command(tasks: tuple[str, ...], display: str | None, **options: Any) -> None:
    """Evaluate tasks (files, file.py@task, directories or notebooks) against a model."""
    with one_line_errors():
        logs = _run(tasks, options)
    _report(logs, display)
    if any(log.status != "success" for log in logs):
        sys.exit(1)


def _run(tasks: tuple[str, ...], options: dict[str, Any]) -> list[Any]:
    """Turn the command's options into an ``eval()`` call (what is left is generate config)."""
    from inspect_ai._runner.eval import eval
    from inspect_ai._task.args import resolve_task_args
    from inspect_ai._task.epochs import Epochs
    from inspect_ai._task.not_given import NOT_GIVEN

    model = options.pop("model")
    model_base_url = options.pop("model_base_url")
    task_args = {
        **resolve_task_args(options.pop("task_config")),
        **key_value_pairs(options.pop("task_arg"), "-T"),
    }
    model_args = {
        **resolve_task_args(options.pop("model_config")),
        **key_value_pairs(options.pop("model_arg"), "-M"),
    }
    roles: dict[str, Any] = {
        k: str(v) for k, v in key_value_pairs(options.pop("model_role"), "--model-role").items()
    }
    tags, limit, sample_id = options.pop("tags"), options.pop("limit"), options.pop("sample_id")
    epochs, epochs_reducer = options.pop("epochs"), options.pop("epochs_reducer")
    fail_on_error = _fail_on_error(options.pop("fail_on_error"), options.pop("no_fail_on_error"))
    debug_errors = options.pop("debug_errors")
    no_log_samples, no_score = options.pop("no_log_samples"), options.pop("no_score")
    stop_seqs = options.pop("stop_seqs")
    ints = {k: options.pop(k) for k in _EVAL_INTS}
    generate = {k: v for k, v in options.items() if v is not None}
    if stop_seqs:
        generate["stop_seqs"] = [s.strip() for s in stop_seqs.split(",")]
    reducers = [r.strip() for r in epochs_reducer.split(",")] if epochs_reducer else None
    return eval(
        list(tasks) or None,
        model=model or NOT_GIVEN,
        model_base_url=model_base_url,
        model_args=model_args,
        model_roles=roles or None,
        task_args=task_args,
        tags=[t.strip() for t in tags.split(",")] if tags else None,
        limit=_limit(limit),
        sample_id=[_sample_id(s) for s in sample_id.split(",")] if sample_id else None,
        epochs=Epochs(epochs, reducers) if epochs else None,
        fail_on_error=fail_on_error,
        debug_errors=debug_errors,
        log_samples=not no_log_samples,
        score=not no_score,
        **ints,
        **generate,
    )


_EVAL_INTS = (
    "max_samples", "max_tasks", "max_subprocesses", "message_limit", "token_limit",
    "time_limit", "working_limit", "retry_on_error", "log_buffer", "log_dir", "log_format",
    "log_level", "log_images",
)  # fmt: skip


def _sample_id(value: str) -> str | int:
    value = value.strip()
    return int(value) if value.isdigit() else value


def _report(logs: list[Any], display: str | None) -> None:
    """One summary per log: task, model, status, metrics and the log's location."""
    for log in logs:
        line = f"{log.eval.task} ({log.eval.model}): {log.status}"
        if log.results is not None:
            metrics = [
                f"{score.name}/{name}: {metric.value:.3g}"
                for score in log.results.scores
                for name, metric in score.metrics.items()
            ]
            if metrics:
                line += "  " + "  ".join(metrics)
        if log.status == "error" and log.error is not None:
            click.echo(f"{line}\n  Error: {log.error.message}", err=True)
        elif display != "none":
            click.echo(line)
        if display != "none":
            click.echo(f"  Log: {log.location}")
