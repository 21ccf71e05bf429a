"""The request core every provider shares: status classes, Retry-After, context overflow."""

import asyncio
import email.utils
import time
from pathlib import Path

import pytest

from inspect_ai import Task, eval
from inspect_ai._model.errors import ModelContextLengthError
from inspect_ai._model.http_status import (
    MAX_RETRY_AFTER,
    is_rate_limit_status,
    is_transient_status,
    retry_after_seconds,
)
from inspect_ai._model.retry import call_with_retry
from inspect_ai.dataset import Sample
from inspect_ai.model import GenerateConfig, Model, ModelAPI, ModelOutput
from inspect_ai.solver import generate


@pytest.mark.parametrize(
    ("status", "transient", "rate_limit"),
    [(429, True, True), (500, True, False), (503, True, False), (529, True, False),
     (408, True, False), (400, False, False), (401, False, False), (404, False, False),
     (None, False, False)],
)  # fmt: skip
def test_status_classes(status: int | None, transient: bool, rate_limit: bool) -> None:
    assert is_transient_status(status) is transient
    assert is_rate_limit_status(status) is rate_limit


def test_retry_after_headers() -> None:
    assert retry_after_seconds({"Retry-After": "7"}) == 7.0
    assert retry_after_seconds({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    assert retry_after_seconds({"Retry-After": "100000"}) == MAX_RETRY_AFTER
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    seconds = retry_after_seconds({"Retry-After": later})
    assert seconds is not None and 25 < seconds <= 30
    assert retry_after_seconds({"Retry-After": "soon"}) is None
    assert retry_after_seconds({}) is None and retry_after_seconds(None) is None


def test_a_longer_retry_after_replaces_the_backoff() -> None:
    waits: list[float] = []
    attempts = iter([RuntimeError("429"), RuntimeError("429"), None])

    async def call() -> str:
        error = next(attempts)
        if error is not None:
            raise error
        return "ok"

    async def main() -> tuple[str, int]:
        return await call_with_retry(
            call, lambda ex: True, on_retry=lambda ex, delay: waits.append(delay),
            wait=lambda attempt: 0.01 * attempt, retry_after=lambda ex: 0.05,
        )  # fmt: skip

    assert asyncio.run(main()) == ("ok", 2)
    assert waits == [0.05, 0.05]


class Overflowing(ModelAPI):
    async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        raise ModelContextLengthError("prompt is too long: 300000 tokens > 200000")


def test_a_context_overflow_ends_the_sample_with_a_context_limit(tmp_path: Path) -> None:
    model = Model(Overflowing("big", config=GenerateConfig()), GenerateConfig(), "overflow")
    task = Task(dataset=[Sample(input="hi")], solver=generate())
    [log] = eval(task, model=model, log_dir=str(tmp_path), display="none")
    assert log.status == "success"
    [sample] = log.samples or []
    assert sample.error is None
    assert sample.limit is not None and sample.limit.type == "context"
    assert "prompt is too long" in (sample.limit.reason or "")
    assert not [e for e in sample.events if e.event == "sample_limit"]
    [model_event] = [e for e in sample.events if e.event == "model"]
    assert "prompt is too long" in (model_event.error or "")


def test_model_api_says_nothing_about_retry_after_by_default() -> None:
    class Plain(ModelAPI):
        async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
            return ModelOutput.from_content("plain", "hi")

    assert Plain("x").retry_after(RuntimeError()) is None


def test_an_error_classifier_answers_the_retry_questions() -> None:
    from inspect_ai._model.errors import ErrorClassifier

    class Busy(Exception):
        pass

    class Classified(ModelAPI):
        error_classifier = ErrorClassifier(
            lambda ex: isinstance(ex, Busy), lambda ex: False, lambda ex: 2.5
        )

        async def generate(self, input, tools, tool_choice, config):  # type: ignore[no-untyped-def]
            return ModelOutput.from_content("classified", "hi")

    api = Classified("x")
    assert api.should_retry(Busy()) and not api.should_retry(ValueError())
    assert not api.is_rate_limit(Busy())
    assert api.retry_after(Busy()) == 2.5
