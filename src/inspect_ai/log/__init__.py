"""Eval logs: the ``EvalLog`` model, transcript events, and reading, writing and listing logs."""

from typing import TYPE_CHECKING, Any

from inspect_ai._exports import lazy_export

if TYPE_CHECKING:
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

_LAZY = {
    "AnchorEvent": "inspect_ai._event.branch",
    "ApprovalEvent": "inspect_ai._event.approval",
    "BaseEvent": "inspect_ai._event.base",
    "BranchEvent": "inspect_ai._event.branch",
    "CheckpointEvent": "inspect_ai._event.checkpoint",
    "CompactionEvent": "inspect_ai._event.compaction",
    "ErrorEvent": "inspect_ai._event.error",
    "EvalConfig": "inspect_ai._log.model.spec",
    "EvalDataset": "inspect_ai._log.model.spec",
    "EvalError": "inspect_ai._event.error",
    "EvalLog": "inspect_ai._log.model.log",
    "EvalLogInfo": "inspect_ai._log.model.info",
    "EvalMetric": "inspect_ai._log.model.results",
    "EvalMetricDefinition": "inspect_ai._log.model.spec",
    "EvalPlan": "inspect_ai._log.model.plan",
    "EvalPlanStep": "inspect_ai._log.model.plan",
    "EvalResults": "inspect_ai._log.model.results",
    "EvalRetryError": "inspect_ai._log.model.sample",
    "EvalRevision": "inspect_ai._log.model.spec",
    "EvalSample": "inspect_ai._log.model.sample",
    "EvalSampleLimit": "inspect_ai._log.model.sample",
    "EvalSampleReductions": "inspect_ai._log.model.results",
    "EvalSampleScore": "inspect_ai._log.model.results",
    "EvalSampleSummary": "inspect_ai._log.model.summary",
    "EvalScore": "inspect_ai._log.model.results",
    "EvalScorer": "inspect_ai._log.model.spec",
    "EvalSpec": "inspect_ai._log.model.spec",
    "EvalStats": "inspect_ai._log.model.stats",
    "EvalStatus": "inspect_ai._log.model.log",
    "Event": "inspect_ai._event.event",
    "EventsData": "inspect_ai._log.model.sample",
    "InfoEvent": "inspect_ai._event.info",
    "InputEvent": "inspect_ai._event.input",
    "InterruptEvent": "inspect_ai._event.interrupt",
    "JsonChange": "inspect_ai._event.state",
    "LogFormatError": "inspect_ai._log.errors",
    "LoggerEvent": "inspect_ai._event.logger",
    "LoggingLevel": "inspect_ai._event.logger",
    "LoggingMessage": "inspect_ai._event.logger",
    "ModelEvent": "inspect_ai._event.model",
    "ReviewEvent": "inspect_ai._event.review",
    "SampleInitEvent": "inspect_ai._event.sample",
    "SampleLimitEvent": "inspect_ai._event.sample",
    "SandboxEvent": "inspect_ai._event.sandbox",
    "ScoreEditEvent": "inspect_ai._event.score",
    "ScoreEvent": "inspect_ai._event.score",
    "SentinelEvent": "inspect_ai._event.sentinel",
    "SpanBeginEvent": "inspect_ai._event.span",
    "SpanEndEvent": "inspect_ai._event.span",
    "StateEvent": "inspect_ai._event.state",
    "StepEvent": "inspect_ai._event.step",
    "StoreEvent": "inspect_ai._event.state",
    "SubtaskEvent": "inspect_ai._event.subtask",
    "ToolEvent": "inspect_ai._event.tool",
    "convert_eval_logs": "inspect_ai._log.convert",
    "list_eval_logs": "inspect_ai._log.listing",
    "read_eval_log": "inspect_ai._log.read",
    "read_eval_log_sample": "inspect_ai._log.read",
    "read_eval_log_sample_summaries": "inspect_ai._log.read",
    "read_eval_log_samples": "inspect_ai._log.read",
    "resolve_sample_attachments": "inspect_ai._log.resolve",
    "retryable_eval_logs": "inspect_ai._log.retryable",
    "write_eval_log": "inspect_ai._log.write",
    "write_log_dir_manifest": "inspect_ai._log.manifest",
}


def __getattr__(name: str) -> Any:
    # Imported on first use: reading a log header then loads neither the writers nor
    # the listing, conversion and manifest code.
    return lazy_export(globals(), _LAZY, name)


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
