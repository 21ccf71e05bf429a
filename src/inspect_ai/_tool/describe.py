"""What a model is told about a tool: its name, description and parameter schema.

The description and the parameters come from the tool function's docstring and type
hints; ``@tool``, ``tool_with()`` and ``ToolDef`` may override them. A tool that cannot be
described (no description, an undocumented parameter, an unsupported type) is an error
naming the tool and the parameter, raised when the tool is created.
"""

import contextlib
import inspect
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, get_type_hints

from inspect_ai._registry.params import jsonable_value
from inspect_ai._registry.registry import RegistryInfo, is_registry_object, registry_info
from inspect_ai._tool.call import ToolCallViewer
from inspect_ai._tool.docstring import Docstring, parse_docstring
from inspect_ai._tool.info import JSONSchema, ToolInfo, ToolParams
from inspect_ai._tool.schema import UnsupportedTypeError, json_schema

ParamDescriptions = Mapping[str, str]
"""Descriptions of parameters, by name (overriding the docstring's)."""

_DOC_TYPES: dict[str, type] = {
    "str": str, "string": str, "int": int, "integer": int, "float": float, "number": float,
    "bool": bool, "boolean": bool, "list": list, "array": list, "dict": dict, "object": dict,
}  # fmt: skip


@dataclass(frozen=True)
class ToolSpec:
    """Everything known about a tool: what the model sees and how calls are run."""

    name: str
    description: str
    parameters: ToolParams
    parallel: bool = True
    viewer: ToolCallViewer | None = None
    bound: dict[str, Any] = field(default_factory=dict)
    """Parameters filled in for the model (``"metadata.<key>"``: from the sample metadata)."""

    annotations: dict[str, Any] = field(default_factory=dict)
    """Type hints of the parameters (arguments are converted to them)."""

    def info(self) -> ToolInfo:
        """The ``ToolInfo`` given to models."""
        return ToolInfo(name=self.name, description=self.description, parameters=self.parameters)


_specs: "weakref.WeakKeyDictionary[object, ToolSpec]" = weakref.WeakKeyDictionary()


def tool_spec(tool: Callable[..., Any]) -> ToolSpec:
    """The spec of a tool as registered (cached per tool object)."""
    try:
        cached = _specs.get(tool)
    except TypeError:  # unhashable
        cached = None
    if cached is None:
        cached = make_tool_spec(tool)
        with contextlib.suppress(TypeError):  # unhashable, or no weak references
            _specs[tool] = cached
    return cached


def make_tool_spec(
    tool: Callable[..., Any],
    *,
    name: str | None = None,
    description: str | None = None,
    parameters: ParamDescriptions | ToolParams | None = None,
    parallel: bool | None = None,
    viewer: ToolCallViewer | None = None,
) -> ToolSpec:
    """The spec of ``tool``, with the given fields overriding the registered ones."""
    meta = tool_metadata(tool)
    name = name or meta.get("name") or _function_name(tool)
    bound = dict(meta.get("params") or {})
    description = description or meta.get("description")
    if parameters is None:
        parameters = meta.get("parameters")
    doc = parse_docstring(_docstring(tool))
    if isinstance(parameters, ToolParams):
        hints = _type_hints(tool, name, strict=False)
        params = parameters.model_copy(deep=True)
    else:
        hints = _type_hints(tool, name)
        params = parse_parameters(tool, name, doc, hints, set(bound))
        _override_descriptions(params, parameters or {}, name)
    spec = ToolSpec(
        name=name,
        description=description or doc.description,
        parameters=params,
        parallel=meta.get("parallel", True) if parallel is None else parallel,
        viewer=viewer or meta.get("viewer"),
        bound=bound,
        annotations=hints,
    )
    check_described(spec)
    return spec


def tool_metadata(tool: object) -> dict[str, Any]:
    """The registry metadata of a tool (name, parallel, viewer, params, overrides)."""
    if not is_registry_object(tool, "tool"):
        return {}
    info: RegistryInfo = registry_info(tool)
    return {**info.metadata, "name": info.name.rsplit("/", 1)[-1]}


def parse_parameters(
    tool: Callable[..., Any], name: str, doc: Docstring, hints: dict[str, Any], exclude: set[str]
) -> ToolParams:
    """The parameters of ``tool`` from its signature, type hints and docstring."""
    signature = inspect.signature(inspect.unwrap(tool))
    params = ToolParams()
    for param in signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD) or param.name in exclude:
            continue
        schema = _param_schema(param, hints, doc, name)
        if param.default is param.empty:
            params.required.append(param.name)
        else:
            schema.default = jsonable_value(param.default)
        params.properties[param.name] = schema
    unknown = sorted(exclude - set(signature.parameters))
    if unknown:
        raise ValueError(f"Tool '{name}': params names unknown parameter '{unknown[0]}'.")
    return params


def check_described(spec: ToolSpec) -> None:
    """Raise unless the tool and each of its parameters has a description."""
    if not spec.description:
        raise ValueError(
            f"Tool '{spec.name}' has no description (give the tool function a docstring)."
        )
    for param, schema in spec.parameters.properties.items():
        if not schema.description:
            raise ValueError(
                f"Tool '{spec.name}': parameter '{param}' has no description "
                "(document it in the tool function's docstring)."
            )


def _param_schema(
    param: inspect.Parameter, hints: dict[str, Any], doc: Docstring, name: str
) -> JSONSchema:
    documented = doc.params.get(param.name)
    if param.name in hints:
        annotation = hints[param.name]
    elif documented is not None and documented.type in _DOC_TYPES:
        annotation = _DOC_TYPES[documented.type]
    else:
        raise TypeError(f"Tool '{name}': parameter '{param.name}' has no type annotation.")
    try:
        schema = json_schema(annotation)
    except UnsupportedTypeError as ex:
        raise TypeError(f"Tool '{name}': parameter '{param.name}' has an {ex}.") from None
    if documented is not None and documented.description:
        schema.description = documented.description
    return schema


def _override_descriptions(params: ToolParams, descriptions: ParamDescriptions, name: str) -> None:
    for param, description in descriptions.items():
        if param not in params.properties:
            raise ValueError(f"Tool '{name}': description given for unknown parameter '{param}'.")
        params.properties[param].description = description


def _type_hints(tool: Callable[..., Any], name: str, strict: bool = True) -> dict[str, Any]:
    target = inspect.unwrap(tool)
    source = target if inspect.isroutine(target) else type(target).__call__
    try:
        hints = get_type_hints(source, include_extras=True)
    except Exception as ex:
        if not strict:
            return {}
        raise TypeError(f"Tool '{name}': cannot resolve the type hints ({ex}).") from ex
    hints.pop("return", None)
    return hints


def _docstring(tool: Callable[..., Any]) -> str | None:
    target = inspect.unwrap(tool)
    doc = inspect.getdoc(target)
    if doc is None and not inspect.isroutine(target):
        doc = inspect.getdoc(type(target).__call__)
    return doc


def _function_name(tool: Callable[..., Any]) -> str:
    name = getattr(tool, "__name__", None)
    return name if isinstance(name, str) else type(tool).__name__
