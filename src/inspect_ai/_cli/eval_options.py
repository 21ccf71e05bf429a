"""The options of ``inspect eval``: eval options, then generation options.

Every option can also be given as ``INSPECT_EVAL_<OPTION>`` (e.g. ``INSPECT_EVAL_LIMIT``,
``INSPECT_EVAL_NO_SCORE=true``, ``INSPECT_EVAL_TASK_ARG="a=1 b=2"`` for ``-T``), since
the ``inspect`` group is run with ``auto_envvar_prefix="INSPECT"``.
"""

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from inspect_ai._cli.eval_types import (
    BATCH,
    CACHE_PROMPT,
    COMMA_LIST,
    FAIL_ON_ERROR,
    KEY_VALUE,
    LIMIT,
    LOGIT_BIAS,
)

F = TypeVar("F", bound=Callable[..., Any])

LOG_LEVELS = ("debug", "http", "info", "warning", "error", "critical")
DISPLAYS = ("full", "conversation", "rich", "plain", "none")
REASONING_EFFORTS = ("none", "minimal", "low", "medium", "high", "xhigh", "max")

OPTIONAL_VALUES = {
    "--fail-on-error": "true",
    "--retry-on-error": "1",
    "--log-shared": "10",
    "--batch": "true",
}
"""Options whose value may be left out, and the value they then take."""


def _choice(*values: str) -> "click.Choice[str]":
    return click.Choice(values, case_sensitive=False)


MODEL_OPTIONS = [
    click.option(
        "--model",
        envvar="INSPECT_EVAL_MODEL",
        metavar="MODEL",
        help="Model(s) to evaluate (provider/name, ...).",
    ),
    click.option("--model-base-url", metavar="URL", help="Base URL for the model API."),
    click.option("-M", "model_arg", multiple=True, type=KEY_VALUE, help="Model argument."),
    click.option("--model-config", metavar="FILE", help="YAML or JSON file with model arguments."),
    click.option(
        "--model-role", multiple=True, type=KEY_VALUE, help="Model for a role (role=model)."
    ),
]

TASK_OPTIONS = [
    click.option("-T", "task_arg", multiple=True, type=KEY_VALUE, help="Task argument."),
    click.option("--task-config", metavar="FILE", help="YAML or JSON file with task arguments."),
    click.option(
        "--solver", metavar="SOLVER", help="Solver for every task (@solver name, or file.py@name)."
    ),
    click.option("-S", "solver_arg", multiple=True, type=KEY_VALUE, help="Solver argument."),
    click.option("--tags", type=COMMA_LIST, help="Tags for this run (comma-separated)."),
    click.option("--metadata", multiple=True, type=KEY_VALUE, help="Metadata for this run."),
    click.option(
        "--approval", metavar="POLICY", help="Tool approval: a policy file (YAML/JSON) or approver."
    ),
    click.option(
        "--sandbox",
        metavar="TYPE[:CONFIG]",
        help="Sandbox for every task (e.g. docker:compose.yaml).",
    ),
    click.option(
        "--no-sandbox-cleanup",
        is_flag=True,
        help="Keep sandboxes after the eval (to inspect them).",
    ),
    click.option(
        "--max-sandboxes", type=click.IntRange(min=1), metavar="N", help="Sandboxes at once."
    ),
]

SAMPLE_OPTIONS = [
    click.option("--limit", type=LIMIT, help="Samples to evaluate: a count N or a range A-B."),
    click.option("--sample-id", type=COMMA_LIST, help="Sample ids to evaluate (comma-separated)."),
    click.option(
        "--epochs", type=click.IntRange(min=1), metavar="N", help="Times to run each sample."
    ),
    click.option(
        "--epochs-reducer", type=COMMA_LIST, help="Epoch score reducer(s) (e.g. mean, max)."
    ),
    click.option(
        "--max-samples", type=click.IntRange(min=1), metavar="N", help="Samples run at once."
    ),
    click.option("--max-tasks", type=click.IntRange(min=1), metavar="N", help="Tasks run at once."),
    click.option(
        "--max-subprocesses",
        type=click.IntRange(min=1),
        metavar="N",
        help="Subprocesses run at once.",
    ),
    click.option(
        "--message-limit", type=click.IntRange(min=1), metavar="N", help="Messages per sample."
    ),
    click.option(
        "--token-limit", type=click.IntRange(min=1), metavar="N", help="Tokens per sample."
    ),
    click.option(
        "--time-limit", type=click.IntRange(min=1), metavar="N", help="Clock seconds per sample."
    ),
    click.option(
        "--working-limit",
        type=click.IntRange(min=1),
        metavar="N",
        help="Working seconds per sample.",
    ),
]

ERROR_OPTIONS = [
    click.option(
        "--fail-on-error",
        type=FAIL_ON_ERROR,
        is_flag=False,
        flag_value="true",
        help="Fail on sample errors: alone, on any; a proportion (<1) or a count (>=1).",
    ),
    click.option("--no-fail-on-error", is_flag=True, help="Never fail on sample errors."),
    click.option(
        "--retry-on-error",
        type=click.IntRange(min=0),
        metavar="N",
        is_flag=False,
        flag_value="1",
        help="Retry a sample that errors (alone, once; or N times).",
    ),
    click.option("--debug-errors", is_flag=True, help="Raise errors, with their traceback."),
]

LOG_OPTIONS = [
    click.option("--log-dir", metavar="DIR", help="Directory for log files (default ./logs)."),
    click.option("--log-format", type=_choice("eval", "json"), help="Log file format."),
    click.option("--no-log-samples", is_flag=True, help="Do not log sample details."),
    click.option("--log-images/--no-log-images", default=None, help="Log images as base64."),
    click.option(
        "--log-buffer", type=click.IntRange(min=1), metavar="N", help="Samples per log write."
    ),
    click.option(
        "--log-shared",
        type=click.IntRange(min=1),
        metavar="[SECONDS]",
        is_flag=False,
        flag_value="10",
        help="Copy live samples next to the log every SECONDS (alone, 10).",
    ),
    click.option("--log-level", type=_choice(*LOG_LEVELS), help="Console log level."),
    click.option("--no-score", is_flag=True, help="Do not score (score later)."),
    click.option("--trace", is_flag=True, help="Show model messages, one sample at a time."),
    click.option("--display", type=_choice(*DISPLAYS), help="How progress is shown."),
]

GENERATE_OPTIONS = [
    click.option(
        "--max-connections", type=click.IntRange(min=1), metavar="N", help="Concurrent API calls."
    ),
    click.option(
        "--max-retries", type=click.IntRange(min=0), metavar="N", help="Retries of an API call."
    ),
    click.option(
        "--timeout", type=click.IntRange(min=1), metavar="N", help="API call timeout (seconds)."
    ),
    click.option(
        "--attempt-timeout",
        type=click.IntRange(min=1),
        metavar="N",
        help="One attempt's timeout (seconds).",
    ),
    click.option("--temperature", type=float, metavar="T", help="Sampling temperature."),
    click.option("--top-p", type=float, metavar="P", help="Nucleus sampling probability mass."),
    click.option("--top-k", type=int, metavar="N", help="Sample from the top k tokens only."),
    click.option(
        "--max-tokens", type=click.IntRange(min=1), metavar="N", help="Maximum tokens to generate."
    ),
    click.option("--seed", type=int, metavar="N", help="Random seed for generation."),
    click.option("--stop-seqs", type=COMMA_LIST, help="Sequences that stop generation."),
    click.option(
        "--system-message", metavar="TEXT", help="System message to add to every conversation."
    ),
    click.option(
        "--best-of", type=click.IntRange(min=1), metavar="N", help="Generate n, return the best."
    ),
    click.option(
        "--num-choices", type=click.IntRange(min=1), metavar="N", help="Choices to generate."
    ),
    click.option(
        "--frequency-penalty", type=float, metavar="X", help="Penalty for frequent tokens."
    ),
    click.option(
        "--presence-penalty", type=float, metavar="X", help="Penalty for tokens already present."
    ),
    click.option("--logit-bias", type=LOGIT_BIAS, help="Token biases (token_id=bias,...)."),
    click.option("--logprobs", is_flag=True, default=None, help="Return log probabilities."),
    click.option(
        "--top-logprobs",
        type=click.IntRange(min=0),
        metavar="N",
        help="Log probabilities per position.",
    ),
    click.option(
        "--parallel-tool-calls/--no-parallel-tool-calls",
        default=None,
        help="Allow several tool calls at once.",
    ),
    click.option(
        "--internal-tools/--no-internal-tools", default=None, help="Map tools to built-ins."
    ),
    click.option(
        "--max-tool-output", type=click.IntRange(min=0), metavar="N", help="Tool output bytes."
    ),
    click.option("--cache-prompt", type=CACHE_PROMPT, help="Prompt caching (auto|true|false)."),
    click.option("--reasoning-effort", type=_choice(*REASONING_EFFORTS), help="Reasoning effort."),
    click.option(
        "--reasoning-tokens", type=click.IntRange(min=1), metavar="N", help="Reasoning tokens."
    ),
    click.option(
        "--reasoning-summary",
        type=_choice("none", "concise", "detailed", "auto"),
        help="Reasoning summary.",
    ),
    click.option(
        "--reasoning-history",
        type=_choice("none", "all", "last", "auto"),
        help="Earlier reasoning sent back to the model.",
    ),
    click.option("--verbosity", type=_choice("low", "medium", "high"), help="Verbosity."),
    click.option(
        "--batch", type=BATCH, is_flag=False, flag_value="true", help="Batch generation [size]."
    ),
    click.option("--fallback-models", type=COMMA_LIST, help="Models to fall back to."),
    click.option(
        "--stream-idle-timeout",
        type=click.IntRange(min=1),
        metavar="N",
        help="Streaming idle seconds.",
    ),
]


def eval_options(command: F) -> F:
    """Add every option of ``inspect eval`` to ``command``, in help order."""
    groups = [MODEL_OPTIONS, TASK_OPTIONS, SAMPLE_OPTIONS, ERROR_OPTIONS, LOG_OPTIONS]
    for option in reversed([*[o for group in groups for o in group], *GENERATE_OPTIONS]):
        command = option(command)
    return command


def fill_optional_values(args: list[str]) -> list[str]:
    """Give a value to an optional-value option followed by a task (not by its value).

    ``inspect eval --fail-on-error task.py`` would otherwise take ``task.py`` as the
    threshold; the option gets its bare-flag value instead.
    """
    filled = list(args)
    for index, arg in enumerate(filled[:-1]):
        if arg in OPTIONAL_VALUES and _looks_like_task(filled[index + 1]):
            filled[index] = f"{arg}={OPTIONAL_VALUES[arg]}"
    return filled


def _looks_like_task(arg: str) -> bool:
    return not arg.startswith("-") and os.path.exists(arg.rpartition("@")[0] or arg)
