"""The Python code of a task file: a ``.py`` file, or the code cells of a notebook."""

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NOTEBOOK_SUFFIX = ".ipynb"
TASK_FILE_SUFFIXES = (".py", NOTEBOOK_SUFFIX)
"""Suffixes of files that may define tasks."""

_MAGIC_PREFIXES = ("%", "!")


@dataclass(frozen=True)
class TaskSource:
    """The code of a task file, ready to parse or execute."""

    path: Path
    """Absolute path of the file."""

    code: str
    """Python code (for a notebook, its code cells without magics and shell lines)."""

    cell_lines: list[tuple[int, int]] = field(default_factory=list)
    """For a notebook: (cell number, first line of the cell in ``code``) of each code cell."""

    def parse(self) -> ast.Module:
        """The code's syntax tree; a syntax error raises a one-line ``ValueError``."""
        try:
            return ast.parse(self.code, filename=str(self.path))
        except SyntaxError as error:
            raise ValueError(self._syntax_error_message(error)) from None

    def _syntax_error_message(self, error: SyntaxError) -> str:
        """Where the syntax error is (file and line, or notebook cell and line) and what."""
        line = error.lineno or 0
        where = f"line {line}"
        for cell, first in reversed(self.cell_lines):
            if line >= first:
                where = f"cell {cell}, line {line - first + 1}"
                break
        return f"Syntax error in {self.path} ({where}): {error.msg}"


def read_task_source(path: Path) -> TaskSource:
    """Read the code of a ``.py`` file or a notebook."""
    path = path.resolve()
    if path.suffix.lower() == NOTEBOOK_SUFFIX:
        return _notebook_source(path)
    return TaskSource(path=path, code=path.read_text(encoding="utf-8"))


def _notebook_source(path: Path) -> TaskSource:
    """The code cells of a notebook as one module (magic and shell lines become ``pass``)."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        cells: list[dict[str, Any]] = list(notebook.get("cells", []))
    except (ValueError, AttributeError):
        raise ValueError(f"Notebook {path} could not be read (invalid JSON).") from None
    lines: list[str] = []
    cell_lines: list[tuple[int, int]] = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        cell_code = _cell_code(cell.get("source", ""))
        if cell_code:
            cell_lines.append((number, len(lines) + 1))
            lines.extend(cell_code)
    return TaskSource(path=path, code="\n".join(lines) + "\n", cell_lines=cell_lines)


def _cell_code(source: str | list[str]) -> list[str]:
    """Lines of a code cell; a cell magic (``%%``) cell is dropped entirely.

    A cell that is valid Python is kept as it is (so a string holding a line that starts
    with ``%`` or ``!`` is left alone); otherwise its magic and shell lines are removed.
    """
    text = source if isinstance(source, str) else "".join(source)
    lines = text.splitlines()
    if text.lstrip().startswith("%%"):
        return []
    if _is_python(text):
        return lines
    return [_without_magic(line) for line in lines]


def _is_python(text: str) -> bool:
    """Whether ``text`` parses as Python."""
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


def _without_magic(line: str) -> str:
    """A magic (``%pip``) or shell (``!ls``) line becomes ``pass`` at the same indentation."""
    stripped = line.lstrip()
    if stripped.startswith(_MAGIC_PREFIXES):
        return line[: len(line) - len(stripped)] + "pass"
    return line
