"""The public scorer module: what it exports, that it imports lightly, and multi_scorer()."""

import asyncio
import subprocess
import sys

import inspect_ai.scorer as public
from inspect_ai._solver.state import TaskState
from inspect_ai.model import ChatMessageUser, ModelOutput
from inspect_ai.scorer import (
    CORRECT,
    INCORRECT,
    Score,
    Scorer,
    Target,
    accuracy,
    includes,
    match,
    multi_scorer,
    scorer,
)

EXPORTS = (
    "Scorer scorer Score Target Value ValueScalar Metric metric SampleScore value_to_float "
    "CORRECT INCORRECT PARTIAL NOANSWER accuracy mean var std stderr bootstrap_stderr "
    "bootstrap_std ScoreReducer ScoreReducers score_reducer mean_score median_score mode_score "
    "max_score pass_at at_least includes match pattern answer choice exact f1 model_graded_qa "
    "model_graded_fact multi_scorer"
).split()


def test_everything_the_guide_uses_is_exported() -> None:
    missing = [name for name in EXPORTS if not hasattr(public, name)]
    assert missing == []
    assert set(EXPORTS) <= set(public.__all__)


def test_scorer_import_is_light() -> None:
    code = "import sys, inspect_ai.scorer\nprint('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = {name.split(".")[0] for name in output.split()}
    assert not loaded & {"fsspec", "openai", "anthropic", "numpy", "rich", "click", "httpx"}
    assert "inspect_ai._cli" not in output.split()


def make_state(completion: str, target: str) -> TaskState:
    state = TaskState(
        model="mockllm/model",
        sample_id=1,
        epoch=1,
        input="q",
        messages=[ChatMessageUser(content="q")],
        target=target,
    )
    state.output = ModelOutput.from_content("mockllm/model", completion)
    return state


@scorer(metrics=[accuracy()])
def majority() -> Scorer:
    return multi_scorer([includes(), match("begin"), match("end")], "mode")


@scorer(metrics=[accuracy()])
def never() -> Scorer:
    async def score(state: TaskState, target: Target) -> Score | None:
        return None

    return score


def test_multi_scorer_combines_with_a_reducer() -> None:
    state = make_state("the answer is paris", "paris")
    result = asyncio.run(majority()(state, state.target))
    assert result is not None and result.value == CORRECT  # includes + end vs begin
    state = make_state("rome, not paris at all", "paris")
    result = asyncio.run(majority()(state, state.target))
    assert result is not None and result.value == INCORRECT  # includes only: 1 vote of 3


def test_multi_scorer_skips_missing_scores() -> None:
    state = make_state("x", "x")
    combined = multi_scorer([never(), never()], "mean")
    assert asyncio.run(combined(state, state.target)) is None
    combined = multi_scorer([never(), includes()], "mean")
    result = asyncio.run(combined(state, state.target))
    assert result is not None and result.value == 1.0
