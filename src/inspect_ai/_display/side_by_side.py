"""Labelled rows on the left and lines on the right, side by side when they fit the
width, one above the other when they do not."""

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

GAP = 4
"""Columns between the left rows and the right lines, at least."""

LABEL_GAP = 2
"""Columns between a label and its value."""


class SideBySide:
    """``label  value`` rows flush left and lines flush right; on a narrow console the
    right lines go below the rows, and a value below its label if the row is too wide."""

    def __init__(self, left: list[tuple[Text, Text]], right: list[Text]) -> None:
        self.left = left
        self.right = right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        labels = max((label.cell_len for label, _ in self.left), default=0)
        values = max((value.cell_len for _, value in self.left), default=0)
        rows = labels + (LABEL_GAP + values if values else 0)
        right = max((line.cell_len for line in self.right), default=0)
        if rows + GAP + right <= width:
            yield self._grid(right_lines=self.right)
            return
        if rows <= width:
            yield self._grid(right_lines=[])
        else:
            yield from self._stacked_rows(width)
        for line in self.right:
            yield _one_line(line)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)

    def _grid(self, right_lines: list[Text]) -> Table:
        with_values = any(value.cell_len for _, value in self.left)
        grid = Table.grid(expand=True)
        grid.add_column(no_wrap=True)
        if with_values:  # (an empty column would upset the widths of the others)
            grid.add_column(no_wrap=True)
        grid.add_column(justify="right", no_wrap=True, ratio=1)
        for row in range(max(len(self.left), len(right_lines))):
            label, value = self.left[row] if row < len(self.left) else (Text(), Text())
            if value.cell_len:
                label = label + Text(" " * LABEL_GAP)
            right = right_lines[row] if row < len(right_lines) else Text()
            grid.add_row(*([label, value, right] if with_values else [label, right]))
        return grid

    def _stacked_rows(self, width: int) -> list[RenderableType]:
        lines: list[RenderableType] = []
        for label, value in self.left:
            if not value.cell_len:
                lines.append(_one_line(label))
            elif label.cell_len + LABEL_GAP + value.cell_len <= width:
                lines.append(label + Text(" " * LABEL_GAP) + value)
            else:
                lines += [_one_line(label), Padding(_one_line(value), (0, 0, 0, LABEL_GAP))]
        return lines


def _one_line(text: Text) -> Text:
    line = text.copy()
    line.no_wrap, line.overflow = True, "ellipsis"
    return line
