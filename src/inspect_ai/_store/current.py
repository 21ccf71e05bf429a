"""The store of the running sample: ``store()`` and ``store_as()``."""

from contextvars import ContextVar
from typing import TypeVar

from inspect_ai._store.store import Store
from inspect_ai._store.store_model import StoreModel

SMT = TypeVar("SMT", bound=StoreModel)

_current: ContextVar[Store | None] = ContextVar("inspect_store", default=None)
_detached = Store()


def store() -> Store:
    """The store of the sample being run (a detached store outside any sample)."""
    current = _current.get()
    return _detached if current is None else current


def store_as(model_cls: type[SMT], instance: str | None = None) -> SMT:
    """A typed view of the running sample's store."""
    return model_cls(store=store(), instance=instance)


def set_store(active: Store) -> None:
    """Make ``active`` the store of the current task (the sample runner calls this)."""
    _current.set(active)
