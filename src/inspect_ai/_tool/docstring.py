"""Tool docstrings: the description and one description per parameter.

Three styles are understood: Google (``Args:`` sections), NumPy (``Parameters`` underlined
with dashes) and reST (``:param x:`` fields).
"""

import inspect
import re
from dataclasses import dataclass, field


@dataclass
class ParamDoc:
    """What a docstring says about one parameter."""

    description: str
    type: str | None = None


@dataclass
class Docstring:
    """A parsed docstring: the text before any section, and the documented parameters."""

    description: str = ""
    params: dict[str, ParamDoc] = field(default_factory=dict)


_GOOGLE_SECTION = re.compile(r"^([A-Z][A-Za-z ]*):\s*$")
_GOOGLE_SECTIONS = {
    "Args", "Arguments", "Parameters", "Params", "Keyword Args", "Keyword Arguments",
    "Other Parameters", "Returns", "Return", "Yields", "Yield", "Raises", "Exceptions",
    "Examples", "Example", "Note", "Notes", "Attributes", "See Also", "Warning", "Warnings",
    "Warns", "Todo", "References", "Methods",
}  # fmt: skip
_GOOGLE_PARAM_SECTIONS = {
    "Args",
    "Arguments",
    "Parameters",
    "Params",
    "Keyword Args",
    "Keyword Arguments",
    "Other Parameters",
}
_GOOGLE_ITEM = re.compile(r"^\*{0,2}(\w+)\s*(?:\(([^)]*)\))?\s*:\s*(.*)$")
_NUMPY_UNDERLINE = re.compile(r"^\s*-{3,}\s*$")
_NUMPY_PARAM_SECTIONS = {"Parameters", "Other Parameters", "Keyword Arguments"}
_REST_FIELD = re.compile(r"^:(\w+)((?:\s+[^:]+?)?)\s*:\s*(.*)$")
_REST_PARAM_FIELDS = {"param", "parameter", "arg", "argument", "key", "keyword"}


def parse_docstring(text: str | None) -> Docstring:
    """Parse a docstring written in the Google, NumPy or reST style."""
    lines = inspect.cleandoc(text or "").splitlines()
    if any(_REST_FIELD.match(line) for line in lines):
        return _parse_rest(lines)
    if any(_NUMPY_UNDERLINE.match(line) for line in lines[1:]):
        return _parse_numpy(lines)
    return _parse_google(lines)


# Google -------------------------------------------------------------------------------


def _parse_google(lines: list[str]) -> Docstring:
    sections = _google_sections(lines)
    params: dict[str, ParamDoc] = {}
    for title, body in sections[1:]:
        if title in _GOOGLE_PARAM_SECTIONS:
            params.update(_google_params(body))
    return Docstring(description=_join(sections[0][1]), params=params)


def _google_sections(lines: list[str]) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        match = _GOOGLE_SECTION.match(line)
        if match and match.group(1) in _GOOGLE_SECTIONS and not line[:1].isspace():
            sections.append((match.group(1), []))
        else:
            sections[-1][1].append(line)
    return sections


def _google_params(body: list[str]) -> dict[str, ParamDoc]:
    params: dict[str, ParamDoc] = {}
    indent = _min_indent(body)
    current: tuple[str, str | None, list[str]] | None = None
    for line in body:
        item = _GOOGLE_ITEM.match(line.strip()) if _indent(line) == indent else None
        if item is not None:
            _add_param(params, current)
            current = (item.group(1), item.group(2), [item.group(3)])
        elif current is not None:
            current[2].append(line.strip())
    _add_param(params, current)
    return params


# NumPy --------------------------------------------------------------------------------


def _parse_numpy(lines: list[str]) -> Docstring:
    sections = _numpy_sections(lines)
    params: dict[str, ParamDoc] = {}
    for title, body in sections[1:]:
        if title in _NUMPY_PARAM_SECTIONS:
            params.update(_numpy_params(body))
    return Docstring(description=_join(sections[0][1]), params=params)


def _numpy_sections(lines: list[str]) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = [("", [])]
    index = 0
    while index < len(lines):
        line = lines[index]
        underlined = index + 1 < len(lines) and _NUMPY_UNDERLINE.match(lines[index + 1])
        if underlined and line.strip():
            sections.append((line.strip(), []))
            index += 2
            continue
        sections[-1][1].append(line)
        index += 1
    return sections


def _numpy_params(body: list[str]) -> dict[str, ParamDoc]:
    params: dict[str, ParamDoc] = {}
    indent = _min_indent(body)
    entries: list[tuple[list[str], str | None, list[str]]] = []
    for line in body:
        if line.strip() and _indent(line) == indent:
            listed, _, kind = line.strip().partition(":")
            entries.append(([n.strip() for n in listed.split(",")], kind.strip() or None, []))
        elif entries:
            entries[-1][2].append(line.strip())
    for names, type_, description in entries:
        for name in names:
            _add_param(params, (name.lstrip("*"), type_, description))
    return params


# reST ---------------------------------------------------------------------------------


def _parse_rest(lines: list[str]) -> Docstring:
    description: list[str] = []
    fields: list[tuple[str, str, list[str]]] = []
    for line in lines:
        match = _REST_FIELD.match(line)
        if match:
            fields.append((match.group(1), match.group(2).strip(), [match.group(3)]))
        elif fields:
            fields[-1][2].append(line.strip())
        else:
            description.append(line)
    params: dict[str, ParamDoc] = {}
    types: dict[str, str] = {}
    for kind, argument, text in fields:
        if kind in _REST_PARAM_FIELDS and argument:
            type_, _, name = argument.rpartition(" ")
            _add_param(params, (name, type_.strip() or None, text))
        elif kind == "type" and argument:
            types[argument] = _join(text)
    for name, type_ in types.items():
        if name in params and params[name].type is None:
            params[name].type = type_
    return Docstring(description=_join(description), params=params)


# helpers ------------------------------------------------------------------------------


def _add_param(
    params: dict[str, ParamDoc], entry: tuple[str, str | None, list[str]] | None
) -> None:
    if entry is None:
        return
    name, type_, description = entry
    params[name] = ParamDoc(description=_join(description), type=_clean_type(type_))


def _clean_type(type_: str | None) -> str | None:
    if type_ is None:
        return None
    parts = [part.strip() for part in type_.split(",")]
    kept = [part for part in parts if part and part != "optional"]
    return ", ".join(kept) or None


def _join(lines: list[str]) -> str:
    """Lines as text: paragraphs kept, surrounding blank lines removed."""
    return "\n".join(line.rstrip() for line in lines).strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _min_indent(lines: list[str]) -> int:
    indents = [_indent(line) for line in lines if line.strip()]
    return min(indents) if indents else 0
