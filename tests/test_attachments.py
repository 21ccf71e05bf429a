"""Attachments: the hash, what is moved out of samples on write, and resolving them."""

import copy
from pathlib import Path

from inspect_ai._log.attachments import condense_sample_data, content_hash
from inspect_ai._log.serialize import sample_jsonable
from inspect_ai.log import (
    EvalSample,
    InfoEvent,
    read_eval_log,
    read_eval_log_sample,
    resolve_sample_attachments,
    write_eval_log,
)
from inspect_ai.model import ChatMessageUser, ContentImage, ContentText

from .conftest import UPSTREAM

IMAGE = "data:image/png;base64," + "A" * 200
LONG = "long text " * 20


def test_hash_is_murmur3_x64_128_as_two_64_bit_halves() -> None:
    assert content_hash("hello") == "cbd8a7b341bd9b025b1e906a48ae1d19"


def test_hashes_match_the_reference_attachments() -> None:
    for path in UPSTREAM.glob("*.json"):
        log = read_eval_log(path)
        for sample in log.samples or []:
            for key, text in sample.attachments.items():
                assert content_hash(text) == key


def sample_with_media() -> EvalSample:
    message = ChatMessageUser(content=[ContentText(text=LONG), ContentImage(image=IMAGE)])
    return EvalSample(
        id=1, epoch=1, input=[message], target="a", messages=[message],
        events=[InfoEvent(data={"short": "x", "long": LONG, "nested": [LONG]})],
    )  # fmt: skip


def test_data_uris_in_messages_and_long_strings_in_events_are_moved() -> None:
    data = sample_jsonable(sample_with_media())
    reference = "attachment://" + content_hash(IMAGE)
    assert data["input"][0]["content"][1]["image"] == reference
    assert data["messages"][0]["content"][1]["image"] == reference
    # long text in messages stays (only data: URIs move there)
    assert data["messages"][0]["content"][0]["text"] == LONG
    info = data["events"][0]["data"]
    assert info["short"] == "x"
    assert info["long"] == info["nested"][0] == "attachment://" + content_hash(LONG)
    assert data["attachments"] == {content_hash(IMAGE): IMAGE, content_hash(LONG): LONG}


def test_condensing_is_idempotent() -> None:
    once = sample_jsonable(sample_with_media())
    assert condense_sample_data(copy.deepcopy(once)) == once


def test_attachments_resolve_on_read_and_on_request(tmp_path: Path) -> None:
    original = sample_with_media()
    log = read_eval_log(next(UPSTREAM.glob("*image-input*.eval")))
    log.samples = [original]
    log.eval.dataset.sample_ids = [1]
    target = tmp_path / "log.eval"
    write_eval_log(log, str(target))

    condensed = read_eval_log_sample(target, 1)
    image = condensed.messages[0].content[1]
    assert isinstance(image, ContentImage) and image.image.startswith("attachment://")

    resolved = read_eval_log_sample(target, 1, resolve_attachments=True)
    assert resolved.messages[0].content[1] == ContentImage(image=IMAGE)
    assert resolve_sample_attachments(condensed).model_dump() == resolved.model_dump()
    event = resolved.events[0]
    assert isinstance(event, InfoEvent) and event.data["nested"] == [LONG]
