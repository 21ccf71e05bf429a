"""The union of every event type, discriminated on ``event``."""

from typing import Annotated, TypeAlias

from pydantic import Field

from inspect_ai._event.approval import ApprovalEvent
from inspect_ai._event.branch import AnchorEvent, BranchEvent
from inspect_ai._event.checkpoint import CheckpointEvent
from inspect_ai._event.compaction import CompactionEvent
from inspect_ai._event.error import ErrorEvent
from inspect_ai._event.info import InfoEvent
from inspect_ai._event.input import InputEvent
from inspect_ai._event.interrupt import InterruptEvent
from inspect_ai._event.logger import LoggerEvent
from inspect_ai._event.model import ModelEvent
from inspect_ai._event.review import ReviewEvent
from inspect_ai._event.sample import SampleInitEvent, SampleLimitEvent
from inspect_ai._event.sandbox import SandboxEvent
from inspect_ai._event.score import ScoreEditEvent, ScoreEvent
from inspect_ai._event.sentinel import SentinelEvent
from inspect_ai._event.span import SpanBeginEvent, SpanEndEvent
from inspect_ai._event.state import StateEvent, StoreEvent
from inspect_ai._event.step import StepEvent
from inspect_ai._event.subtask import SubtaskEvent
from inspect_ai._event.tool import ToolEvent

Event: TypeAlias = Annotated[
    SampleInitEvent
    | SampleLimitEvent
    | SandboxEvent
    | StateEvent
    | StoreEvent
    | ModelEvent
    | ToolEvent
    | AnchorEvent
    | ApprovalEvent
    | ReviewEvent
    | SentinelEvent
    | BranchEvent
    | CheckpointEvent
    | CompactionEvent
    | InputEvent
    | InterruptEvent
    | ScoreEvent
    | ScoreEditEvent
    | ErrorEvent
    | LoggerEvent
    | InfoEvent
    | SpanBeginEvent
    | SpanEndEvent
    | StepEvent
    | SubtaskEvent,
    Field(discriminator="event"),
]
"""Any transcript event."""
