"""Logs the runner writes have the shape of the reference's logs for the same kind of task."""

import json
from pathlib import Path
from typing import Any

from inspect_ai import Task, eval, task
from inspect_ai.dataset import Sample
from inspect_ai.log import read_eval_log
from inspect_ai.scorer import match

from .conftest import UPSTREAM

PLAIN_DEFAULT = "2026-11-23T00-54-02-00-00_plain-default_TttPHakmhSZw9ETkGXPNM3.json"

# keys the reference writes that we do not (yet): adaptive connection history and
# packages beyond inspect_ai are run-specific; input_context_tokens is provider data
OPTIONAL = {"connection_limit_history", "input_context_tokens", "log_realtime", "log_shared",
            "sandbox_prebuilt", "call_refs", "call_key", "input_refs"}  # fmt: skip


@task
def plain_default(n: int = 20) -> Task:
    dataset = [
        Sample(input=f"Question number {i}: reply with anything.", target="banana", id=f"s{i:02d}")
        for i in range(1, n + 1)
    ]
    return Task(dataset=dataset, scorer=match())


def keys(data: Any, prefix: str = "") -> set[str]:
    """Every key path in a JSON document (list items merged)."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}"
            found.add(path)
            found |= keys(value, path)
    elif isinstance(data, list):
        for item in data:
            found |= keys(item, f"{prefix}[]")
    return found


def without_optional(paths: set[str]) -> set[str]:
    return {
        p for p in paths if not any(part in OPTIONAL for part in p.replace("[]", "").split("."))
    }


def test_plain_default_log_has_the_reference_shape(tmp_path: Path) -> None:
    reference = json.loads((UPSTREAM / PLAIN_DEFAULT).read_text())
    log = eval(plain_default(), model="mockllm/model", log_dir=str(tmp_path), log_format="json")[0]
    ours = json.loads(Path(log.location).read_text())
    for part in ("eval", "plan", "results", "stats"):
        assert without_optional(keys(ours[part])) >= without_optional(keys(reference[part])), part
    reference_sample, our_sample = reference["samples"][0], ours["samples"][0]
    # the reference also writes pooled model inputs (events_data), an empty error_retries
    # and turn_count; readers treat all three as optional
    optional_sample_keys = {"events_data", "error_retries", "turn_count"}
    assert set(our_sample) >= set(reference_sample) - optional_sample_keys
    assert [e["event"] for e in our_sample["events"]] == [
        e["event"] for e in reference_sample["events"]
    ]
    assert [(e.get("type"), e.get("name")) for e in our_sample["events"]] == [
        (e.get("type"), e.get("name")) for e in reference_sample["events"]
    ]
    assert ours["results"]["scores"][0]["metrics"].keys() == {"accuracy", "stderr"}
    assert ours["results"]["headline"] == reference["results"]["headline"]
    assert [r["scorer"] for r in ours["reductions"]] == ["match"]
    assert read_eval_log(log.location).samples[0].scores["match"].value == "I"
