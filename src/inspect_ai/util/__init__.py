"""Utilities for tasks, solvers and tools: the store, concurrency, subprocesses, sandboxes,
resources."""

from inspect_ai._concurrency.limits import concurrency
from inspect_ai._concurrency.subprocess import ExecResult, subprocess
from inspect_ai._resource import resource
from inspect_ai._sample.limits import LimitExceededError
from inspect_ai._sandbox.current import sandbox, sandbox_with
from inspect_ai._sandbox.environment import SandboxEnvironment, SandboxEnvironmentConfigType
from inspect_ai._sandbox.limits import OutputLimitExceededError, SandboxEnvironmentLimits
from inspect_ai._sandbox.registry import sandboxenv
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec, SandboxEnvironmentType
from inspect_ai._store.current import store, store_as
from inspect_ai._store.store import Store
from inspect_ai._store.store_model import StoreModel
from inspect_ai._transcript.span import span
from inspect_ai._transcript.transcript import Transcript, transcript

__all__ = [
    "ExecResult",
    "LimitExceededError",
    "OutputLimitExceededError",
    "SandboxEnvironment",
    "SandboxEnvironmentConfigType",
    "SandboxEnvironmentLimits",
    "SandboxEnvironmentSpec",
    "SandboxEnvironmentType",
    "Store",
    "StoreModel",
    "Transcript",
    "concurrency",
    "resource",
    "sandbox",
    "sandbox_with",
    "sandboxenv",
    "span",
    "store",
    "store_as",
    "subprocess",
    "transcript",
]
