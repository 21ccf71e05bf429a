"""Evals writing their logs to S3 (a moto server on 127.0.0.1), from Python and the CLI."""

import json
import os
import subprocess
import sys
from pathlib import Path

import fsspec
import pytest

from inspect_ai import Task, eval
from inspect_ai.dataset import Sample, json_dataset
from inspect_ai.log import (
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample,
    read_eval_log_sample_summaries,
)
from inspect_ai.scorer import match
from inspect_ai.solver import generate, system_message

from .s3_fixture import s3_env, s3_server_fixture

s3_server = s3_server_fixture()

TASK_FILE = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import generate


@task
def arith(n: int = 4):
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=f"q{i}") for i in range(n)],
        solver=[generate()],
        scorer=match(),
    )
"""


def arith(n: int) -> Task:
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=f"q{i}") for i in range(n)],
        scorer=match(),
    )


def inspect_cli(*args: str, endpoint: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real ``inspect`` command in a fresh process pointed at the S3 server."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("INSPECT_", "AWS_"))}
    environment.update(s3_env(endpoint))
    return subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=300,
    )


def test_eval_with_an_s3_log_dir(s3_server: str) -> None:
    [log] = eval(arith(6), model="mockllm/model", log_dir="s3://logs/api", display="none")
    assert log.status == "success"
    assert log.location is not None and log.location.startswith("s3://logs/api/")
    assert log.location.endswith(".eval")
    read = read_eval_log(log.location)
    assert read.status == "success" and len(read.samples or []) == 6
    assert [info.name for info in list_eval_logs("s3://logs/api")] == [log.location]


def test_eval_with_inspect_log_dir_on_s3(s3_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECT_LOG_DIR", "s3://logs/from-env")
    [log] = eval(arith(3), model="mockllm/model", log_format="json", display="none")
    assert log.location is not None and log.location.startswith("s3://logs/from-env/")
    assert log.location.endswith(".json")
    assert read_eval_log(log.location, header_only=True).results == log.results
    assert len(list_eval_logs()) == 1


def test_cli_eval_list_dump_and_convert_on_s3(s3_server: str, tmp_path: Path) -> None:
    (tmp_path / "arith.py").write_text(TASK_FILE)
    log_dir = "s3://logs/cli"
    evaluated = inspect_cli(
        "eval", "arith.py@arith", "--model", "mockllm/model", "--log-dir", log_dir,
        "-T", "n=5", "--display", "none", endpoint=s3_server, cwd=tmp_path,
    )  # fmt: skip
    assert evaluated.returncode == 0, evaluated.stderr
    assert not (tmp_path / "logs").exists()

    listed = inspect_cli(
        "log", "list", "--log-dir", log_dir, "--json", "--absolute", endpoint=s3_server, cwd=tmp_path
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    [entry] = json.loads(listed.stdout)
    location = entry["name"]
    assert location.startswith(f"{log_dir}/") and location.endswith(".eval")
    assert entry["task"] == "arith"
    relative = inspect_cli("log", "list", "--log-dir", log_dir, endpoint=s3_server, cwd=tmp_path)
    assert relative.stdout.split() == [location.removeprefix(f"{log_dir}/")]

    dumped = inspect_cli("log", "dump", location, endpoint=s3_server, cwd=tmp_path)
    assert dumped.returncode == 0, dumped.stderr
    dump = json.loads(dumped.stdout)
    assert dump["status"] == "success" and len(dump["samples"]) == 5
    assert dump["eval"]["task_args"] == {"n": 5}

    converted = inspect_cli(
        "log", "convert", location, "--to", "json", "--output-dir", "s3://logs/cli-json",
        endpoint=s3_server, cwd=tmp_path,
    )  # fmt: skip
    assert converted.returncode == 0, converted.stderr
    [json_log] = list_eval_logs("s3://logs/cli-json")
    assert json_log.name.endswith(".json")
    assert len(read_eval_log(json_log).samples or []) == 5


def test_cli_bad_s3_location_is_one_line(s3_server: str, tmp_path: Path) -> None:
    missing = inspect_cli(
        "log", "dump", "s3://logs/nowhere/x.eval", endpoint=s3_server, cwd=tmp_path
    )
    assert missing.returncode != 0
    assert "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1, missing.stderr


def test_eval_with_dataset_and_template_on_s3(s3_server: str) -> None:
    fs = fsspec.filesystem("s3")
    records = [{"input": f"{i}+{i}?", "target": str(2 * i), "id": f"q{i}"} for i in range(4)]
    fs.pipe("s3://logs/inputs/arith.jsonl", "\n".join(json.dumps(r) for r in records).encode())
    fs.pipe("s3://logs/inputs/system.txt", b"Answer with a number only.")
    task = Task(
        dataset=json_dataset("s3://logs/inputs/arith.jsonl"),
        solver=[system_message("s3://logs/inputs/system.txt"), generate()],
        scorer=match(),
    )
    [log] = eval(task, model="mockllm/model", log_dir="s3://logs/inputs-run", display="none")
    assert log.status == "success"
    assert log.eval.dataset.location == "s3://logs/inputs/arith.jsonl"
    sample = read_eval_log_sample(log.location or "", "q2")
    assert sample.messages[0].role == "system"
    assert sample.messages[0].text == "Answer with a number only."


CRASHING_TASK = """
import asyncio
import os

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.log import list_eval_logs, read_eval_log
from inspect_ai.solver import generate, solver


def flushed_samples() -> int:
    infos = list_eval_logs("s3://logs/crashed")
    return len(read_eval_log(infos[0]).samples or []) if infos else 0


@solver
def crash_at(id: int):
    async def solve(state, generate):
        if state.sample_id == id:
            # let the write of the first batch (started when sample 5 ended) land, then die:
            # nothing is finished or cleaned up
            for _ in range(600):
                if await asyncio.to_thread(flushed_samples) > 0:
                    break
                await asyncio.sleep(0.1)
            os._exit(9)
        return state

    return solve


@task
def crashing():
    return Task(
        dataset=[Sample(input=f"q{i}", target="x", id=i) for i in range(1, 31)],
        solver=[crash_at(25), generate()],
    )
"""


def test_a_crashed_eval_leaves_a_readable_log_on_s3(s3_server: str, tmp_path: Path) -> None:
    (tmp_path / "crashing.py").write_text(CRASHING_TASK)
    crashed = inspect_cli(
        "eval", "crashing.py", "--model", "mockllm/model", "--log-dir", "s3://logs/crashed",
        "--max-samples", "1", "--log-buffer", "5", "--display", "none",
        endpoint=s3_server, cwd=tmp_path,
    )  # fmt: skip
    assert crashed.returncode == 9, crashed.stderr
    [info] = list_eval_logs("s3://logs/crashed")
    log = read_eval_log(info)
    assert log.status == "started"
    ids = sorted(int(sample.id) for sample in log.samples or [])
    # whole batches were written (how many depends on how writes were spaced out in time)
    assert len(ids) >= 5 and ids == list(range(1, len(ids) + 1)) and 25 not in ids
    assert len(read_eval_log_sample_summaries(info)) == len(ids)
    assert read_eval_log(info, header_only=True).status == "started"
