"""Older spellings of log commands: ``inspect list logs`` and ``inspect info ...``."""

from typing import Any

import click

from inspect_ai import __version__
from inspect_ai._cli.log import list_options, run_dump, run_list, run_schema


@click.group("list")
def list_command() -> None:
    """List logs (older spelling of ``inspect log list``)."""


@list_command.command("logs")
@list_options
def list_logs(**options: Any) -> None:
    """List the logs in a log directory (same as ``inspect log list``)."""
    run_list(**options)


@click.group("info")
def info_command() -> None:
    """Information about logs and this installation (older spellings)."""


@info_command.command("log-file")
@click.argument("path")
@click.option("--header-only", is_flag=True, help="Leave out the samples.")
@click.option("--resolve-attachments", is_flag=True, help="Put attached content back in place.")
def info_log_file(path: str, header_only: bool, resolve_attachments: bool) -> None:
    """Print a log file as plain JSON (same as ``inspect log dump``)."""
    run_dump(path, header_only, resolve_attachments)


@info_command.command("log-schema")
def info_log_schema() -> None:
    """Print the JSON schema of eval logs (same as ``inspect log schema``)."""
    run_schema()


@info_command.command("version")
def info_version() -> None:
    """Print the version of inspect_ai."""
    click.echo(__version__)
