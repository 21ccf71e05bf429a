"""``inspect log``: list, dump, convert and describe eval logs."""

import json
import sys
from typing import Literal

import click

from inspect_ai._log import filesystem
from inspect_ai._log.log_dir import LOG_DIR_VARIABLE, default_log_dir

STATUSES = ("started", "success", "cancelled", "error")


@click.group("log")
def log_command() -> None:
    """Query, read, convert and describe eval logs."""


@log_command.command("list")
@click.option(
    "--log-dir",
    envvar=LOG_DIR_VARIABLE,
    default=None,
    help="Log directory (defaults to INSPECT_LOG_DIR, else ./logs).",
)
@click.option("--status", type=click.Choice(STATUSES), help="List only logs with this status.")
@click.option("--retryable", is_flag=True, help="List only logs that can be retried.")
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON.")
@click.option("--absolute", is_flag=True, help="Print absolute URIs, not relative paths.")
@click.option("--no-recursive", is_flag=True, help="Do not list subdirectories.")
def log_list(
    log_dir: str | None,
    status: str | None,
    retryable: bool,
    as_json: bool,
    absolute: bool,
    no_recursive: bool,
) -> None:
    """List the logs in a log directory (most recent first)."""
    from inspect_ai._log.listing import list_eval_logs
    from inspect_ai._log.read import read_eval_log
    from inspect_ai._log.retryable import retryable_eval_logs

    directory = log_dir or default_log_dir()
    logs = list_eval_logs(directory, recursive=not no_recursive)
    if retryable:
        logs = retryable_eval_logs(logs)
    if status is not None:
        logs = [log for log in logs if read_eval_log(log, header_only=True).status == status]
    if not absolute:
        logs = [log.model_copy(update={"name": _relative(log.name, directory)}) for log in logs]
    if as_json:
        click.echo(json.dumps([log.model_dump() for log in logs], indent=2))
    else:
        for log in logs:
            click.echo(log.name)


@log_command.command("dump")
@click.argument("path")
@click.option("--header-only", is_flag=True, help="Leave out the samples.")
@click.option("--resolve-attachments", is_flag=True, help="Put attached content back in place.")
def log_dump(path: str, header_only: bool, resolve_attachments: bool) -> None:
    """Print a log file (either format, local or remote) as plain JSON."""
    from inspect_ai._log.read import read_eval_log

    log = read_eval_log(path, header_only=header_only, resolve_attachments=resolve_attachments)
    text = log.model_dump_json(indent=2, exclude_none=True, by_alias=True)
    sys.stdout.write(text + "\n")


@log_command.command("convert")
@click.argument("path")
@click.option(
    "--to", "to", type=click.Choice(["eval", "json"]), required=True, help="Target format."
)
@click.option("--output-dir", required=True, help="Directory to write the converted logs to.")
@click.option("--overwrite", is_flag=True, help="Replace files that already exist.")
def log_convert(path: str, to: Literal["eval", "json"], output_dir: str, overwrite: bool) -> None:
    """Convert a log file, or a directory of logs, to another format."""
    from inspect_ai._log.convert import convert_eval_logs

    if not filesystem.exists(path):
        raise click.ClickException(f"File not found: {path}")
    convert_eval_logs(path, to, output_dir, overwrite)


@log_command.command("schema")
def log_schema() -> None:
    """Print the JSON schema of eval logs."""
    from inspect_ai._log.model.log import EvalLog

    click.echo(json.dumps(EvalLog.model_json_schema(mode="serialization"), indent=2))


def _relative(name: str, directory: str) -> str:
    return filesystem.relative_path(name, directory) or name
