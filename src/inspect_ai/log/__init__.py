"""Eval logs: the ``EvalLog`` model, transcript events, and reading, writing and listing logs."""

from inspect_ai._event.approval import ApprovalEvent
from inspect_ai._event.base import BaseEvent
from inspect_ai._event.branch import AnchorEvent, BranchEvent
from inspect_ai._event.checkpoint import CheckpointEvent
from inspect_ai._event.compaction import CompactionEvent
from inspect_ai._event.error import ErrorEvent, EvalError
from inspect_ai._event.event import Event
from inspect_ai._event.info import InfoEvent
from inspect_ai._event.input import InputEvent
from inspect_ai._event.interrupt import InterruptEvent
from inspect_ai._event.logger import LoggerEvent, LoggingLevel, LoggingMessage
from inspect_ai._event.model import ModelEvent
from inspect_ai._event.review import ReviewEvent
from inspect_ai._event.sample import SampleInitEvent, SampleLimitEvent
from inspect_ai._event.sandbox import SandboxEvent
from inspect_ai._event.score import ScoreEditEvent, ScoreEvent
from inspect_ai._event.sentinel import SentinelEvent
from inspect_ai._event.span import SpanBeginEvent, SpanEndEvent
from inspect_ai._event.state import JsonChange, StateEvent, StoreEvent
from inspect_ai._event.step import StepEvent
from inspect_ai._event.subtask import SubtaskEvent
from inspect_ai._event.tool import ToolEvent
from inspect_ai._log.convert import convert_eval_logs
from inspect_ai._log.errors import LogFormatError
from inspect_ai._log.listing import list_eval_logs
from inspect_ai._log.manifest import write_log_dir_manifest
from inspect_ai._log.model.info import EvalLogInfo
from inspect_ai._log.model.log import EvalLog, EvalStatus
from inspect_ai._log.model.plan import EvalPlan, EvalPlanStep
from inspect_ai._log.model.results import (
    EvalMetric,
    EvalResults,
    EvalSampleReductions,
    EvalSampleScore,
    EvalScore,
)
from inspect_ai._log.model.sample import (
    EvalRetryError,
    EvalSample,
    EvalSampleLimit,
    EventsData,
)
from inspect_ai._log.model.spec import (
    EvalConfig,
    EvalDataset,
    EvalMetricDefinition,
    EvalRevision,
    EvalScorer,
    EvalSpec,
)
from inspect_ai._log.model.stats import EvalStats
from inspect_ai._log.model.summary import EvalSampleSummary
from inspect_ai._log.read import (
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_sample_summaries,
    read_eval_log_samples,
)
from inspect_ai._log.resolve import resolve_sample_attachments
from inspect_ai._log.retryable import retryable_eval_logs
from inspect_ai._log.write import write_eval_log

__all__ = [
    "AnchorEvent",
    "ApprovalEvent",
    "BaseEvent",
    "BranchEvent",
    "CheckpointEvent",
    "CompactionEvent",
    "ErrorEvent",
    "EvalConfig",
    "EvalDataset",
    "EvalError",
    "EvalLog",
    "EvalLogInfo",
    "EvalMetric",
    "EvalMetricDefinition",
    "EvalPlan",
    "EvalPlanStep",
    "EvalResults",
    "EvalRetryError",
    "EvalRevision",
    "EvalSample",
    "EvalSampleLimit",
    "EvalSampleReductions",
    "EvalSampleScore",
    "EvalSampleSummary",
    "EvalScore",
    "EvalScorer",
    "EvalSpec",
    "EvalStats",
    "EvalStatus",
    "Event",
    "EventsData",
    "InfoEvent",
    "InputEvent",
    "InterruptEvent",
    "JsonChange",
    "LogFormatError",
    "LoggerEvent",
    "LoggingLevel",
    "LoggingMessage",
    "ModelEvent",
    "ReviewEvent",
    "SampleInitEvent",
    "SampleLimitEvent",
    "SandboxEvent",
    "ScoreEditEvent",
    "ScoreEvent",
    "SentinelEvent",
    "SpanBeginEvent",
    "SpanEndEvent",
    "StateEvent",
    "StepEvent",
    "StoreEvent",
    "SubtaskEvent",
    "ToolEvent",
    "convert_eval_logs",
    "list_eval_logs",
    "read_eval_log",
    "read_eval_log_sample",
    "read_eval_log_sample_summaries",
    "read_eval_log_samples",
    "resolve_sample_attachments",
    "retryable_eval_logs",
    "write_eval_log",
    "write_log_dir_manifest",
]
