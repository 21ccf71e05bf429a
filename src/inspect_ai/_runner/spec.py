"""What a log says about the eval: its ``EvalSpec`` and ``EvalPlan``."""

import os
from datetime import UTC, datetime
from typing import Any

from inspect_ai import __version__
from inspect_ai._ids import short_uuid
from inspect_ai._log.model.plan import EvalPlan, EvalPlanStep
from inspect_ai._log.model.spec import EvalConfig, EvalDataset, EvalScorer, EvalSpec
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.model import Model
from inspect_ai._model.model_config import ModelConfig
from inspect_ai._registry.params import jsonable_params
from inspect_ai._registry.registry import registry_name, registry_params, registry_params_passed
from inspect_ai._runner.options import EvalOptions
from inspect_ai._runner.revision import git_revision
from inspect_ai._solver.solver import Solver


def eval_plan(steps: list[Solver], finish: Solver | None, config: GenerateConfig) -> EvalPlan:
    """The plan of a task: each solver with its parameters, and the generation config."""
    return EvalPlan(
        steps=[plan_step(step) for step in steps],
        finish=plan_step(finish) if finish is not None else None,
        config=config,
    )


def plan_step(solver: Solver) -> EvalPlanStep:
    """One solver as the plan records it."""
    return EvalPlanStep(
        solver=registry_name(solver),
        params=jsonable_params(registry_params(solver)),
        params_passed=jsonable_params(registry_params_passed(solver)),
    )


def eval_spec(
    task: Any,
    model: Model,
    options: EvalOptions,
    task_id: str,
    dataset: EvalDataset,
    config: EvalConfig,
    scorers: list[EvalScorer] | None,
    roles: dict[str, Model] | None = None,
) -> EvalSpec:
    """The ``EvalSpec`` of a task run against a model (and the models given roles)."""
    task_file = relative_task_file(task.task_file, options.working_dir)
    solver = options.solver
    return EvalSpec(
        eval_set_id=options.eval_set_id,
        eval_id=short_uuid(),
        run_id=options.run_id,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        task=task.name,
        task_id=task_id,
        task_version=task.version,
        task_file=task_file,
        task_display_name=task.name,
        task_registry_name=task.task_registry_name,
        task_attribs=jsonable_params(task.attribs),
        task_args=jsonable_params(task.task_args),
        task_args_passed=jsonable_params(task.task_args_passed),
        solver=registry_name(solver) if solver is not None else None,
        solver_args=jsonable_params(registry_params(solver)) if solver is not None else None,
        solver_args_passed=(
            jsonable_params(registry_params_passed(solver)) if solver is not None else None
        ),
        tags=options.tags,
        dataset=dataset,
        sandbox=task.sandbox,
        model=str(model),
        model_base_url=options.model_base_url,
        model_generate_config=model.config,
        model_args=jsonable_params(model.model_args),
        model_roles={name: model_config(role) for name, role in roles.items()} if roles else None,
        config=config,
        revision=git_revision(os.path.dirname(task.task_file)) if task.task_file else None,
        packages={"inspect_ai": __version__},
        metadata=options.metadata or task.metadata,
        scorers=scorers,
    )


def model_config(model: Model) -> ModelConfig:
    """A model as the log records it for a role."""
    return ModelConfig(
        model=str(model),
        config=model.config,
        base_url=model.api.base_url,
        args=jsonable_params(model.model_args),
    )


def relative_task_file(path: str | None, start: str) -> str | None:
    """A task file as logs record it: relative to the directory the eval started in."""
    if path is None:
        return None
    try:
        return os.path.relpath(path, start)
    except ValueError:
        return path
