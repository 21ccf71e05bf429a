"""Utilities for tasks, solvers and tools: the sample store and sandbox specs."""

from inspect_ai._sandbox.spec import SandboxEnvironmentSpec, SandboxEnvironmentType
from inspect_ai._store.store import Store
from inspect_ai._store.store_model import StoreModel

__all__ = ["SandboxEnvironmentSpec", "SandboxEnvironmentType", "Store", "StoreModel"]
