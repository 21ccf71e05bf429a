"""A sample's key/value store."""

from collections.abc import ItemsView, KeysView, ValuesView
from typing import Any


class Store:
    """Key/value store shared by the solvers, tools and scorers of a sample."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = {} if data is None else data

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``; ``default`` (which is then stored) when it is absent."""
        if key not in self._data and default is not None:
            self._data[key] = default
        return self._data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Set ``key`` to ``value``."""
        self._data[key] = value

    def delete(self, key: str) -> None:
        """Remove ``key`` (if present)."""
        self._data.pop(key, None)

    def keys(self) -> KeysView[str]:
        """The keys in the store."""
        return self._data.keys()

    def values(self) -> ValuesView[Any]:
        """The values in the store."""
        return self._data.values()

    def items(self) -> ItemsView[str, Any]:
        """The key/value pairs in the store."""
        return self._data.items()

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def as_dict(self) -> dict[str, Any]:
        """The underlying dict (not a copy)."""
        return self._data
