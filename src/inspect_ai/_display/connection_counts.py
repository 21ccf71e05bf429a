"""The line under the live panels: connections in use and rate-limit retries per model."""

from rich.table import Table
from rich.text import Text

from inspect_ai._model.connections import ConnectionStats


def connection_counts(pools: list[ConnectionStats]) -> Table | None:
    """One row per model: ``mockllm/model  connections: 3/10  rate-limit retries: 0``."""
    if not pools:
        return None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, overflow="ellipsis", style="bold", max_width=60)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    for pool in pools:
        retries = Text(f"rate-limit retries: {pool.rate_limit_retries:,}")
        if pool.rate_limit_retries:
            retries.stylize("yellow")
        grid.add_row(pool.label, f"connections: {pool.in_use:,}/{pool.max:,}", retries)
    return grid
