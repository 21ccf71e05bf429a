"""``inspect list tasks``: the tasks in files and directories, found without running them."""

import json

import click

from inspect_ai._cli.errors import one_line_errors


@click.command("tasks")
@click.argument("paths", nargs=-1)
@click.option("-F", "filters", multiple=True, help="Attribute filter (key=value).")
@click.option("--json", "as_json", is_flag=True, default=False, help="Output JSON.")
@click.option("--absolute", is_flag=True, default=False, help="Absolute file paths.")
def list_tasks_command(
    paths: tuple[str, ...], filters: tuple[str, ...], as_json: bool, absolute: bool
) -> None:
    """List the tasks in PATHS (files or directories; default: the current directory)."""
    from inspect_ai._cli.key_value import key_value_pairs
    from inspect_ai._task.listing import list_tasks

    wanted = key_value_pairs(filters, "-F")
    with one_line_errors():
        tasks = list_tasks(
            list(paths) or None,
            filter=lambda info: all(info.attribs.get(k) == v for k, v in wanted.items()),
            absolute=absolute,
        )
    if as_json:
        click.echo(json.dumps([info.model_dump() for info in tasks], indent=2))
    else:
        for info in tasks:
            click.echo(f"{info.file}@{info.name}")
