"""Helpers shared by the provider tests (``test_provider_*.py``): fast retries, a tool, a
tiny image, and one-sample evals against a fake server."""

import asyncio
import base64
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from inspect_ai import Task, eval
from inspect_ai._event.model import ModelEvent
from inspect_ai._model import retry
from inspect_ai._model.connections import release_loop_pools
from inspect_ai._solver.use_tools import use_tools
from inspect_ai.dataset import Sample
from inspect_ai.log import EvalLog, EvalSample, read_eval_log
from inspect_ai.model import ChatMessage, GenerateConfig, Model, ModelOutput
from inspect_ai.solver import Solver, generate
from inspect_ai.tool import Tool, tool

RED_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAEAQMAAACTPww9AAAAA1BMVEX/AAAZ4gk3AAAAC0lEQVR4nGNgQAcAABAAAf8r4dUAAAAASUVORK5CYII="
)
"""A 4x4 red PNG."""


def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the backoff between retries 10 ms."""
    monkeypatch.setattr(retry, "backoff", lambda attempt, *args, **kwargs: 0.01)


@tool
def add() -> Tool:
    async def execute(x: int, y: int) -> int:
        """Add two numbers.

        Args:
            x: First number.
            y: Second number.
        """
        return x + y

    return execute


def run_sample(
    model: str | Model,
    tmp_path: Path,
    input: str | list[ChatMessage] = "What is 1 + 2?",
    solver: Sequence[Solver] | None = None,
    **kwargs: Any,
) -> EvalSample:
    """Run one sample through ``eval()`` and return it (``kwargs`` go to ``eval()``)."""
    task = Task(dataset=[Sample(input=input, target="3")], solver=list(solver or [generate()]))
    [log] = eval(task, model=model, log_dir=str(tmp_path), display="none", **kwargs)
    assert log.samples, log.error
    return log.samples[0]


def run_tools(model: str | Model, tmp_path: Path, **kwargs: Any) -> EvalSample:
    """Run one sample with ``add()`` available (tool calls go to the model, then back)."""
    return run_sample(model, tmp_path, solver=[use_tools(add()), generate()], **kwargs)


def model_events(sample: EvalSample) -> list[ModelEvent]:
    """The model events of a sample."""
    return [event for event in sample.events if isinstance(event, ModelEvent)]


def generate_once(
    model: Model, input: str | list[ChatMessage] = "Hi", **config: Any
) -> ModelOutput:
    """One ``generate()`` call outside an eval (in its own event loop, whose connection pools
    are released afterwards, as an eval run does)."""

    async def once() -> ModelOutput:
        try:
            return await model.generate(input, config=GenerateConfig(**config))
        finally:
            release_loop_pools()

    return asyncio.run(once())


def image_file(tmp_path: Path) -> Path:
    """A tiny PNG written to ``tmp_path``."""
    path = tmp_path / "red.png"
    path.write_bytes(RED_PNG)
    return path


def roles(sample: EvalSample) -> str:
    """The roles of a sample's messages, space separated."""
    return " ".join(message.role for message in sample.messages)


REPO = Path(__file__).resolve().parents[1]
SECURITY_GUIDE = REPO / "examples" / "security_guide" / "security_guide.py"


def cli_eval(model: str, tmp_path: Path, *args: str) -> EvalLog:
    """``inspect eval examples/security_guide/security_guide.py --model <model>`` (in process)
    and the log it wrote."""
    from click.testing import CliRunner

    from inspect_ai._cli.main import inspect

    command = ["eval", str(SECURITY_GUIDE), "--model", model, "--display", "none",
               "--log-dir", str(tmp_path), *args]  # fmt: skip
    result = CliRunner().invoke(inspect, command)
    assert result.exit_code == 0, result.output
    [log_file] = tmp_path.glob("*.eval")
    return read_eval_log(str(log_file))
