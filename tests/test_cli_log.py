"""Tests of the ``inspect log ...`` command line (and its older spellings).

Most tests run the command in-process with click's ``CliRunner``; a few run the real
``inspect`` entry point in a subprocess to check exit codes and stderr as a user sees them.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from inspect_ai import __version__
from inspect_ai._cli.main import inspect
from inspect_ai.log import EvalLog, EvalLogInfo, list_eval_logs, read_eval_log, write_eval_log

from .conftest import LEGACY, UPSTREAM, build_log_dir

PLAIN_EVAL = "2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD.eval"
PLAIN_JSON = "2026-11-23T00-54-02-00-00_plain-default_TttPHakmhSZw9ETkGXPNM3.json"
MCQ_EVAL = "2026-11-23T00-53-49-00-00_mcq_cWXo3jFockyaUK8LHSe8gd.eval"
MCQ_JSON = "2026-11-23T00-54-42-00-00_mcq_Yqdv9FKiGt6hayDXxfGGZT.json"
EPOCHS_EVAL = "2026-11-23T00-53-23-00-00_epochs-reducers_A7shtphkHHveNtvcVkLuVM.eval"
TOOL_USE_JSON = "2026-11-23T00-54-24-00-00_tool-use_Koshahd5mWUC8o6mvKXk8a.json"
IMAGE_EVAL = "2026-11-23T00-53-53-00-00_image-input_o9vv6iVw6LyBJRxGBeQptv.eval"
IMAGE_JSON = "2026-11-23T00-54-47-00-00_image-input_hhrMiuJjH89vhQ4Rq5s8ZC.json"
ERROR_EVAL = "2026-11-23T00-53-58-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval"
ERROR_JSON = "2026-11-23T00-54-51-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json"
RETRIED_EVAL = "2026-11-23T00-55-19-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval"
RETRIED_JSON = "2026-11-23T00-55-23-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json"
SLOW_EVAL = "2026-11-23T00-55-06-00-00_slow-task_a4rCUz5zWN8Do2MBsGWgRz.eval"
SLOW_JSON = "2026-11-23T00-55-14-00-00_slow-task_GiTewYupNQSvjg8xWTbK2u.json"
ALL_UPSTREAM = sorted(p.name for p in UPSTREAM.iterdir() if p.suffix in (".eval", ".json"))


# --------------------------------------------------------------------------- helpers


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run ``inspect ARGS`` in-process."""
    return CliRunner().invoke(inspect, list(args), env=env, catch_exceptions=True)


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    """Run ``inspect ARGS`` in-process, check it succeeded, and return its stdout."""
    result = run(*args, env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    assert result.exception is None
    return result.stdout


def lines(text: str) -> list[str]:
    return text.splitlines()


def run_subprocess(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run the real ``inspect`` command line in a fresh process."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def assert_one_line_error(exit_code: int, stdout: str, stderr: str, *needles: str) -> str:
    """Check a failure is exit 1 with one ``Error:`` line on stderr; return that line."""
    assert exit_code == 1, (stdout, stderr)
    assert "Traceback" not in stderr and "Traceback" not in stdout
    error_lines = stderr.strip().splitlines()
    assert len(error_lines) == 1, stderr
    [line] = error_lines
    assert line.startswith("Error:"), line
    assert len(line) > len("Error: ") + 5
    for needle in needles:
        assert needle.lower() in line.lower(), line
    return line


def as_log(stdout: str) -> EvalLog:
    return EvalLog.model_validate(json.loads(stdout))


def same_log(a: EvalLog, b: EvalLog) -> bool:
    """Whether two logs hold the same data (wherever they were read from)."""
    return a.model_copy(update={"location": None}) == b.model_copy(update={"location": None})


@pytest.fixture
def upstream_dir(tmp_path: Path) -> Path:
    """All upstream logs copied into a fresh log dir (mtimes in name order)."""
    root = tmp_path / "logs"
    build_log_dir(root, ALL_UPSTREAM)
    return root


# --------------------------------------------------------------------------- version and help


def test_version() -> None:
    assert ok("--version").strip() == __version__


def test_version_subprocess() -> None:
    result = run_subprocess("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == __version__


def test_help_lists_log_commands() -> None:
    assert "log" in ok("--help")
    text = ok("log", "--help")
    for command in ("list", "dump", "convert", "schema"):
        assert command in text


# --------------------------------------------------------------------------- log list


def test_list_relative_names_most_recent_first(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_JSON, PLAIN_EVAL, (SLOW_EVAL, f"sub/{SLOW_EVAL}"), ERROR_JSON])
    out = ok("log", "list", "--log-dir", str(tmp_path))
    assert lines(out) == [ERROR_JSON, f"sub/{SLOW_EVAL}", PLAIN_EVAL, MCQ_JSON]


def test_list_absolute(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_JSON, (SLOW_EVAL, f"sub/{SLOW_EVAL}")])
    out = ok("log", "list", "--log-dir", str(tmp_path), "--absolute")
    expected = [
        "file://" + os.path.abspath(tmp_path / "sub" / SLOW_EVAL),
        "file://" + os.path.abspath(tmp_path / MCQ_JSON),
    ]
    assert lines(out) == expected
    assert lines(out) == [info.name for info in list_eval_logs(str(tmp_path))]


def test_list_json(tmp_path: Path) -> None:
    copies = build_log_dir(tmp_path, [MCQ_JSON, (SLOW_EVAL, f"sub/{SLOW_EVAL}")])
    data = json.loads(ok("log", "list", "--log-dir", str(tmp_path), "--json"))
    assert isinstance(data, list) and len(data) == 2
    infos = [EvalLogInfo.model_validate(item) for item in data]
    assert [info.name for info in infos] == [f"sub/{SLOW_EVAL}", MCQ_JSON]
    slow, mcq = infos
    assert (slow.task, slow.task_id, slow.suffix, slow.type) == (
        "slow-task",
        "a4rCUz5zWN8Do2MBsGWgRz",
        None,
        "file",
    )
    assert slow.size == copies[1].stat().st_size
    assert slow.mtime == pytest.approx(copies[1].stat().st_mtime)
    assert mcq.task == "mcq"

    absolute = json.loads(ok("log", "list", "--log-dir", str(tmp_path), "--json", "--absolute"))
    api = [info.model_dump() for info in list_eval_logs(str(tmp_path))]
    assert absolute == json.loads(json.dumps(api))


def test_list_status(upstream_dir: Path) -> None:
    def status(value: str) -> list[str]:
        return lines(ok("log", "list", "--log-dir", str(upstream_dir), "--status", value))

    assert status("cancelled") == [SLOW_JSON, SLOW_EVAL]
    assert status("error") == [ERROR_JSON, ERROR_EVAL]
    assert status("started") == []
    success = status("success")
    assert len(success) == len(ALL_UPSTREAM) - 4
    assert RETRIED_EVAL in success and RETRIED_JSON in success


def test_list_bad_status_is_a_usage_error(upstream_dir: Path) -> None:
    result = run("log", "list", "--log-dir", str(upstream_dir), "--status", "finished")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_list_retryable(upstream_dir: Path) -> None:
    # the errored eval-error logs have later success logs with the same task id
    out = ok("log", "list", "--log-dir", str(upstream_dir), "--retryable")
    assert lines(out) == [SLOW_JSON, SLOW_EVAL]


def test_list_retryable_without_the_retries(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [ERROR_EVAL, MCQ_EVAL, ERROR_JSON, SLOW_JSON, RETRIED_JSON])
    out = ok("log", "list", "--log-dir", str(tmp_path), "--retryable")
    assert lines(out) == [SLOW_JSON, ERROR_EVAL]


def test_list_no_recursive(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_EVAL, (SLOW_EVAL, f"sub/{SLOW_EVAL}"), (ERROR_JSON, "a/b/c.json")])
    (tmp_path / "a" / "b" / "2026-11-23T00-00-00-00-00_x_AAAAAAAAAAAAAAAAAAAAAA.json").write_bytes(
        (UPSTREAM / ERROR_JSON).read_bytes()
    )
    assert lines(ok("log", "list", "--log-dir", str(tmp_path), "--no-recursive")) == [MCQ_EVAL]
    everything = lines(ok("log", "list", "--log-dir", str(tmp_path)))
    assert sorted(everything) == sorted(
        [
            MCQ_EVAL,
            f"sub/{SLOW_EVAL}",
            "a/b/2026-11-23T00-00-00-00-00_x_AAAAAAAAAAAAAAAAAAAAAA.json",
        ]
    )


def test_list_legacy_fixture_dir() -> None:
    out = ok("log", "list", "--log-dir", str(LEGACY / "list-logs"))
    assert sorted(lines(out)) == [
        "2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json",
        "2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval",
        "custom.eval",
    ]


def test_list_log_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_log_dir(tmp_path / "from-env", [MCQ_EVAL, SLOW_JSON])
    build_log_dir(tmp_path / "logs", [PLAIN_EVAL])
    monkeypatch.chdir(tmp_path)
    out = ok("log", "list", env={"INSPECT_LOG_DIR": str(tmp_path / "from-env")})
    assert lines(out) == [SLOW_JSON, MCQ_EVAL]
    # an explicit --log-dir wins over the environment
    out = ok(
        "log",
        "list",
        "--log-dir",
        str(tmp_path / "logs"),
        env={"INSPECT_LOG_DIR": str(tmp_path / "from-env")},
    )
    assert lines(out) == [PLAIN_EVAL]


def test_list_defaults_to_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_log_dir(tmp_path / "logs", [PLAIN_EVAL, (MCQ_JSON, f"inner/{MCQ_JSON}")])
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INSPECT_LOG_DIR", raising=False)
    assert lines(ok("log", "list")) == [f"inner/{MCQ_JSON}", PLAIN_EVAL]


def test_list_relative_log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_log_dir(tmp_path / "runs", [PLAIN_EVAL, (MCQ_JSON, f"inner/{MCQ_JSON}")])
    monkeypatch.chdir(tmp_path)
    for log_dir in ("runs", "./runs/", "file://" + str(tmp_path / "runs")):
        assert lines(ok("log", "list", "--log-dir", log_dir)) == [f"inner/{MCQ_JSON}", PLAIN_EVAL]


def test_list_subprocess_with_environment(tmp_path: Path) -> None:
    build_log_dir(tmp_path / "env-logs", [MCQ_EVAL, SLOW_JSON])
    result = run_subprocess("log", "list", cwd=tmp_path, INSPECT_LOG_DIR=str(tmp_path / "env-logs"))
    assert result.returncode == 0, result.stderr
    assert lines(result.stdout) == [SLOW_JSON, MCQ_EVAL]
    result = run_subprocess("log", "list", "--status", "cancelled", cwd=tmp_path / "env-logs")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_list_empty_or_missing_dir(tmp_path: Path) -> None:
    assert ok("log", "list", "--log-dir", str(tmp_path)) == ""
    assert ok("log", "list", "--log-dir", str(tmp_path / "missing")) == ""
    assert json.loads(ok("log", "list", "--log-dir", str(tmp_path), "--json")) == []


def test_list_logs_older_spelling(upstream_dir: Path) -> None:
    for options in ([], ["--status", "cancelled"], ["--retryable"], ["--json"], ["--absolute"]):
        new = ok("log", "list", "--log-dir", str(upstream_dir), *options)
        old = ok("list", "logs", "--log-dir", str(upstream_dir), *options)
        assert old == new


def test_list_memory_log_dir_absolute(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/{MCQ_EVAL}")
    [name] = lines(ok("log", "list", "--log-dir", memory_root, "--absolute"))
    assert name.startswith("memory://") and name.endswith(f"/{MCQ_EVAL}")
    assert read_eval_log(name, header_only=True).eval.task == "mcq"


def test_list_memory_log_dir_relative(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/sub/{MCQ_EVAL}")
    assert lines(ok("log", "list", "--log-dir", memory_root)) == [f"sub/{MCQ_EVAL}"]


# --------------------------------------------------------------------------- log dump


@pytest.mark.parametrize("name", [MCQ_EVAL, MCQ_JSON, EPOCHS_EVAL, TOOL_USE_JSON, ERROR_EVAL])
def test_dump_equals_read_eval_log(name: str) -> None:
    out = ok("log", "dump", str(UPSTREAM / name))
    assert out.startswith("{\n  ")  # indented
    data = json.loads(out)
    assert isinstance(data, dict)
    log = read_eval_log(str(UPSTREAM / name))
    assert same_log(as_log(out), log)
    assert len(data["samples"]) == len(log.samples or [])


@pytest.mark.parametrize("name", ["log_formats.eval", "log_formats.json", "log_valid.txt"])
def test_dump_legacy_logs(name: str) -> None:
    # (whole-log equality is not checked here: reading these older logs currently invents
    # random message ids, see test_log_api.py::test_reading_older_logs_is_deterministic)
    header = ok("log", "dump", str(LEGACY / name), "--header-only")
    assert same_log(as_log(header), read_eval_log(str(LEGACY / name), header_only=True))
    dumped = as_log(ok("log", "dump", str(LEGACY / name)))
    log = read_eval_log(str(LEGACY / name))
    assert [(s.id, s.epoch, s.scores) for s in dumped.samples or []] == [
        (s.id, s.epoch, s.scores) for s in log.samples or []
    ]
    assert [[m.text for m in s.messages] for s in dumped.samples or []] == [
        [m.text for m in s.messages] for s in log.samples or []
    ]


def test_dump_keeps_nan() -> None:
    out = ok("log", "dump", str(LEGACY / "log_with_nan.txt"))
    data = json.loads(out)  # bare NaN is accepted by Python's json
    assert data["version"] == read_eval_log(str(LEGACY / "log_with_nan.txt")).version


@pytest.mark.parametrize("name", [MCQ_EVAL, MCQ_JSON, ERROR_JSON])
def test_dump_header_only(name: str) -> None:
    out = ok("log", "dump", str(UPSTREAM / name), "--header-only")
    data = json.loads(out)
    assert "samples" not in data
    header = read_eval_log(str(UPSTREAM / name), header_only=True)
    assert same_log(as_log(out), header)
    assert data["eval"]["task_id"] == header.eval.task_id
    assert data["status"] == header.status


@pytest.mark.parametrize("name", [IMAGE_EVAL, IMAGE_JSON])
def test_dump_resolve_attachments(name: str) -> None:
    plain = ok("log", "dump", str(UPSTREAM / name))
    assert "attachment://" in plain
    resolved = ok("log", "dump", str(UPSTREAM / name), "--resolve-attachments")
    assert "attachment://" not in resolved
    assert "data:image/png;base64," in resolved
    log = read_eval_log(str(UPSTREAM / name), resolve_attachments=True)
    assert same_log(as_log(resolved), log)


def test_dump_memory_log(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/{MCQ_EVAL}")
    assert same_log(as_log(ok("log", "dump", f"{memory_root}/{MCQ_EVAL}")), log)


def test_info_log_file_older_spelling() -> None:
    for options in ([], ["--header-only"], ["--resolve-attachments"]):
        new = ok("log", "dump", str(UPSTREAM / IMAGE_EVAL), *options)
        assert ok("info", "log-file", str(UPSTREAM / IMAGE_EVAL), *options) == new


def test_dump_subprocess(tmp_path: Path) -> None:
    result = run_subprocess("log", "dump", str(UPSTREAM / MCQ_JSON), "--header-only")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert "samples" not in data and data["eval"]["task"] == "mcq"


# --------------------------------------------------------------------------- log convert


def test_convert_directory(tmp_path: Path) -> None:
    source = tmp_path / "source"
    build_log_dir(source, [MCQ_EVAL, TOOL_USE_JSON, (EPOCHS_EVAL, f"sub/{EPOCHS_EVAL}")])
    output = tmp_path / "out"
    result = run("log", "convert", str(source), "--to", "json", "--output-dir", str(output))
    assert result.exit_code == 0, result.output

    expected = {
        MCQ_EVAL.replace(".eval", ".json"): MCQ_EVAL,
        TOOL_USE_JSON: TOOL_USE_JSON,
        f"sub/{EPOCHS_EVAL.replace('.eval', '.json')}": f"sub/{EPOCHS_EVAL}",
    }
    written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert written == sorted(expected)
    for relative, original in expected.items():
        json.loads((output / relative).read_text())
        before = read_eval_log(str(source / original), resolve_attachments=True)
        after = read_eval_log(str(output / relative), resolve_attachments=True)
        assert after.samples is not None and after.samples == before.samples
        assert same_log(after, before)
    # the converted logs are listed and dumped like any others
    assert sorted(lines(ok("log", "list", "--log-dir", str(output)))) == sorted(expected)


def test_convert_file_to_eval(tmp_path: Path) -> None:
    ok("log", "convert", str(UPSTREAM / MCQ_JSON), "--to", "eval", "--output-dir", str(tmp_path))
    target = tmp_path / MCQ_JSON.replace(".json", ".eval")
    assert target.read_bytes().startswith(b"PK\x03\x04")
    before = read_eval_log(str(UPSTREAM / MCQ_JSON), resolve_attachments=True)
    assert same_log(read_eval_log(str(target), resolve_attachments=True), before)


def test_convert_existing_output(tmp_path: Path) -> None:
    args = ["log", "convert", str(UPSTREAM / MCQ_EVAL), "--to", "json"]
    ok(*args, "--output-dir", str(tmp_path))
    target = tmp_path / MCQ_EVAL.replace(".eval", ".json")
    target.write_text("stale")

    result = run(*args, "--output-dir", str(tmp_path))
    assert_one_line_error(result.exit_code, result.stdout, result.stderr, "exists")
    assert target.read_text() == "stale"

    ok(*args, "--output-dir", str(tmp_path), "--overwrite")
    assert read_eval_log(str(target)).eval.task == "mcq"


def test_convert_existing_output_subprocess(tmp_path: Path) -> None:
    target = tmp_path / MCQ_EVAL.replace(".eval", ".json")
    target.write_text("stale")
    args = ["log", "convert", str(UPSTREAM / MCQ_EVAL), "--to", "json", "--output-dir"]
    result = run_subprocess(*args, str(tmp_path))
    assert_one_line_error(result.returncode, result.stdout, result.stderr, "exists")
    result = run_subprocess(*args, str(tmp_path), "--overwrite")
    assert result.returncode == 0, result.stderr
    assert read_eval_log(str(target)).eval.task == "mcq"


def test_convert_missing_to_is_a_usage_error(tmp_path: Path) -> None:
    result = run("log", "convert", str(UPSTREAM / MCQ_EVAL), "--output-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "--to" in result.stderr
    result = run_subprocess(
        "log", "convert", str(UPSTREAM / MCQ_EVAL), "--output-dir", str(tmp_path)
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_convert_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run(
        "log", "convert", str(UPSTREAM / MCQ_EVAL), "--to", "yaml", "--output-dir", str(tmp_path)
    )
    assert result.exit_code == 2


def test_convert_missing_source(tmp_path: Path) -> None:
    result = run(
        "log", "convert", str(tmp_path / "nope.eval"), "--to", "json", "--output-dir", str(tmp_path)
    )
    assert_one_line_error(result.exit_code, result.stdout, result.stderr, "nope.eval")


# --------------------------------------------------------------------------- log schema


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(ok("log", "schema"))


def test_schema_shape(schema: dict) -> None:
    assert isinstance(schema, dict)
    assert "EvalSample" in schema["$defs"]
    assert {"version", "status", "eval", "samples"} <= set(schema["properties"])
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", [MCQ_EVAL, ERROR_JSON, SLOW_EVAL])
def test_schema_validates_header_dump(schema: dict, name: str) -> None:
    header = json.loads(ok("log", "dump", str(UPSTREAM / name), "--header-only"))
    jsonschema.validate(header, schema)


@pytest.mark.parametrize("name", [MCQ_JSON, IMAGE_EVAL])
def test_schema_validates_full_dump(schema: dict, name: str) -> None:
    jsonschema.validate(json.loads(ok("log", "dump", str(UPSTREAM / name))), schema)


def test_schema_rejects_non_logs(schema: dict) -> None:
    header = json.loads(ok("log", "dump", str(UPSTREAM / MCQ_EVAL), "--header-only"))
    header["status"] = "finished"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(header, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"hello": "world"}, schema)


def test_info_log_schema_older_spelling() -> None:
    assert ok("info", "log-schema") == ok("log", "schema")


def test_schema_subprocess() -> None:
    result = run_subprocess("log", "schema")
    assert result.returncode == 0, result.stderr
    assert "EvalSample" in json.loads(result.stdout)["$defs"]


# --------------------------------------------------------------------------- bad input


def _truncated_eval(tmp_path: Path) -> Path:
    data = (UPSTREAM / MCQ_EVAL).read_bytes()
    target = tmp_path / "truncated.eval"
    target.write_bytes(data[: len(data) // 2])
    return target


def _hello(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    target.write_text("hello\n")
    return target


BAD_INPUTS = {
    "missing": (lambda tmp: tmp / "missing.eval", ["missing.eval"]),
    "hello-txt": (lambda tmp: _hello(tmp, "hello.txt"), ["hello.txt"]),
    "hello-json": (lambda tmp: _hello(tmp, "hello.json"), ["hello.json"]),
    "hello-eval": (lambda tmp: _hello(tmp, "hello.eval"), ["hello.eval"]),
    "truncated-eval": (_truncated_eval, ["truncated.eval"]),
    "truncated-json": (lambda tmp: LEGACY / "log_invalid.txt", ["log_invalid.txt"]),
    "future-version": (lambda tmp: LEGACY / "log_version_3.txt", ["version", "4"]),
    "directory": (lambda tmp: tmp, []),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
@pytest.mark.parametrize("command", [["log", "dump"], ["info", "log-file"]])
def test_dump_bad_input(tmp_path: Path, case: str, command: list[str]) -> None:
    make, needles = BAD_INPUTS[case]
    path = make(tmp_path)
    for options in ([], ["--header-only"]):
        result = run(*command, str(path), *options)
        assert isinstance(result.exception, SystemExit), result.exception
        assert_one_line_error(result.exit_code, result.stdout, result.stderr, *needles)
        assert result.stdout == ""


@pytest.mark.parametrize("case", ["missing", "hello-txt", "truncated-eval", "truncated-json"])
def test_convert_bad_input(tmp_path: Path, case: str) -> None:
    make, needles = BAD_INPUTS[case]
    path = make(tmp_path)
    out = tmp_path / "out"
    result = run("log", "convert", str(path), "--to", "json", "--output-dir", str(out))
    assert_one_line_error(result.exit_code, result.stdout, result.stderr, *needles)


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_dump_bad_input_subprocess(tmp_path: Path, case: str) -> None:
    make, needles = BAD_INPUTS[case]
    result = run_subprocess("log", "dump", str(make(tmp_path)))
    assert_one_line_error(result.returncode, result.stdout, result.stderr, *needles)
    assert result.stdout == ""


def test_list_status_with_a_broken_log(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_EVAL])
    _truncated_eval(tmp_path)
    # plain listing does not open the files
    assert sorted(lines(ok("log", "list", "--log-dir", str(tmp_path)))) == sorted(
        [MCQ_EVAL, "truncated.eval"]
    )
    result = run_subprocess("log", "list", "--log-dir", str(tmp_path), "--status", "success")
    assert_one_line_error(result.returncode, result.stdout, result.stderr, "truncated.eval")


def test_unknown_command_is_a_usage_error() -> None:
    result = run("log", "frobnicate")
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "args",
    [["log", "list", "--log-dir", str(UPSTREAM)], ["log", "dump", str(UPSTREAM / PLAIN_JSON)]],
)
def test_closed_stdout_is_not_an_error(args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # like `| head` after it has read what it wanted
    try:
        result = subprocess.run(
            [sys.executable, "-m", "inspect_ai._cli.main", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert "Traceback" not in result.stderr
    assert "Error:" not in result.stderr
