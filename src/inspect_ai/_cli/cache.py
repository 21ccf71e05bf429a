"""``inspect cache``: the cache of model outputs, what it holds, clearing and pruning it."""

import click

from inspect_ai._cli.errors import OneLineUsageError

_MODEL_HELP = "A model (e.g. openai/gpt-4o) or a provider; may be given more than once."


@click.group("cache")
def cache_command() -> None:
    """Manage the cache of model outputs (from generate(cache=True)).

    Outputs are cached under the user cache directory, or INSPECT_CACHE_DIR when set.
    """


@cache_command.command("clear")
@click.option("--all", "clear_all", is_flag=True, help="Clear the whole cache.")
@click.option("--model", "models", multiple=True, metavar="MODEL", help=_MODEL_HELP)
def clear_command(clear_all: bool, models: tuple[str, ...]) -> None:
    """Clear the cache, or the cache of some models."""
    from inspect_ai._model.cache.location import cache_path
    from inspect_ai._model.cache.maintenance import cache_clear, cache_size

    if clear_all == bool(models):
        raise OneLineUsageError("Use either --all or --model.")
    if clear_all:
        size = _total(cache_size())
        if cache_clear():
            click.echo(f"Cleared the cache at {cache_path()} ({_human_size(size)}).")
        else:
            click.echo("The cache is empty.")
    for model in models:
        size = _total(cache_size([model]))
        if cache_clear(model):
            click.echo(f"Cleared the cache of {model} ({_human_size(size)}).")
        else:
            click.echo(f"No cache for {model}.")


@cache_command.command("list")
@click.option(
    "--pruneable", is_flag=True, help="List only expired entries (see `inspect cache prune`)."
)
def list_command(pruneable: bool) -> None:
    """List the cached models and the size of each."""
    from inspect_ai._model.cache.location import cache_path
    from inspect_ai._model.cache.maintenance import cache_list_expired, cache_size

    sizes = cache_size(files=cache_list_expired()) if pruneable else cache_size()
    if not sizes:
        click.echo("No expired cache entries." if pruneable else "The cache is empty.")
        return
    click.echo(f"Cache: {cache_path()}")
    _echo_sizes(sizes)


@cache_command.command("prune")
@click.option("--model", "models", multiple=True, metavar="MODEL", help=_MODEL_HELP)
def prune_command(models: tuple[str, ...]) -> None:
    """Delete expired cache entries (of every model, or of those given)."""
    from inspect_ai._model.cache.maintenance import cache_list_expired, cache_prune, cache_size

    expired = cache_list_expired(models)
    if not expired:
        click.echo("No expired cache entries.")
        return
    sizes = cache_size(files=expired)
    cache_prune(expired)
    click.echo("Pruned:")
    _echo_sizes(sizes)


@cache_command.command("path")
def path_command() -> None:
    """Print the directory of the cache."""
    from inspect_ai._model.cache.location import cache_path

    click.echo(str(cache_path()))


def _echo_sizes(sizes: list[tuple[str, int]]) -> None:
    rows = [(model, _human_size(size)) for model, size in sizes]
    rows.append(("total", _human_size(_total(sizes))))
    width = max(len(model) for model, _ in rows)
    for model, size in rows:
        click.echo(f"  {model:<{width}}  {size:>9}")


def _total(sizes: list[tuple[str, int]]) -> int:
    return sum(size for _, size in sizes)


def _human_size(size: int) -> str:
    """``size`` bytes in B, KB, MB, GB or TB (powers of 1024)."""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    return f"{value:.1f} {unit}"
