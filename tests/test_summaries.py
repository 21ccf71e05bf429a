"""Sample summaries: ours match the reference's for the same samples, and thin as the spec says."""

import json
from pathlib import Path

import pytest

from inspect_ai._log.model.summary import METADATA_VALUE_REMOVED, TEXT_LIMIT, summary_data
from inspect_ai._log.serialize import sample_jsonable
from inspect_ai.log import EvalSample, read_eval_log, read_eval_log_sample_summaries
from inspect_ai.model import ChatMessageUser, ContentImage, ContentText
from inspect_ai.scorer import Score

from .conftest import UPSTREAM


@pytest.mark.parametrize("path", sorted(UPSTREAM.glob("*.eval")), ids=lambda p: p.name)
def test_our_summaries_equal_the_reference_summaries(path: Path) -> None:
    reference = {
        (str(s.id), s.epoch): json.loads(s.model_dump_json(exclude_none=True))
        for s in read_eval_log_sample_summaries(path)
    }
    for sample in read_eval_log(path).samples or []:
        ours = json.loads(json.dumps(summary_data(sample_jsonable(sample))))
        assert ours == reference[(str(sample.id), sample.epoch)]


def test_summaries_are_thinned() -> None:
    long_text = "word " * 2000
    sample = EvalSample(
        id="s", epoch=2, target=long_text,
        input=[ChatMessageUser(content=[ContentText(text=long_text), ContentImage(image="data:image/png;base64,AA")])],
        metadata={"small": 1, "big": "x" * 2000, "nested": {"k": ["v"] * 500}},
        scores={"s": Score(value=1, explanation="a\n\n  b", metadata={"big": "y" * 2000})},
    )  # fmt: skip
    summary = sample.summary()
    assert isinstance(summary.target, str) and len(summary.target) < len(long_text)
    assert summary.target.startswith(long_text[:TEXT_LIMIT])
    assert not isinstance(summary.input, str)
    content = summary.input[0].content
    assert isinstance(content, list)
    assert [type(item) for item in content] == [ContentText, ContentText]
    assert content[1].text == "(Image)"  # type: ignore[union-attr]
    assert summary.metadata == {
        "small": 1,
        "big": METADATA_VALUE_REMOVED,
        "nested": METADATA_VALUE_REMOVED,
    }
    assert summary.scores is not None
    assert summary.scores["s"].explanation == "a b"
    assert summary.scores["s"].metadata == {"big": METADATA_VALUE_REMOVED}
    assert (summary.completed, summary.retries, summary.message_count) == (True, 0, 0)
