"""Logs on S3 (through s3fs, against a moto server on 127.0.0.1)."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_ai._log.recorder.recorder import open_recorder
from inspect_ai.log import (
    EvalLog,
    convert_eval_logs,
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_samples,
    write_eval_log,
)

from .conftest import UPSTREAM

NAME = "2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD"


@pytest.fixture(scope="module")
def s3_server() -> Iterator[str]:
    moto_server = pytest.importorskip("moto.server")
    boto3 = pytest.importorskip("boto3")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    patch = pytest.MonkeyPatch()
    patch.setenv("AWS_ACCESS_KEY_ID", "testing")
    patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    patch.setenv("AWS_ENDPOINT_URL", endpoint)
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket="logs")
    yield endpoint
    patch.undo()
    server.stop()


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
