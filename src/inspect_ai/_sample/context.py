"""The running sample's usage and limits, reachable from models, solvers and tools."""

from contextvars import ContextVar
from dataclasses import dataclass, field

from inspect_ai._model.usage import ModelUsage
from inspect_ai._sample.limits import LimitExceededError


@dataclass
class SampleContext:
    """Usage and limits of the sample being run."""

    message_limit: int | None = None
    token_limit: int | None = None
    working_limit: float | None = None
    model_usage: dict[str, ModelUsage] = field(default_factory=dict)
    role_usage: dict[str, ModelUsage] = field(default_factory=dict)
    epoch: int | None = None
    """The epoch being run (the model cache keys calls on it)."""

    def tokens_used(self) -> int:
        """Total tokens used by every model call of the sample."""
        return sum(usage.total_tokens for usage in self.model_usage.values())

    def record_usage(self, model: str, role: str | None, usage: ModelUsage) -> None:
        """Add a model call's usage; raise when it takes the sample over its token limit."""
        self.model_usage[model] = _add(self.model_usage.get(model), usage)
        if role is not None:
            self.role_usage[role] = _add(self.role_usage.get(role), usage)
        if self.token_limit is not None:
            used = self.tokens_used()
            if used > self.token_limit:
                raise LimitExceededError("token", value=used, limit=self.token_limit)

    def check_messages(self, count: int) -> None:
        """Raise when a conversation of ``count`` messages goes over the message limit."""
        if self.message_limit is not None and count > self.message_limit:
            raise LimitExceededError("message", value=count, limit=self.message_limit)

    def check_working(self, working_time: float) -> None:
        """Raise when the sample has worked longer than its working limit."""
        if self.working_limit is not None and working_time > self.working_limit:
            raise LimitExceededError("working", value=working_time, limit=self.working_limit)


def _add(total: ModelUsage | None, usage: ModelUsage) -> ModelUsage:
    return usage if total is None else total + usage


_current: ContextVar[SampleContext | None] = ContextVar("inspect_sample", default=None)


def sample_context() -> SampleContext | None:
    """The context of the sample being run (None outside a sample)."""
    return _current.get()


def set_sample_context(context: SampleContext) -> None:
    """Make ``context`` current for the running sample (the sample runner calls this)."""
    _current.set(context)
