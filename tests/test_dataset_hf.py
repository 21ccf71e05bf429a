"""hf_dataset: local data read through the `datasets` package offline, and its arguments."""

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from inspect_ai.dataset import FieldSpec, Sample, hf_dataset

RECORDS: list[dict[str, Any]] = [
    {"ctx": "The person", "endings": ["sits", "flies", "swims"], "label": 0, "source_id": "s1"},
    {"ctx": "A dog", "endings": ["barks", "meows", "reads"], "label": "0", "source_id": "s2"},
    {"ctx": "The sun", "endings": ["falls", "rises", "sings"], "label": 1, "source_id": "s3"},
]


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Keep `datasets` off the network and out of the user's cache."""
    pytest.importorskip("datasets")
    cache = tmp_path / "hf-cache"
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(cache))
    monkeypatch.setenv("HF_DATASETS_CACHE", str(cache / "datasets"))
    return cache


def record_to_sample(record: dict[str, Any]) -> Sample:
    return Sample(
        input=record["ctx"],
        target=chr(ord("A") + int(record["label"])),
        choices=record["endings"],
        metadata={"source_id": record["source_id"]},
    )


def write_data(directory: Path) -> Path:
    directory.mkdir(parents=True)
    path = directory / "train.jsonl"
    rows = [dict(record, label=str(record["label"])) for record in RECORDS]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_hf_dataset_from_local_files(offline: Path, tmp_path: Path) -> None:
    data = write_data(tmp_path / "hellaswag")
    dataset = hf_dataset(
        "json",
        split="train",
        data_files=str(data),
        cache_dir=str(offline / "explicit"),
        sample_fields=record_to_sample,
        trust=True,
    )
    assert len(dataset) == 3 and dataset.name == "json" and dataset.location == "json"
    assert [s.target for s in dataset] == ["A", "A", "B"]
    assert [s.id for s in dataset] == [1, 2, 3]
    assert dataset[2].choices == ["falls", "rises", "sings"]
    assert dataset[0].metadata == {"source_id": "s1"}
    assert (offline / "explicit").exists()  # kwargs reach load_dataset


def test_hf_dataset_local_directory_with_field_spec(offline: Path, tmp_path: Path) -> None:
    directory = tmp_path / "local_set"
    write_data(directory)
    dataset = hf_dataset(
        str(directory),
        split="train",
        sample_fields=FieldSpec(input="ctx", target="label", id="source_id", metadata=["label"]),
        shuffle=True,
        seed=1,
        limit=2,
    )
    assert dataset.name == "local_set" and dataset.shuffled and len(dataset) == 2
    assert {s.id for s in dataset} <= {"s1", "s2", "s3"}
    assert all(isinstance(s.target, str) for s in dataset)


def test_hf_dataset_row_errors_name_the_row(offline: Path, tmp_path: Path) -> None:
    data = write_data(tmp_path / "rows")
    with pytest.raises(ValueError, match=r"row 1: no 'input' field \(fields: ctx, endings"):
        hf_dataset("json", split="train", data_files=str(data))


def fake_datasets(monkeypatch: pytest.MonkeyPatch, load: Any) -> None:
    module = types.ModuleType("datasets")
    module.load_dataset = load  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "datasets", module)


def test_trust_passed_only_when_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def old_load(path: str, trust_remote_code: bool = False, **kwargs: Any) -> list[Any]:
        calls.append(dict(kwargs, trust_remote_code=trust_remote_code))
        return [{"input": "q"}]

    def new_load(path: str, **kwargs: Any) -> list[Any]:
        calls.append(kwargs)
        return [{"input": "q"}]

    fake_datasets(monkeypatch, old_load)
    hf_dataset("some/set", split="test", trust=True, cached=False, token="t")
    assert calls[-1]["trust_remote_code"] is True
    assert calls[-1]["download_mode"] == "force_redownload" and calls[-1]["token"] == "t"
    assert calls[-1]["split"] == "test"
    fake_datasets(monkeypatch, new_load)
    dataset = hf_dataset("some/set", split="test", trust=True)
    assert "trust_remote_code" not in calls[-1] and "download_mode" not in calls[-1]
    assert dataset.name == "some/set" and dataset[0].input == "q"


def test_missing_datasets_package_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasets", None)
    with pytest.raises(ValueError) as raised:
        hf_dataset("x", split="train")
    assert str(raised.value) == "hf_dataset() needs the 'datasets' package: pip install datasets"
    assert isinstance(raised.value, ImportError)
