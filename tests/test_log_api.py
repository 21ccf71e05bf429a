"""Tests of the log directory API: listing, reading/writing, converting, retryable logs, manifests.

Logs come from the read-only fixtures in ``shared/fixtures``; every test copies what it needs
into ``tmp_path`` (or an in-memory fsspec filesystem) before touching it.
"""

import json
import os
import shutil
from pathlib import Path

import fsspec
import pytest

from inspect_ai.log import (
    EvalLog,
    EvalLogInfo,
    convert_eval_logs,
    list_eval_logs,
    read_eval_log,
    read_eval_log_sample_summaries,
    retryable_eval_logs,
    write_eval_log,
    write_log_dir_manifest,
)

from .conftest import LEGACY, UPSTREAM, build_log_dir

PLAIN_EVAL = "2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD.eval"
ARITH_EVAL = "2026-11-23T00-53-14-00-00_arith-match_VbBKsPT62DxbC4QU9fQae9.eval"
ARITH_SCORED_EVAL = "2026-11-23T00-53-14-00-00_arith-match_VbBKsPT62DxbC4QU9fQae9-scored.eval"
EPOCHS_EVAL = "2026-11-23T00-53-23-00-00_epochs-reducers_A7shtphkHHveNtvcVkLuVM.eval"
EPOCHS_JSON = "2026-11-23T00-54-16-00-00_epochs-reducers_VuaPkv8rQFGWMUzSaNviZR.json"
MCQ_EVAL = "2026-11-23T00-53-49-00-00_mcq_cWXo3jFockyaUK8LHSe8gd.eval"
MCQ_JSON = "2026-11-23T00-54-42-00-00_mcq_Yqdv9FKiGt6hayDXxfGGZT.json"
SAMPLE_ERRORS_EVAL = "2026-11-23T00-53-27-00-00_sample-errors_H4RujHh8r85pk6YRftMQ4o.eval"
TOOL_USE_JSON = "2026-11-23T00-54-24-00-00_tool-use_Koshahd5mWUC8o6mvKXk8a.json"
ERROR_EVAL = "2026-11-23T00-53-58-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval"
ERROR_JSON = "2026-11-23T00-54-51-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json"
RETRIED_EVAL = "2026-11-23T00-55-19-00-00_eval-error_hbQzfFdrUeq2sM98DDM2AD.eval"
RETRIED_JSON = "2026-11-23T00-55-23-00-00_eval-error_SVBv5bBHSkPk2TvgAsdFSK.json"
SLOW_EVAL = "2026-11-23T00-55-06-00-00_slow-task_a4rCUz5zWN8Do2MBsGWgRz.eval"
SLOW_JSON = "2026-11-23T00-55-14-00-00_slow-task_GiTewYupNQSvjg8xWTbK2u.json"


# --------------------------------------------------------------------------- helpers


def uri(path: Path) -> str:
    return "file://" + os.path.abspath(path)


def names(infos: list[EvalLogInfo]) -> list[str]:
    return [info.name for info in infos]


def basenames(infos: list[EvalLogInfo]) -> list[str]:
    return [info.name.rsplit("/", 1)[-1] for info in infos]


def same_log(a: EvalLog, b: EvalLog) -> bool:
    """Whether two logs hold the same data (wherever they were read from)."""
    return a.model_copy(update={"location": None}) == b.model_copy(update={"location": None})


# --------------------------------------------------------------------------- list_eval_logs


def test_list_names_are_file_uris_most_recent_first(tmp_path: Path) -> None:
    copies = build_log_dir(tmp_path, [MCQ_JSON, PLAIN_EVAL, SLOW_EVAL, ERROR_JSON])
    logs = list_eval_logs(str(tmp_path))
    assert names(logs) == [uri(path) for path in reversed(copies)]


def test_list_orders_by_mtime_not_by_name(tmp_path: Path) -> None:
    # names sort the other way round from the modification times
    copies = build_log_dir(tmp_path, [SLOW_JSON, ERROR_EVAL, PLAIN_EVAL])
    assert basenames(list_eval_logs(str(tmp_path))) == [PLAIN_EVAL, ERROR_EVAL, SLOW_JSON]
    ascending = list_eval_logs(str(tmp_path), descending=False)
    assert names(ascending) == [uri(path) for path in copies]


def test_list_info_fields(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [ARITH_EVAL, ARITH_SCORED_EVAL, MCQ_JSON])
    logs = {info.name.rsplit("/", 1)[-1]: info for info in list_eval_logs(str(tmp_path))}
    assert set(logs) == {ARITH_EVAL, ARITH_SCORED_EVAL, MCQ_JSON}
    for name, info in logs.items():
        stat = (tmp_path / name).stat()
        assert info.type == "file"
        assert info.size == stat.st_size
        assert info.mtime == pytest.approx(stat.st_mtime)
    scored = logs[ARITH_SCORED_EVAL]
    assert (scored.task, scored.task_id, scored.suffix) == (
        "arith-match",
        "VbBKsPT62DxbC4QU9fQae9",
        "-scored",
    )
    plain = logs[ARITH_EVAL]
    assert (plain.task, plain.task_id, plain.suffix) == (
        "arith-match",
        "VbBKsPT62DxbC4QU9fQae9",
        None,
    )
    mcq = logs[MCQ_JSON]
    assert (mcq.task, mcq.task_id, mcq.suffix) == ("mcq", "Yqdv9FKiGt6hayDXxfGGZT", None)


def test_list_task_id_matches_log_header(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [EPOCHS_EVAL, EPOCHS_JSON, RETRIED_EVAL])
    for info in list_eval_logs(str(tmp_path)):
        header = read_eval_log(info, header_only=True)
        assert info.task_id == header.eval.task_id


def test_list_counts_every_eval_but_only_timestamped_json() -> None:
    listed = basenames(list_eval_logs(str(LEGACY / "list-logs")))
    assert sorted(listed) == [
        "2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json",
        "2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval",
        "custom.eval",
    ]


def test_list_skips_non_log_files(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_JSON, (MCQ_JSON, "notes.json"), (PLAIN_EVAL, "anything.eval")])
    (tmp_path / "README.txt").write_text("hello")
    (tmp_path / "2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD.txt").write_text(
        "not a log"
    )
    assert sorted(basenames(list_eval_logs(str(tmp_path)))) == [MCQ_JSON, "anything.eval"]


def test_list_plus_sign_timestamps_are_logs(tmp_path: Path) -> None:
    name = "2024-08-29T15-11-17+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json"
    shutil.copyfile(LEGACY / name, tmp_path / name)
    [info] = list_eval_logs(str(tmp_path))
    assert info.name == uri(tmp_path / name)
    assert (info.task, info.task_id) == ("popularity", "5EAmX6wjMFqea6WY7XHzZp")
    assert read_eval_log(info, header_only=True).status == "success"


def test_list_formats(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_EVAL, MCQ_JSON, SLOW_EVAL, SLOW_JSON])
    assert basenames(list_eval_logs(str(tmp_path), formats=["eval"])) == [SLOW_EVAL, MCQ_EVAL]
    assert basenames(list_eval_logs(str(tmp_path), formats=["json"])) == [SLOW_JSON, MCQ_JSON]
    assert len(list_eval_logs(str(tmp_path), formats=["eval", "json"])) == 4


def test_list_recursive_and_not(tmp_path: Path) -> None:
    build_log_dir(
        tmp_path,
        [MCQ_EVAL, (SLOW_EVAL, f"sub/{SLOW_EVAL}"), (ERROR_JSON, f"sub/deeper/{ERROR_JSON}")],
    )
    recursive = list_eval_logs(str(tmp_path))
    assert names(recursive) == [
        uri(tmp_path / "sub" / "deeper" / ERROR_JSON),
        uri(tmp_path / "sub" / SLOW_EVAL),
        uri(tmp_path / MCQ_EVAL),
    ]
    assert names(list_eval_logs(str(tmp_path), recursive=False)) == [uri(tmp_path / MCQ_EVAL)]


def test_list_filter_is_given_the_header(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [ERROR_EVAL, ERROR_JSON, RETRIED_EVAL, SLOW_JSON, MCQ_EVAL])
    seen: list[EvalLog] = []

    def errored(log: EvalLog) -> bool:
        seen.append(log)
        return log.status == "error"

    logs = list_eval_logs(str(tmp_path), filter=errored)
    assert basenames(logs) == [ERROR_JSON, ERROR_EVAL]
    assert len(seen) == 5
    assert all(log.samples is None for log in seen)
    assert {log.eval.task for log in seen} == {"eval_error", "slow_task", "mcq"}


def test_list_log_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_log_dir(tmp_path / "from-env", [MCQ_EVAL])
    build_log_dir(tmp_path / "logs", [SLOW_EVAL])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INSPECT_LOG_DIR", str(tmp_path / "from-env"))
    assert names(list_eval_logs()) == [uri(tmp_path / "from-env" / MCQ_EVAL)]


def test_list_log_dir_defaults_to_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_log_dir(tmp_path / "logs", [SLOW_EVAL])
    monkeypatch.delenv("INSPECT_LOG_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert names(list_eval_logs()) == [uri(tmp_path / "logs" / SLOW_EVAL)]


def test_list_relative_and_file_uri_log_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_log_dir(tmp_path / "runs", [MCQ_EVAL, SLOW_JSON])
    monkeypatch.chdir(tmp_path)
    expected = [uri(tmp_path / "runs" / SLOW_JSON), uri(tmp_path / "runs" / MCQ_EVAL)]
    assert names(list_eval_logs("runs")) == expected
    assert names(list_eval_logs("./runs/")) == expected
    assert names(list_eval_logs(uri(tmp_path / "runs"))) == expected


def test_list_missing_or_empty_dir(tmp_path: Path) -> None:
    assert list_eval_logs(str(tmp_path / "does-not-exist")) == []
    assert list_eval_logs(str(tmp_path)) == []


def test_listed_names_can_be_read(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_EVAL, MCQ_JSON])
    for info in list_eval_logs(str(tmp_path)):
        for log_file in (info, info.name):
            log = read_eval_log(log_file)
            assert log.eval.task == "mcq"
            assert log.samples is not None and len(log.samples) == 4


# --------------------------------------------------------------------------- read / write


def test_write_defaults_to_the_log_location(tmp_path: Path) -> None:
    [copy] = build_log_dir(tmp_path, [MCQ_JSON])
    log = read_eval_log(str(copy))
    assert log.location == str(copy)
    log.eval.metadata = {"edited": True}
    write_eval_log(log)
    assert copy.read_bytes().lstrip().startswith(b"{")
    assert read_eval_log(str(copy)).eval.metadata == {"edited": True}


@pytest.mark.parametrize("source", [MCQ_EVAL, MCQ_JSON])
def test_write_format_follows_extension(tmp_path: Path, source: str) -> None:
    log = read_eval_log(str(UPSTREAM / source))
    for name, magic in [
        ("out.json", b"{"),
        ("out.eval", b"PK\x03\x04"),
        ("out.log", b"PK\x03\x04"),
    ]:
        target = tmp_path / name
        write_eval_log(log, str(target))
        assert target.read_bytes().lstrip().startswith(magic), name
        assert log.location == str(target)
        back = read_eval_log(str(target))
        assert back.location == str(target)
        assert same_log(back, read_eval_log(str(UPSTREAM / source)))
    json.loads((tmp_path / "out.json").read_text())


def test_write_explicit_format(tmp_path: Path) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    target = tmp_path / "log.eval"
    write_eval_log(log, str(target), format="json")
    assert target.read_bytes().startswith(b"{")
    assert read_eval_log(str(target), format="json").eval.task_id == log.eval.task_id


def test_memory_filesystem_round_trip(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/{MCQ_EVAL}")
    write_eval_log(log, f"{memory_root}/nested/{MCQ_JSON}")
    assert log.location == f"{memory_root}/nested/{MCQ_JSON}"

    back = read_eval_log(f"{memory_root}/{MCQ_EVAL}")
    assert back.location == f"{memory_root}/{MCQ_EVAL}"
    assert same_log(back, log)
    assert same_log(read_eval_log(f"{memory_root}/nested/{MCQ_JSON}"), log)
    header = read_eval_log(f"{memory_root}/{MCQ_EVAL}", header_only=True)
    assert header.samples is None and header.eval.task == "mcq"

    listed = list_eval_logs(memory_root)
    assert sorted(basenames(listed)) == sorted([MCQ_EVAL, MCQ_JSON])
    for info in listed:
        assert info.name.startswith("memory://")
        assert info.task == "mcq" and info.type == "file" and info.size > 0
        assert same_log(read_eval_log(info), log)
    assert basenames(list_eval_logs(memory_root, recursive=False)) == [MCQ_EVAL]
    assert basenames(list_eval_logs(memory_root, formats=["json"])) == [MCQ_JSON]
    assert list_eval_logs(f"{memory_root}/nothing-here") == []


@pytest.mark.parametrize("name", ["log_formats.eval", "log_formats.json", "log_streaming.eval"])
def test_reading_older_logs_is_deterministic(name: str) -> None:
    assert read_eval_log(str(LEGACY / name)) == read_eval_log(str(LEGACY / name))


def test_reading_upstream_logs_is_deterministic() -> None:
    for name in [MCQ_EVAL, MCQ_JSON, TOOL_USE_JSON]:
        assert read_eval_log(str(UPSTREAM / name)) == read_eval_log(str(UPSTREAM / name))


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_eval_log(str(tmp_path / "missing.eval"))


# --------------------------------------------------------------------------- sample summaries


@pytest.mark.parametrize(
    ("source", "count"),
    [(MCQ_EVAL, 4), (MCQ_JSON, 4), (EPOCHS_EVAL, 15), (EPOCHS_JSON, 15), (SLOW_EVAL, 6)],
)
def test_sample_summaries_match_samples(source: str, count: int) -> None:
    summaries = read_eval_log_sample_summaries(str(UPSTREAM / source))
    samples = read_eval_log(str(UPSTREAM / source)).samples or []
    assert len(summaries) == len(samples) == count
    assert sorted((str(s.id), s.epoch) for s in summaries) == sorted(
        (str(s.id), s.epoch) for s in samples
    )
    by_key = {(s.id, s.epoch): s for s in samples}
    for summary in summaries:
        sample = by_key[(summary.id, summary.epoch)]
        assert summary.target == sample.target
        assert set(summary.scores or {}) == set(sample.scores or {})
        for name, score in (summary.scores or {}).items():
            assert score.value == (sample.scores or {})[name].value


def test_sample_summaries_record_errors() -> None:
    summaries = read_eval_log_sample_summaries(str(UPSTREAM / SAMPLE_ERRORS_EVAL))
    assert sorted(s.id for s in summaries if s.error) == [3, 7]


# --------------------------------------------------------------------------- convert


def test_convert_single_file_both_ways(tmp_path: Path) -> None:
    convert_eval_logs(str(UPSTREAM / MCQ_EVAL), "json", str(tmp_path / "as-json"))
    converted = tmp_path / "as-json" / MCQ_EVAL.replace(".eval", ".json")
    assert [p.name for p in (tmp_path / "as-json").iterdir()] == [converted.name]
    json.loads(converted.read_text())
    original = read_eval_log(str(UPSTREAM / MCQ_EVAL), resolve_attachments=True)
    assert same_log(read_eval_log(str(converted), resolve_attachments=True), original)

    convert_eval_logs(str(converted), "eval", str(tmp_path / "back"))
    again = tmp_path / "back" / MCQ_EVAL
    assert again.read_bytes().startswith(b"PK\x03\x04")
    assert same_log(read_eval_log(str(again), resolve_attachments=True), original)


def test_convert_copies_files_already_in_target_format(tmp_path: Path) -> None:
    convert_eval_logs(str(UPSTREAM / MCQ_EVAL), "eval", str(tmp_path))
    assert (tmp_path / MCQ_EVAL).read_bytes() == (UPSTREAM / MCQ_EVAL).read_bytes()


def test_convert_directory_keeps_layout(tmp_path: Path) -> None:
    source = tmp_path / "source"
    build_log_dir(
        source,
        [
            MCQ_EVAL,
            TOOL_USE_JSON,
            (EPOCHS_EVAL, f"sub/{EPOCHS_EVAL}"),
            (SLOW_JSON, f"sub/deeper/{SLOW_JSON}"),
        ],
    )
    (source / "notes.txt").write_text("not a log")
    output = tmp_path / "output"
    convert_eval_logs(str(source), "json", str(output))

    expected = {
        MCQ_EVAL.replace(".eval", ".json"): MCQ_EVAL,
        TOOL_USE_JSON: TOOL_USE_JSON,
        f"sub/{EPOCHS_EVAL.replace('.eval', '.json')}": f"sub/{EPOCHS_EVAL}",
        f"sub/deeper/{SLOW_JSON}": f"sub/deeper/{SLOW_JSON}",
    }
    written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert written == sorted(expected)
    assert (output / TOOL_USE_JSON).read_bytes() == (source / TOOL_USE_JSON).read_bytes()
    for relative, original in expected.items():
        json.loads((output / relative).read_text())
        before = read_eval_log(str(source / original), resolve_attachments=True)
        after = read_eval_log(str(output / relative), resolve_attachments=True)
        assert after.samples is not None and after.samples == before.samples
        assert same_log(after, before)
    # the converted directory lists like the source
    assert sorted(basenames(list_eval_logs(str(output)))) == sorted(
        name.rsplit("/", 1)[-1] for name in expected
    )


def test_convert_directory_to_eval(tmp_path: Path) -> None:
    source = tmp_path / "source"
    build_log_dir(source, [MCQ_JSON, (ERROR_JSON, f"nested/{ERROR_JSON}")])
    convert_eval_logs(str(source), "eval", str(tmp_path / "out"))
    for relative in [MCQ_JSON, f"nested/{ERROR_JSON}"]:
        target = tmp_path / "out" / relative.replace(".json", ".eval")
        assert target.read_bytes().startswith(b"PK\x03\x04")
        before = read_eval_log(str(source / relative), resolve_attachments=True)
        after = read_eval_log(str(target), resolve_attachments=True)
        assert same_log(after, before)
    assert read_eval_log(str(tmp_path / "out" / "nested" / ERROR_JSON.replace(".json", ".eval")))


def test_convert_existing_target_needs_overwrite(tmp_path: Path) -> None:
    target = tmp_path / MCQ_EVAL.replace(".eval", ".json")
    target.write_text("old")
    with pytest.raises(FileExistsError):
        convert_eval_logs(str(UPSTREAM / MCQ_EVAL), "json", str(tmp_path))
    assert target.read_text() == "old"
    convert_eval_logs(str(UPSTREAM / MCQ_EVAL), "json", str(tmp_path), overwrite=True)
    assert read_eval_log(str(target)).eval.task == "mcq"


def test_convert_rejects_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        convert_eval_logs(str(UPSTREAM / MCQ_EVAL), "yaml", str(tmp_path))  # type: ignore[arg-type]


def test_convert_memory_file(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/in/{MCQ_EVAL}")
    convert_eval_logs(f"{memory_root}/in/{MCQ_EVAL}", "json", f"{memory_root}/out")
    converted = read_eval_log(f"{memory_root}/out/{MCQ_EVAL.replace('.eval', '.json')}")
    assert converted.samples is not None and len(converted.samples) == 4


def test_convert_memory_directory_keeps_layout(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/in/{MCQ_EVAL}")
    write_eval_log(log, f"{memory_root}/in/sub/{MCQ_EVAL}")
    convert_eval_logs(f"{memory_root}/in", "json", f"{memory_root}/out")
    fs = fsspec.filesystem("memory")
    written = sorted(fs.find(f"{memory_root}/out"))
    stem = memory_root.split("://", 1)[1]
    json_name = MCQ_EVAL.replace(".eval", ".json")
    assert written == [f"/{stem}/out/{json_name}", f"/{stem}/out/sub/{json_name}"]


# --------------------------------------------------------------------------- retryable


def test_retryable_in_upstream_logs(tmp_path: Path) -> None:
    fixtures = sorted(p.name for p in UPSTREAM.iterdir() if p.suffix in (".eval", ".json"))
    build_log_dir(tmp_path, fixtures)
    retryable = retryable_eval_logs(list_eval_logs(str(tmp_path)))
    # the errored eval-error logs were retried successfully (same task id), the
    # cancelled slow-task logs were not
    assert sorted(basenames(retryable)) == sorted([SLOW_EVAL, SLOW_JSON])
    for info in retryable:
        assert read_eval_log(info, header_only=True).status == "cancelled"


def test_errored_logs_without_a_success_are_retryable(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [ERROR_EVAL, ERROR_JSON, MCQ_EVAL])
    logs = list_eval_logs(str(tmp_path))
    assert basenames(retryable_eval_logs(logs)) == [ERROR_JSON, ERROR_EVAL]
    # a success log with the same task id (the eval-retry output) makes it not retryable
    build_log_dir(tmp_path, [RETRIED_EVAL])
    assert basenames(retryable_eval_logs(list_eval_logs(str(tmp_path)))) == [ERROR_JSON]


def test_retryable_keeps_only_the_most_recent_per_task_id(tmp_path: Path) -> None:
    later = SLOW_EVAL.replace("00-55-06", "01-10-00")
    build_log_dir(tmp_path, [SLOW_EVAL, (SLOW_EVAL, later), MCQ_EVAL])
    logs = list_eval_logs(str(tmp_path))
    assert basenames(retryable_eval_logs(logs)) == [later]
    # the order of the input does not matter
    assert basenames(retryable_eval_logs(list(reversed(logs)))) == [later]


def test_started_logs_are_retryable(tmp_path: Path) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    log.status = "started"
    log.results = None
    write_eval_log(log, str(tmp_path / MCQ_EVAL))
    build_log_dir(tmp_path, [PLAIN_EVAL])
    assert basenames(retryable_eval_logs(list_eval_logs(str(tmp_path)))) == [MCQ_EVAL]


def test_nothing_retryable() -> None:
    assert retryable_eval_logs([]) == []


# --------------------------------------------------------------------------- manifest


def test_manifest_maps_relative_names_to_headers(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_EVAL, ERROR_JSON, (SLOW_EVAL, f"sub/{SLOW_EVAL}")])
    (tmp_path / "notes.txt").write_text("not a log")
    write_log_dir_manifest(str(tmp_path))
    manifest = json.loads((tmp_path / "logs.json").read_text())
    assert isinstance(manifest, dict)
    assert sorted(manifest) == sorted([MCQ_EVAL, ERROR_JSON, f"sub/{SLOW_EVAL}"])
    for name, header in manifest.items():
        assert "samples" not in header
        log = read_eval_log(str(tmp_path / name), header_only=True)
        assert header["status"] == log.status
        assert header["eval"]["task_id"] == log.eval.task_id
        assert EvalLog.model_validate(header).eval == log.eval
    assert manifest[ERROR_JSON]["status"] == "error"
    assert manifest[ERROR_JSON]["error"]["message"]
    assert manifest[f"sub/{SLOW_EVAL}"]["status"] == "cancelled"
    assert "results" in manifest[MCQ_EVAL]


def test_manifest_is_not_listed_as_a_log(tmp_path: Path) -> None:
    build_log_dir(tmp_path, [MCQ_EVAL])
    write_log_dir_manifest(str(tmp_path))
    write_log_dir_manifest(str(tmp_path))
    assert basenames(list_eval_logs(str(tmp_path))) == [MCQ_EVAL]
    assert list(json.loads((tmp_path / "logs.json").read_text())) == [MCQ_EVAL]


def test_manifest_filename_and_output_dir(tmp_path: Path) -> None:
    build_log_dir(tmp_path / "logs", [MCQ_JSON])
    write_log_dir_manifest(
        str(tmp_path / "logs"), filename="index.json", output_dir=str(tmp_path / "site")
    )
    assert not (tmp_path / "logs" / "logs.json").exists()
    manifest = json.loads((tmp_path / "site" / "index.json").read_text())
    assert list(manifest) == [MCQ_JSON]


def test_manifest_of_empty_dir(tmp_path: Path) -> None:
    write_log_dir_manifest(str(tmp_path))
    assert json.loads((tmp_path / "logs.json").read_text()) == {}


def test_manifest_on_memory_filesystem(memory_root: str) -> None:
    log = read_eval_log(str(UPSTREAM / MCQ_EVAL))
    write_eval_log(log, f"{memory_root}/{MCQ_EVAL}")
    write_eval_log(log, f"{memory_root}/sub/{MCQ_JSON}")
    write_log_dir_manifest(memory_root)
    with fsspec.open(f"{memory_root}/logs.json", "r") as file:
        manifest = json.load(file)
    assert sorted(manifest) == sorted([MCQ_EVAL, f"sub/{MCQ_JSON}"])
