"""What was evaluated and how: task, dataset, model and eval configuration."""

from typing import Any, Literal, TypeAlias

from pydantic import Field

from inspect_ai._json.model import LogModel
from inspect_ai._json.types import JsonValue
from inspect_ai._model.generate_config import GenerateConfig
from inspect_ai._model.model_config import ModelConfig
from inspect_ai._sandbox.spec import SandboxEnvironmentSpec


class ApproverPolicyConfig(LogModel):
    """An approver and the tools it applies to."""

    name: str
    tools: str | list[str]
    params: dict[str, Any] = Field(default_factory=dict)


class ApprovalPolicyConfig(LogModel):
    """The approvers of an eval, in order."""

    approvers: list[ApproverPolicyConfig]


class ReviewerPolicyConfig(LogModel):
    """A reviewer and the tools it applies to."""

    name: str
    tools: str | list[str]
    params: dict[str, Any] = Field(default_factory=dict)


class ReviewPolicyConfig(LogModel):
    """The reviewers of an eval, in order."""

    reviewers: list[ReviewerPolicyConfig]


class EvalConfig(LogModel):
    """Configuration of an eval run (limits, epochs, error handling, logging)."""

    limit: int | tuple[int, int] | None = None
    """Sample limit (a count, or a range of samples)."""

    sample_id: str | int | list[str | int] | None = None
    """Evaluate specific sample(s)."""

    sample_shuffle: bool | int | None = None
    """Shuffle the order of samples (with an optional seed)."""

    epochs: int | None = None
    """Number of epochs to run samples over."""

    epochs_reducer: list[str] | None = None
    """Reducers for aggregating per-sample scores across epochs."""

    approval: ApprovalPolicyConfig | None = None
    """Approval policy for tool use."""

    review: ReviewPolicyConfig | None = None
    """Review policy for tool use."""

    fail_on_error: bool | float | None = None
    """Fail on sample errors: True (first error), False (never), a proportion or a count."""

    continue_on_fail: bool | None = None
    """Keep running samples after the fail threshold is crossed."""

    retry_on_error: int | None = None
    """Times to retry a sample that raised an error."""

    score_on_error: bool | None = None
    """Score samples that raised an error."""

    message_limit: int | None = None
    """Maximum messages in a sample's conversation."""

    token_limit: int | None = None
    """Maximum tokens used by a sample."""

    token_limit_type: str | None = None
    """Which tokens count toward the token limit."""

    time_limit: int | None = None
    """Maximum clock seconds per sample."""

    working_limit: int | None = None
    """Maximum working seconds per sample."""

    turn_limit: int | None = None
    """Maximum turns per sample."""

    cost_limit: float | None = None
    """Maximum cost per sample."""

    max_samples: int | None = None
    """Maximum samples run in parallel."""

    max_tasks: int | None = None
    """Maximum tasks run in parallel."""

    max_subprocesses: int | None = None
    """Maximum subprocesses run in parallel."""

    max_sandboxes: int | None = None
    """Maximum sandboxes run in parallel."""

    max_dataset_memory: int | None = None
    """Memory budget for the dataset."""

    sandbox_cleanup: bool | None = None
    """Clean up sandboxes after the task."""

    sandbox_prebuilt: bool | None = None
    """Use prebuilt sandbox images."""

    log_samples: bool | None = None
    """Log the detail of each sample."""

    log_realtime: bool | None = None
    """Log sample events as they happen (for live viewing)."""

    log_images: bool | None = None
    """Log images as base64 data."""

    log_model_api: bool | None = None
    """Log raw model API calls."""

    log_buffer: int | None = None
    """Samples to buffer before writing to the log."""

    log_shared: int | None = None
    """Seconds between syncs of the live sample buffer for remote viewers."""

    score_display: bool | None = None
    """Show scoring metrics in real time."""

    notification: bool | str | None = None
    """Notify when the eval completes."""

    acp_server: bool | int | str | None = None
    """Agent control server settings."""

    sentinel: JsonValue | None = None
    """Sentinel configuration."""


class EvalDataset(LogModel):
    """The dataset of an eval."""

    name: str | None = None
    """Dataset name."""

    location: str | None = None
    """Dataset location (a path or URL)."""

    samples: int | None = None
    """Number of samples in the dataset."""

    sample_ids: list[int | str] | None = None
    """Ids of the samples in the dataset."""

    shuffled: bool | None = None
    """Whether the dataset was shuffled after reading."""


class EvalRevision(LogModel):
    """Source revision of an eval."""

    type: Literal["git"] = "git"
    """Revision type (only ``git``)."""

    origin: str
    """Origin server."""

    commit: str
    """Commit."""

    dirty: bool | None = None
    """Whether the working tree had uncommitted changes."""


class EvalMetricDefinition(LogModel):
    """A metric and its options, as declared for a scorer."""

    name: str
    options: dict[str, Any] | None = None


MetricDefinitions: TypeAlias = (
    list[EvalMetricDefinition | dict[str, list[EvalMetricDefinition]]]
    | dict[str, list[EvalMetricDefinition]]
)
"""Metrics of a scorer: a list, or lists per score key (dict-valued scores)."""


class EvalScorer(LogModel):
    """A scorer, its options and its metrics."""

    name: str
    options: dict[str, Any] | None = None
    metrics: MetricDefinitions | None = None
    metadata: dict[str, Any] | None = None


class HeadlineMetric(LogModel):
    """The metric shown as the headline result of an eval."""

    scorer: str | None = None
    score: str | None = None
    metric: str | None = None
    reducer: str | None = None


class EvalSpec(LogModel):
    """Identity and configuration of an eval: task, dataset, model and config."""

    eval_set_id: str | None = None
    """Id of the eval set this eval belongs to."""

    eval_id: str = ""
    """Unique eval id."""

    run_id: str = ""
    """Unique id of the run (one run may hold several evals)."""

    created: str = ""
    """Time created (ISO 8601)."""

    task: str
    """Task name."""

    task_id: str = ""
    """Unique task id."""

    task_version: int | str = 0
    """Task version."""

    task_file: str | None = None
    """Task source file."""

    task_display_name: str | None = None
    """Task name for display."""

    task_registry_name: str | None = None
    """Task name in the registry."""

    task_description: str | None = None
    """Task description."""

    task_attribs: dict[str, Any] = Field(default_factory=dict)
    """Attributes of the ``@task`` decorator."""

    task_args: dict[str, Any] = Field(default_factory=dict)
    """Arguments the task was created with (including defaults)."""

    task_args_passed: dict[str, Any] = Field(default_factory=dict)
    """Arguments explicitly passed to the task."""

    solver: str | None = None
    """Solver name (when given to ``eval()``)."""

    solver_args: dict[str, Any] | None = None
    """Arguments of the solver."""

    solver_args_passed: dict[str, Any] | None = None
    """Arguments explicitly passed to the solver."""

    tags: list[str] | None = None
    """Tags of the eval run."""

    dataset: EvalDataset = Field(default_factory=EvalDataset)
    """Dataset of the eval."""

    sandbox: SandboxEnvironmentSpec | None = None
    """Sandbox environment of the task."""

    model: str = ""
    """Model evaluated."""

    model_base_url: str | None = None
    """Override of the model's base URL."""

    model_generate_config: GenerateConfig = Field(default_factory=GenerateConfig)
    """Generation config given with the model."""

    model_args: dict[str, Any] = Field(default_factory=dict)
    """Model arguments."""

    model_roles: dict[str, ModelConfig | list[ModelConfig]] | None = None
    """Models playing named roles (e.g. ``grader``)."""

    config: EvalConfig = Field(default_factory=EvalConfig)
    """Eval configuration."""

    revision: EvalRevision | None = None
    """Source revision of the eval."""

    packages: dict[str, str] = Field(default_factory=dict)
    """Versions of the packages used."""

    metadata: dict[str, Any] | None = None
    """Additional eval metadata."""

    scorers: list[EvalScorer] | None = None
    """Scorers of the eval."""

    metrics: MetricDefinitions | None = None
    """Task-level metrics (overriding the scorers' own)."""

    headline_metric: HeadlineMetric | None = None
    """Metric to show as the headline."""

    shards: dict[str, Any] | None = None
    """Sharding of the eval across processes."""

    viewer: dict[str, Any] | None = None
    """Viewer configuration."""
