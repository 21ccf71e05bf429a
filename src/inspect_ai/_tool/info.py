"""Tool descriptions given to models: name, description and JSON schema of parameters."""

from typing import Any, Literal, TypeAlias

from pydantic import Field

from inspect_ai._json.model import LogModel

JSONType = Literal["string", "integer", "number", "boolean", "array", "object", "null"]
"""The type names of JSON schema."""


class JSONSchema(LogModel):
    """A JSON schema describing one tool parameter (or a nested value)."""

    type: JSONType | list[JSONType] | None = None
    """JSON type(s) of the value."""

    format: str | None = None
    """Format hint (e.g. ``date-time``)."""

    description: str | None = None
    """Description of the value."""

    default: Any = None
    """Default value."""

    enum: list[Any] | None = None
    """Allowed values."""

    items: "JSONSchema | None" = None
    """Schema of array items."""

    properties: "dict[str, JSONSchema] | None" = None
    """Schemas of object properties."""

    additionalProperties: "JSONSchema | bool | None" = None
    """Schema of (or permission for) properties not listed."""

    anyOf: "list[JSONSchema] | None" = None
    """Alternative schemas."""

    required: list[str] | None = None
    """Required object properties."""

    examples: list[Any] | None = None
    """Example values."""

    pattern: str | None = None
    """Regular expression a string must match."""

    minLength: int | None = None
    """Minimum string length."""

    maxLength: int | None = None
    """Maximum string length."""

    minimum: int | float | None = None
    """Minimum numeric value."""

    maximum: int | float | None = None
    """Maximum numeric value."""


class ToolParams(LogModel):
    """The parameters of a tool, as a JSON schema object."""

    type: Literal["object"] = "object"
    """Always ``object``."""

    properties: dict[str, JSONSchema] = Field(default_factory=dict)
    """Schema of each parameter."""

    required: list[str] = Field(default_factory=list)
    """Names of the required parameters."""

    additionalProperties: JSONSchema | bool | None = False
    """Whether parameters not listed are accepted."""


class ToolInfo(LogModel):
    """Description of a tool offered to a model."""

    name: str
    """Tool name."""

    description: str
    """What the tool does."""

    parameters: ToolParams = Field(default_factory=ToolParams)
    """The tool's parameters."""

    options: dict[str, Any] | None = None
    """Provider-specific options."""


class ToolFunction(LogModel):
    """Directs a model to call one specific tool."""

    name: str
    """Name of the tool to call."""


ToolChoice: TypeAlias = Literal["auto", "any", "none"] | ToolFunction
"""Which tools a model should use: any it likes, at least one, none, or a given one."""
