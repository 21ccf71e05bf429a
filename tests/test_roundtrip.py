"""Every fixture survives being written in both formats and read back, and what we
write validates against the reference's log schema and keeps the spec's member layout."""

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from inspect_ai._log.zip_reader import FileSource, ZipArchive
from inspect_ai.log import EvalLog, read_eval_log, write_eval_log

from .conftest import FIXTURES, LEGACY, UPSTREAM

UNREADABLE = {"log_invalid.txt", "log_version_3.txt", "README.md"}
LOG_FILES = sorted(
    [p for p in UPSTREAM.iterdir() if p.suffix in (".eval", ".json")]
    + [p for p in LEGACY.iterdir() if p.is_file() and p.name not in UNREADABLE]
)


def canonical(log: EvalLog) -> str:
    """A comparable text form (NaN-safe, since NaN != NaN)."""
    return json.dumps(json.loads(log.model_dump_json(by_alias=True)), sort_keys=True)


@pytest.mark.parametrize("path", LOG_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("extension", ["eval", "json"])
def test_round_trip_gives_an_equal_log(path: Path, extension: str, tmp_path: Path) -> None:
    original = read_eval_log(path, resolve_attachments=True)
    target = tmp_path / f"copy.{extension}"
    write_eval_log(original, str(target))
    again = read_eval_log(target, resolve_attachments=True)
    assert canonical(again) == canonical(original)


@pytest.mark.parametrize("path", LOG_FILES, ids=lambda p: p.name)
def test_rewriting_our_own_log_changes_nothing(path: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.eval"
    write_eval_log(read_eval_log(path), str(first))
    condensed = read_eval_log(first)
    second = tmp_path / "second.json"
    write_eval_log(condensed, str(second))
    assert canonical(read_eval_log(second)) == canonical(condensed)


@pytest.fixture(scope="module")
def schema_validators() -> dict[str, jsonschema.Draft202012Validator]:
    document = json.loads((FIXTURES / "upstream-log-schema.json").read_text())
    schemas = document["components"]["schemas"]
    for schema in schemas.values():
        _relax_required(schema)
    names = ["EvalLog", "EvalSample", "EvalSampleSummary", "EvalSampleReductions"]
    return {
        name: jsonschema.Draft202012Validator(
            {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
        )
        for name in names
    }


def _relax_required(schema: dict[str, Any]) -> None:
    # Logs omit None-valued keys, so a property whose schema admits null (or anything)
    # may be absent even though the serialization schema lists it as required.
    properties = schema.get("properties", {})
    if "required" in schema:
        schema["required"] = [
            r for r in schema["required"] if not _admits_null(properties.get(r, {}))
        ]


def _admits_null(schema: dict[str, Any]) -> bool:
    if schema.get("type") == "null" or schema.get("$ref", "").endswith("/JsonValue"):
        return True
    if any(_admits_null(option) for key in ("anyOf", "oneOf") for option in schema.get(key, [])):
        return True
    keywords = ("type", "$ref", "anyOf", "oneOf", "const", "enum", "items", "properties")
    return not any(keyword in schema for keyword in keywords)


def _errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", LOG_FILES, ids=lambda p: p.name)
def test_written_files_validate_against_the_reference_schema(
    path: Path, tmp_path: Path, schema_validators: dict[str, jsonschema.Draft202012Validator]
) -> None:
    log = read_eval_log(path)
    json_file, eval_file = tmp_path / "log.json", tmp_path / "log.eval"
    write_eval_log(log, str(json_file))
    write_eval_log(log, str(eval_file))

    document = json.loads(json_file.read_text())
    samples = document.pop("samples", None) or []
    errors = _errors(schema_validators["EvalLog"], document)
    for sample in samples:
        errors += _errors(schema_validators["EvalSample"], sample)

    with eval_file.open("rb") as file:
        archive = ZipArchive(FileSource(file))
        for name in archive.names():
            data = json.loads(archive.read(name))
            if name == "header.json":
                errors += _errors(schema_validators["EvalLog"], data)
            elif name.startswith("samples/"):
                errors += _errors(schema_validators["EvalSample"], data)
            elif name == "summaries.json" or name.startswith("_journal/summaries/"):
                for summary in data:
                    errors += _errors(schema_validators["EvalSampleSummary"], summary)
            elif name == "reductions.json":
                for reduction in data:
                    errors += _errors(schema_validators["EvalSampleReductions"], reduction)
    assert errors == []


def test_the_fixtures_themselves_validate(
    schema_validators: dict[str, jsonschema.Draft202012Validator],
) -> None:
    # the relaxed schema must still accept the reference's own output
    for path in sorted(UPSTREAM.glob("*.json")):
        document = json.loads(path.read_text())
        for sample in document.pop("samples", None) or []:
            assert _errors(schema_validators["EvalSample"], sample) == []
        assert _errors(schema_validators["EvalLog"], document) == []


def test_eval_member_layout_follows_the_spec(tmp_path: Path) -> None:
    log = read_eval_log(next(UPSTREAM.glob("*epochs-reducers*.eval")))
    target = tmp_path / "log.eval"
    write_eval_log(log, str(target))
    with target.open("rb") as file:
        names = ZipArchive(FileSource(file)).names()
    assert names[0] == "_journal/start.json"
    assert names[-4:] == [
        "_journal/summaries/1.json",
        "summaries.json",
        "reductions.json",
        "header.json",
    ]
    expected = {f"samples/{s.id}_epoch_{s.epoch}.json" for s in log.samples or []}
    assert set(names[1:-4]) == expected


def test_json_layout_follows_the_spec(tmp_path: Path) -> None:
    log = read_eval_log(next(UPSTREAM.glob("*epochs-reducers*.json")))
    target = tmp_path / "log.json"
    write_eval_log(log, str(target))
    text = target.read_text()
    assert text.startswith('{\n  "version": 2,\n  "status": "success",\n  "eval": {')
    keys = list(json.loads(text))
    assert keys == [
        "version", "status", "eval", "plan", "results", "stats",
        "invalidated", "tags", "metadata", "samples", "reductions",
    ]  # fmt: skip
