"""Filling prompt templates: ``str.format`` placeholders, leaving unknown ones as they are.

Templates name values with ``{name}`` (with the usual ``str.format`` attribute access,
indexing, conversions and format specs). A placeholder whose value is not given stays in
the text unchanged, so templates may contain literal braces (JSON examples, code) without
escaping them.
"""

import re
from collections.abc import Iterable, Mapping
from string import Formatter
from typing import Any

from inspect_ai._solver.state import TaskState

_SIMPLE_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class _LenientFormatter(Formatter):
    """A formatter that writes unresolvable fields back as they were written."""

    def format_lenient(self, template: str, values: Mapping[str, Any]) -> str:
        parts: list[str] = []
        for literal, field, spec, conversion in self.parse(template):
            parts.append(literal)
            if field is not None:
                parts.append(self._field(field, spec or "", conversion, values))
        return "".join(parts)

    def _field(
        self, field: str, spec: str, conversion: str | None, values: Mapping[str, Any]
    ) -> str:
        try:
            value, _ = self.get_field(field, (), values)
            value = self.convert_field(value, conversion)
            return str(self.format_field(value, self.format_lenient(spec, values)))
        except (KeyError, IndexError, AttributeError, TypeError, ValueError):
            return _original_field(field, spec, conversion)


def _original_field(field: str, spec: str, conversion: str | None) -> str:
    """A replacement field written back as it appeared in the template."""
    text = field
    if conversion is not None:
        text += f"!{conversion}"
    if spec:
        text += f":{spec}"
    return "{" + text + "}"


_FORMATTER = _LenientFormatter()


def format_template(template: str, values: Mapping[str, Any]) -> str:
    """Fill the placeholders of ``template`` that ``values`` has; keep the others.

    Args:
        template: Template with ``str.format``-style placeholders (``{{``/``}}`` for
            literal braces).
        values: Values for the placeholders.
    """
    try:
        return _FORMATTER.format_lenient(template, values)
    except ValueError:
        # Unbalanced braces: fill only the plain {name} placeholders.
        return _SIMPLE_FIELD.sub(lambda m: _simple_value(m, values), template)


def _simple_value(match: re.Match[str], values: Mapping[str, Any]) -> str:
    name = match.group(1)
    return str(values[name]) if name in values else match.group(0)


def template_fields(template: str) -> set[str]:
    """The names of the values ``template`` refers to (``{a.b[0]}`` names ``a``)."""
    try:
        fields = [field for _, field, _, _ in Formatter().parse(template) if field]
    except ValueError:
        fields = _SIMPLE_FIELD.findall(template)
    return {_field_root(field) for field in fields}


def _field_root(field: str) -> str:
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def state_values(state: TaskState, *extra: Mapping[str, Any]) -> dict[str, Any]:
    """Template values of a sample: its metadata, then its store, then ``extra`` (later wins)."""
    values: dict[str, Any] = dict(state.metadata)
    values.update(state.store.items())
    for mapping in extra:
        values.update(mapping)
    return values


def missing_fields(template: str, required: Iterable[str]) -> list[str]:
    """The ``required`` placeholder names that ``template`` does not use."""
    present = template_fields(template)
    return [name for name in required if name not in present]
