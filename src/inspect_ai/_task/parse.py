"""Finding ``@task`` functions in source code without executing it."""

import ast
from dataclasses import dataclass, field
from typing import Any

TASK_DECORATOR = "task"


@dataclass(frozen=True)
class TaskDef:
    """A ``@task`` function found in source code."""

    function: str
    """Name of the function."""

    name: str
    """Task name: the decorator's literal ``name=``, else the function name."""

    attribs: dict[str, Any] = field(default_factory=dict)
    """Decorator keyword arguments with literal values (other than ``name``)."""


def task_defs(module: ast.Module) -> list[TaskDef]:
    """The module-level ``@task`` functions of ``module``, in source order."""
    found: list[TaskDef] = []
    for node in module.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            decorator = _task_decorator(node)
            if decorator is not None:
                found.append(_task_def(node.name, decorator))
    return found


def _task_decorator(node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.expr | None:
    """The ``@task`` / ``@task(...)`` / ``@inspect_ai.task`` decorator of ``node``, if any."""
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _is_task_reference(target):
            return decorator
    return None


def _is_task_reference(expr: ast.expr) -> bool:
    """Whether ``expr`` is ``task`` or an attribute ``<something>.task``."""
    if isinstance(expr, ast.Name):
        return expr.id == TASK_DECORATOR
    return isinstance(expr, ast.Attribute) and expr.attr == TASK_DECORATOR


def _task_def(function: str, decorator: ast.expr) -> TaskDef:
    """A ``TaskDef`` from the decorator's literal keyword arguments."""
    keywords = decorator.keywords if isinstance(decorator, ast.Call) else []
    literals = _literal_keywords(keywords)
    name = literals.pop("name", None)
    return TaskDef(
        function=function,
        name=name if isinstance(name, str) else function,
        attribs=literals,
    )


def _literal_keywords(keywords: list[ast.keyword]) -> dict[str, Any]:
    """Keyword arguments whose values are literals (others are left out)."""
    literals: dict[str, Any] = {}
    for keyword in keywords:
        if keyword.arg is None:
            continue
        try:
            literals[keyword.arg] = ast.literal_eval(keyword.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
    return literals
