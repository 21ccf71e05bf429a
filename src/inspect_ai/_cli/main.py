"""The ``inspect`` command: a group of lazily imported subcommands."""

import click

from inspect_ai import __version__
from inspect_ai._cli.lazy_group import LazyGroup


@click.group(
    cls=LazyGroup,
    lazy_commands={
        "eval": ("inspect_ai._cli.eval:eval_command", "Evaluate tasks against a model."),
        "eval-set": (
            "inspect_ai._cli.eval_set:eval_set_command",
            "Evaluate a set of tasks, retrying failures (resumable).",
        ),
        "eval-retry": (
            "inspect_ai._cli.eval_retry:eval_retry_command",
            "Retry failed or interrupted evals, reusing their samples.",
        ),
        "log": ("inspect_ai._cli.log:log_command", "Query, read, convert and describe eval logs."),
        "list": ("inspect_ai._cli.legacy:list_command", "List tasks, or logs."),
        "info": ("inspect_ai._cli.legacy:info_command", "Log file and schema (older spelling)."),
        "cache": ("inspect_ai._cli.cache:cache_command", "Manage the cache of model outputs."),
        "score": ("inspect_ai._cli.score:score_command", "Score a log file again."),
    },
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
@click.version_option(__version__, "--version", prog_name="inspect", message="%(version)s")
@click.pass_context
def inspect(ctx: click.Context) -> None:
    """Inspect: evaluate large language models and study the logs."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def main() -> None:
    """Entry point of the ``inspect`` console script.

    The working directory's ``.env`` is loaded first, so its ``INSPECT_EVAL_<OPTION>``
    variables are option defaults like any others in the environment.
    """
    from inspect_ai._runner.dotenv import load_dotenv_file

    load_dotenv_file()
    inspect(auto_envvar_prefix="INSPECT")


if __name__ == "__main__":
    main()
