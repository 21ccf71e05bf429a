"""The options of an eval run that apply to every task in it."""

import os
from dataclasses import dataclass, field
from typing import Any, Literal

from inspect_ai._approval.policy import ApprovalPolicy
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._runner.previous import PreviousLog
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec


@dataclass
class EvalOptions:
    """Options given to ``eval()`` (None: the task's own setting or the default)."""

    log_dir: str
    log_format: Literal["eval", "json"] = "eval"
    limit: int | tuple[int, int] | None = None
    sample_id: str | int | list[str | int] | None = None
    epochs: Any = None
    fail_on_error: bool | float | None = None
    retry_on_error: int | None = None
    debug_errors: bool = False
    message_limit: int | None = None
    token_limit: int | None = None
    time_limit: int | None = None
    working_limit: int | None = None
    max_samples: int | None = None
    max_tasks: int | None = None
    max_subprocesses: int | None = None
    max_sandboxes: int | None = None
    sandbox: SandboxEnvironmentSpec | None = None
    sandbox_cleanup: bool | None = None
    log_samples: bool = True
    log_images: bool = True
    log_buffer: int | None = None
    log_shared: int | None = None
    """Seconds between copies of the live sample buffer next to the log (None: no copies)."""
    log_header_only: bool = False
    """Return logs without samples (so finished samples need not be kept in memory)."""
    score: bool = True
    tags: list[str] | None = None
    metadata: dict[str, Any] | None = None
    solver: Any = None
    approval: list[ApprovalPolicy] | None = None
    """Tool approval policies (overriding the task's)."""
    model_base_url: str | None = None
    model_args: dict[str, Any] = field(default_factory=dict)
    generate_config: GenerateConfig = field(default_factory=GenerateConfig)
    run_id: str = ""
    working_dir: str = field(default_factory=os.getcwd)
    """The working directory the eval was started in (task files are logged relative to it)."""
    eval_set_id: str | None = None
    previous: PreviousLog | None = None
    """An earlier log every task continues (``eval_retry``: one task, one log)."""
    previous_logs: dict[str, PreviousLog] | None = None
    """Earlier logs by task identity key (eval sets: tasks continue their own)."""
