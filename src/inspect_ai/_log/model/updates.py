"""Edits made to a log after it was written: tags, metadata and configuration."""

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._json.types import JsonValue
from inspect_ai._scorer.score import ProvenanceData


class TagsEdit(LogModel):
    """Tags added to and removed from a log."""

    type: Literal["tags"] = "tags"
    tags_add: list[str] = Field(default_factory=list)
    tags_remove: list[str] = Field(default_factory=list)


class MetadataEdit(LogModel):
    """Metadata keys set and removed in a log."""

    type: Literal["metadata"] = "metadata"
    metadata_set: dict[str, Any] = Field(default_factory=dict)
    metadata_remove: list[str] = Field(default_factory=list)


LogEdit: TypeAlias = Annotated[TagsEdit | MetadataEdit, Field(discriminator="type")]
"""An edit of a log."""


class LogUpdate(LogModel):
    """A set of edits with their provenance."""

    edits: list[LogEdit]
    provenance: ProvenanceData


class ConfigValueChange(LogModel):
    """A configuration value changed while the eval ran."""

    config: Literal["eval", "generate", "concurrency"]
    name: str
    value: JsonValue = None
    previous: JsonValue = None
    cleared: bool = False


class ConfigUpdate(LogModel):
    """Configuration changes with their scope and provenance."""

    changes: list[ConfigValueChange]
    scope: Literal["task", "process"]
    provenance: ProvenanceData
