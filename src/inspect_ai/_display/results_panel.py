"""The end-of-task summary as a rich panel, with a clickable ``Log:`` line below it."""

from rich.console import Console, Group, RenderableType
from rich.constrain import Constrain
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from inspect_ai._display.display import MetricValue
from inspect_ai._display.formatting import metrics_text
from inspect_ai._display.results import TRACEBACK_NOTE, TaskResults, status_text
from inspect_ai._display.side_by_side import SideBySide

STATUS_STYLES = {"success": "", "error": "red", "cancelled": "yellow", "started": "yellow"}


def print_results(console: Console, results: TaskResults, max_width: int | None = None) -> None:
    """Print the summary panel of an ended task (at most ``max_width`` wide), then its
    ``Log:`` line, never wrapped or cropped so the path stays whole."""
    console.print(Constrain(results_panel(results), max_width))
    console.print(log_line(results), soft_wrap=True)


def results_panel(results: TaskResults) -> Panel:
    """Time, tokens, model, dataset, scorer, metrics and any error, in a panel."""
    style = STATUS_STYLES.get(results.status, "")
    title = Text(results.title, style="bold")
    status = status_text(results)
    if status:
        title.append(f" {status}", style=f"bold {style}")
    parts: list[RenderableType] = [_facts(results)]
    body = _body(results)
    if body:
        parts += [Text(""), *body]
    return Panel(Group(*parts), title=title, title_align="left", border_style=style, expand=True)


def log_line(results: TaskResults) -> Text:
    """``Log: ./logs/...`` (a ``file://`` link for a local log)."""
    text = Text("Log: ", style="bold")
    text.append(results.location, style=Style(color="cyan", link=results.link))
    return text


def _facts(results: TaskResults) -> SideBySide:
    rows = [("total time:", results.duration)] if results.duration else []
    rows += results.usage
    left = [(Text(label), Text(value)) for label, value in rows]
    right = [Text(results.model, style="bold")]
    if results.dataset:
        right.append(Text(f"dataset: {results.dataset}"))
    if results.scorers:
        right.append(Text(f"scorer: {', '.join(results.scorers)}"))
    return SideBySide(left, right)


def _scores_grid(scores: list[tuple[str, list[MetricValue]]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True, max_width=40, overflow="ellipsis")
    grid.add_column()
    for name, values in scores:
        grid.add_row(name, metrics_text(values, with_scorer=False))
    return grid


def _body(results: TaskResults) -> list[RenderableType]:
    body: list[RenderableType] = []
    if results.completed:
        body.append(Text(results.completed, style="yellow"))
    if len(results.scores) == 1:
        body.append(Text(metrics_text(results.scores[0][1], with_scorer=False)))
    elif results.scores:
        body.append(_scores_grid(results.scores))
    if results.error:
        body.append(Text(f"Error: {results.error}", style="red"))
        body.append(Text(TRACEBACK_NOTE, style="dim"))
    return body
