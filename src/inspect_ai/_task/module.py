"""Executing a task file as a module (once per file version), registered in ``sys.modules``."""

import hashlib
import importlib.machinery
import importlib.util
import re
import sys
from types import ModuleType

from inspect_ai._task.context import task_directory
from inspect_ai._task.source import TaskSource

_MTIME_ATTR = "__inspect_task_mtime__"


def task_module_name(source: TaskSource) -> str:
    """The unique module name of a task file (derived from its absolute path)."""
    stem = re.sub(r"\W", "_", source.path.stem)
    digest = hashlib.sha1(str(source.path).encode("utf-8")).hexdigest()[:12]
    return f"inspect_task_{stem}_{digest}"


def load_task_module(source: TaskSource) -> ModuleType:
    """The module of a task file, executed with the file's directory as cwd.

    The module is registered in ``sys.modules`` under ``task_module_name()`` (so its
    ``@solver``s, ``@modelapi``s and classes are usable by other code), and is executed
    again only when the file changed. Its ``__name__`` is not ``"__main__"``, so code
    under ``if __name__ == "__main__":`` does not run.
    """
    name = task_module_name(source)
    mtime = source.path.stat().st_mtime_ns
    cached = sys.modules.get(name)
    if cached is not None and getattr(cached, _MTIME_ATTR, None) == mtime:
        return cached
    code = compile(source.code, str(source.path), "exec", dont_inherit=True)
    module = _new_module(name, source)
    sys.modules[name] = module
    try:
        with task_directory(source.path.parent):
            exec(code, module.__dict__)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    setattr(module, _MTIME_ATTR, mtime)
    return module


def _new_module(name: str, source: TaskSource) -> ModuleType:
    """An empty module for ``source``, with ``__file__`` set."""
    spec = importlib.machinery.ModuleSpec(name, None, origin=str(source.path))
    module = importlib.util.module_from_spec(spec)
    module.__file__ = str(source.path)
    return module
