"""Logs, datasets and resources on S3 (through s3fs, against a moto server on 127.0.0.1).

Reads of large logs are checked to fetch only the bytes they need, by counting what the
server sends; credentials and endpoint come from the environment or from ``fs_options``.
"""

import json
import random
from pathlib import Path
from typing import IO

import fsspec
import pytest
from botocore.exceptions import NoCredentialsError

from inspect_ai._log.filesystem import exists, read_bytes, write_atomic, write_bytes_atomic
from inspect_ai._log.recorder.recorder import open_recorder
from inspect_ai.dataset import FieldSpec, csv_dataset, json_dataset
from inspect_ai.log import (
    EvalLog,
    convert_eval_logs,
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_sample_summaries,
    read_eval_log_samples,
    write_eval_log,
)
from inspect_ai.model import ChatMessageUser
from inspect_ai.util import resource

from .conftest import UPSTREAM
from .s3_fixture import s3_server_fixture, s3_traffic, without_aws_credentials

s3_server = s3_server_fixture()

NAME = "2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD"


@pytest.fixture(scope="module")
def plain() -> EvalLog:
    return read_eval_log(UPSTREAM / f"{NAME}.eval")


@pytest.mark.parametrize("extension", ["eval", "json"])
def test_write_and_read_on_s3(s3_server: str, plain: EvalLog, extension: str) -> None:
    location = f"s3://logs/rw/{NAME}.{extension}"
    write_eval_log(plain, location)
    log = read_eval_log(location)
    assert log.location == location
    assert [s.id for s in log.samples or []] == [s.id for s in plain.samples or []]
    assert read_eval_log(location, header_only=True).results == plain.results
    assert read_eval_log_sample(location, "s07").target == "banana"
    assert len(list(read_eval_log_samples(location))) == 20


def test_listing_and_converting_on_s3(s3_server: str, plain: EvalLog) -> None:
    write_eval_log(plain, f"s3://logs/list/{NAME}.eval")
    write_eval_log(plain, f"s3://logs/list/sub/{NAME}.json")
    infos = list_eval_logs("s3://logs/list")
    assert sorted(info.name for info in infos) == [
        f"s3://logs/list/{NAME}.eval",
        f"s3://logs/list/sub/{NAME}.json",
    ]
    assert {info.task_id for info in infos} == {"XAQFGYppJLtmVVxA7dh6PD"}
    assert [i.name for i in list_eval_logs("s3://logs/list", recursive=False)] == [
        f"s3://logs/list/{NAME}.eval"
    ]
    convert_eval_logs("s3://logs/list", "json", "s3://logs/converted")
    converted = read_eval_log(f"s3://logs/converted/sub/{NAME}.json")
    assert len(converted.samples or []) == 20


def test_recorder_on_s3_is_readable_after_each_flush(s3_server: str, plain: EvalLog) -> None:
    location = f"s3://logs/recorded/{NAME}.eval"
    recorder = open_recorder(location, buffer=5)
    recorder.start(plain.eval, plain.plan)
    for count, sample in enumerate(plain.samples or [], start=1):
        recorder.add_sample(sample)
        if count % 5 == 0:
            assert len(read_eval_log(location).samples or []) == count
    recorder.finish("success", plain.stats, plain.results)
    assert read_eval_log(location).status == "success"


def test_local_paths_still_work_beside_s3(s3_server: str, plain: EvalLog, tmp_path: Path) -> None:
    write_eval_log(plain, str(tmp_path / f"{NAME}.eval"))
    assert len(list_eval_logs(str(tmp_path))) == 1


# --------------------------------------------------------------------------- partial reads


@pytest.fixture(scope="module")
def large_log(s3_server: str, plain: EvalLog) -> tuple[str, int]:
    """A 2,000-sample ``.eval`` log on S3, every tenth sample with a long message; (URL, size)."""
    rng = random.Random(7)
    base = (plain.samples or [])[0]
    samples = []
    for index in range(2000):
        sample = base.model_copy(update={"id": index + 1})
        if index % 10 == 0:
            text = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz ", k=30_000))
            messages = [*sample.messages, ChatMessageUser(content=text)]
            sample = sample.model_copy(update={"messages": messages})
        samples.append(sample)
    dataset = plain.eval.dataset.model_copy(
        update={"samples": len(samples), "sample_ids": [s.id for s in samples]}
    )
    eval_spec = plain.eval.model_copy(update={"dataset": dataset})
    log = plain.model_copy(update={"samples": samples, "eval": eval_spec})
    location = f"s3://logs/large/{NAME}.eval"
    write_eval_log(log, location)
    size = int(fsspec.filesystem("s3").size(location))
    assert size > 5_000_000
    return location, size


def test_header_only_read_fetches_a_small_part_of_a_large_log(
    s3_server: str, large_log: tuple[str, int]
) -> None:
    location, size = large_log
    traffic = s3_traffic(s3_server)
    traffic.reset()
    header = read_eval_log(location, header_only=True)
    assert header.samples is None and header.eval.dataset.samples == 2000
    assert traffic.bytes_sent < size * 0.05, (traffic.bytes_sent, size, traffic.ranges)
    assert all(r is not None for r in traffic.ranges), traffic.ranges
    assert len(traffic.ranges) <= 3


def test_one_sample_read_fetches_a_small_part_of_a_large_log(
    s3_server: str, large_log: tuple[str, int]
) -> None:
    location, size = large_log
    traffic = s3_traffic(s3_server)
    traffic.reset()
    sample = read_eval_log_sample(location, 1001)
    assert sample.id == 1001 and len(sample.messages[-1].text) == 30_000
    assert traffic.bytes_sent < size * 0.05, (traffic.bytes_sent, size, traffic.ranges)
    assert len(traffic.ranges) <= 4


def test_summaries_of_a_large_log_skip_the_samples(
    s3_server: str, large_log: tuple[str, int]
) -> None:
    location, size = large_log
    traffic = s3_traffic(s3_server)
    traffic.reset()
    summaries = read_eval_log_sample_summaries(location)
    assert len(summaries) == 2000
    assert traffic.bytes_sent < size * 0.2, (traffic.bytes_sent, size, traffic.ranges)


def test_whole_reads_of_a_large_log_read_ahead(s3_server: str, large_log: tuple[str, int]) -> None:
    location, size = large_log
    traffic = s3_traffic(s3_server)
    traffic.reset()
    log = read_eval_log(location)
    assert len(log.samples or []) == 2000
    assert len((log.samples or [])[1000].messages[-1].text) == 30_000
    # a few growing windows, not one request per member, nor the file many times over
    assert len(traffic.ranges) < 20, traffic.ranges
    assert traffic.bytes_sent < size * 1.2
    traffic.reset()
    assert sum(1 for _ in read_eval_log_samples(location)) == 2000
    assert len(traffic.ranges) < 20, traffic.ranges


# --------------------------------------------------------------------------- writes


def test_a_failed_write_leaves_the_previous_object(s3_server: str) -> None:
    location = "s3://logs/atomic/file.bin"
    write_bytes_atomic(location, b"previous")

    def failing(file: IO[bytes]) -> None:
        file.write(b"partial")
        raise RuntimeError("serialization failed")

    with pytest.raises(RuntimeError):
        write_atomic(location, failing)
    assert read_bytes(location) == b"previous"
    with pytest.raises(RuntimeError):
        write_atomic("s3://logs/atomic/new.bin", failing)
    assert not exists("s3://logs/atomic/new.bin")


def test_an_abandoned_recorder_leaves_a_readable_started_log(
    s3_server: str, plain: EvalLog
) -> None:
    location = f"s3://logs/abandoned/{NAME}.eval"
    recorder = open_recorder(location, buffer=4)
    recorder.start(plain.eval, plain.plan)
    for sample in (plain.samples or [])[:10]:
        recorder.add_sample(sample)
    del recorder  # as if the process died: two batches flushed, two samples buffered
    log = read_eval_log(location)
    assert log.status == "started"
    assert len(log.samples or []) == 8
    assert len(read_eval_log_sample_summaries(location)) == 8


def test_explicit_flush_uploads(s3_server: str, plain: EvalLog) -> None:
    location = f"s3://logs/flushed/{NAME}.json"
    recorder = open_recorder(location, buffer=100)
    recorder.start(plain.eval, plain.plan)
    for sample in (plain.samples or [])[:3]:
        recorder.add_sample(sample)
    assert read_eval_log(location).samples == []
    recorder.flush()
    assert len(read_eval_log(location).samples or []) == 3


# --------------------------------------------------------------------------- fs_options


def test_list_eval_logs_with_fs_options(s3_server: str, plain: EvalLog) -> None:
    write_eval_log(plain, f"s3://logs/options/{NAME}.eval")
    write_eval_log(plain, f"s3://logs/options/{NAME}.json")
    options = {"key": "testing", "secret": "testing", "endpoint_url": s3_server}
    with without_aws_credentials():
        infos = list_eval_logs("s3://logs/options", fs_options=options)
        filtered = list_eval_logs(
            "s3://logs/options",
            formats=["json"],
            filter=lambda log: log.status == "success",
            fs_options=options,
        )
        with pytest.raises(NoCredentialsError):
            list_eval_logs("s3://logs/options")
    assert sorted(info.name.rsplit(".", 1)[1] for info in infos) == ["eval", "json"]
    assert [info.name for info in filtered] == [f"s3://logs/options/{NAME}.json"]


# --------------------------------------------------------------------------- datasets and resources


def test_csv_and_jsonl_datasets_from_s3(s3_server: str) -> None:
    fs = fsspec.filesystem("s3")
    fs.pipe("s3://logs/data/qa.csv", b"question,answer\n1+1?,2\n2+2?,4\n")
    records = [
        {"input": "Read a.txt", "target": "A", "id": "r1", "files": {"a.txt": "a.txt"}},
        {"input": "Inline", "target": "B", "id": "r2", "files": {"b.txt": "inline text"}},
    ]
    fs.pipe("s3://logs/data/tasks.jsonl", "\n".join(json.dumps(r) for r in records).encode())
    fs.pipe("s3://logs/data/a.txt", b"contents of a")

    csv = csv_dataset("s3://logs/data/qa.csv", FieldSpec(input="question", target="answer"))
    assert csv.name == "qa" and csv.location == "s3://logs/data/qa.csv"
    assert [(s.input, s.target) for s in csv] == [("1+1?", "2"), ("2+2?", "4")]

    jsonl = json_dataset("s3://logs/data/tasks.jsonl")
    assert [s.id for s in jsonl] == ["r1", "r2"]
    assert jsonl[0].files == {"a.txt": "s3://logs/data/a.txt"}
    assert jsonl[1].files == {"b.txt": "inline text"}


def test_dataset_from_s3_with_fs_options(s3_server: str) -> None:
    fsspec.filesystem("s3").pipe("s3://logs/data/opts.csv", b"input,target\nhello,world\n")
    options = {"key": "testing", "secret": "testing", "endpoint_url": s3_server}
    with without_aws_credentials():
        dataset = csv_dataset("s3://logs/data/opts.csv", fs_options=options)
    assert [(s.input, s.target) for s in dataset] == [("hello", "world")]


def test_missing_dataset_on_s3_is_a_clear_error(s3_server: str) -> None:
    with pytest.raises(FileNotFoundError, match="s3://logs/data/absent.csv"):
        csv_dataset("s3://logs/data/absent.csv")


def test_resource_from_s3(s3_server: str) -> None:
    fsspec.filesystem("s3").pipe("s3://logs/prompts/system.txt", b"You are terse.")
    assert resource("s3://logs/prompts/system.txt") == "You are terse."
    assert resource("s3://logs/prompts/missing.txt") == "s3://logs/prompts/missing.txt"
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        resource("s3://logs/prompts/missing.txt", type="file")
