"""Typed, validated views of a store, as pydantic models."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from inspect_ai._store.store import Store


class StoreModel(BaseModel):
    """A pydantic model whose fields live in a sample's store.

    Each field is kept under the key ``"<ClassName>:<field>"`` (or
    ``"<ClassName>:<instance>:<field>"`` for a named instance), so several models
    can share one store. Fields start from the store's values; setting a field
    validates it and writes it through to the store.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True, validate_assignment=True, defer_build=True
    )

    store: Store = Field(exclude=True, default_factory=Store)
    instance: str | None = Field(exclude=True, default=None)

    def __init__(self, **data: Any) -> None:
        store = data.get("store")
        if store is None:
            store = Store()
        instance = data.get("instance")
        prefix = _prefix(type(self).__name__, instance)
        values = {
            name: store.get(f"{prefix}{name}")
            for name in type(self).model_fields
            if name not in ("store", "instance") and f"{prefix}{name}" in store
        }
        values.update({k: v for k, v in data.items() if k not in ("store", "instance")})
        super().__init__(store=store, instance=instance, **values)
        for name in type(self).model_fields:
            if name not in ("store", "instance"):
                self.store.set(f"{prefix}{name}", _plain(getattr(self, name)))

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name in type(self).model_fields and name not in ("store", "instance"):
            key = f"{_prefix(type(self).__name__, self.instance)}{name}"
            self.store.set(key, _plain(super().__getattribute__(name)))


def _prefix(class_name: str, instance: str | None) -> str:
    return f"{class_name}:{instance}:" if instance else f"{class_name}:"


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump()
    return value
