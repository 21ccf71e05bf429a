"""``inspect list logs|tasks`` and the older ``inspect info ...`` spellings."""

import click

from inspect_ai import __version__
from inspect_ai._cli.list_tasks import list_tasks_command
from inspect_ai._cli.log import log_dump, log_list, log_schema


@click.group("list")
def list_command() -> None:
    """List tasks, or logs (an older spelling of ``inspect log list``)."""


@click.group("info")
def info_command() -> None:
    """Information about logs and this installation (older spellings)."""


@info_command.command("version")
def info_version() -> None:
    """Print the version of inspect_ai."""
    click.echo(__version__)


list_command.add_command(log_list, name="logs")
list_command.add_command(list_tasks_command, name="tasks")
info_command.add_command(log_dump, name="log-file")
info_command.add_command(log_schema, name="log-schema")
