"""csv_dataset / json_dataset / file_dataset: formats, field mapping, ids, paths and errors."""

import json
import os
from pathlib import Path
from typing import Any

import fsspec
import pytest

from inspect_ai._model.content import ContentImage, ContentText
from inspect_ai._model.message import ChatMessageSystem, ChatMessageUser
from inspect_ai.dataset import (
    FieldSpec,
    Sample,
    csv_dataset,
    file_dataset,
    json_dataset,
)

RECORDS: list[dict[str, Any]] = [
    {"question": "What is 1+1?", "answer": 2, "qid": "a", "level": "easy", "source": "x"},
    {"question": "What is 2+2?", "answer": "4", "qid": "b", "level": "hard", "source": "y"},
]
SPEC = FieldSpec(input="question", target="answer", id="qid", metadata=["level"])


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_jsonl_field_mapping_and_metadata_selection(tmp_path: Path) -> None:
    dataset = json_dataset(write_jsonl(tmp_path / "popularity.jsonl", RECORDS), SPEC)
    assert [s.input for s in dataset] == ["What is 1+1?", "What is 2+2?"]
    assert [s.target for s in dataset] == ["2", "4"]  # numbers become text
    assert [s.id for s in dataset] == ["a", "b"]
    assert [s.metadata for s in dataset] == [{"level": "easy"}, {"level": "hard"}]
    assert dataset.name == "popularity"
    assert dataset.location == str(tmp_path / "popularity.jsonl")


def test_json_array_with_default_fields(tmp_path: Path) -> None:
    records = [
        {"input": "q1", "target": ["a", "b"], "choices": ["x", "y"], "metadata": {"k": 1}},
        {"input": "q2", "target": "t", "extra": "ignored"},
    ]
    path = tmp_path / "data.json"
    path.write_text(json.dumps(records))
    dataset = json_dataset(str(path))
    first, second = dataset[0], dataset[1]
    assert (first.target, first.choices, first.metadata) == (["a", "b"], ["x", "y"], {"k": 1})
    assert (second.target, second.metadata, second.choices) == ("t", None, None)
    assert [s.id for s in dataset] == [1, 2]


def test_csv_with_metadata_json_text_and_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "security.csv"
    path.write_text(
        'input,target,metadata\n"What, exactly?",yes,"{""topic"": ""web""}"\nSecond,no,\n'
    )
    dataset = csv_dataset(path)
    assert [s.input for s in dataset] == ["What, exactly?", "Second"]
    assert [s.metadata for s in dataset] == [{"topic": "web"}, None]
    assert [s.id for s in dataset] == [1, 2] and dataset.name == "security"

    mapped = tmp_path / "mapped.csv"
    mapped.write_text("q;a;level;other\nWhy?;because;1;z\n")
    sample = csv_dataset(
        mapped, FieldSpec(input="q", target="a", metadata=["level"]), delimiter=";"
    )[0]
    assert (sample.input, sample.target, sample.metadata) == ("Why?", "because", {"level": "1"})


def test_csv_fieldnames_without_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("one,uno\ntwo,dos\n")
    dataset = csv_dataset(path, fieldnames=["input", "target"])
    assert [(s.input, s.target) for s in dataset] == [("one", "uno"), ("two", "dos")]


def test_file_dataset_dispatches_on_extension(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("input,target\na,b\n")
    write_jsonl(tmp_path / "d.jsonl", [{"input": "c", "target": "d"}])
    assert file_dataset(tmp_path / "d.csv")[0].target == "b"
    assert file_dataset(tmp_path / "d.jsonl")[0].target == "d"


def test_auto_ids(tmp_path: Path) -> None:
    records = [{"input": "a", "id": "x"}, {"input": "b"}, {"input": "c", "id": "z"}]
    path = write_jsonl(tmp_path / "ids.jsonl", records)
    assert [s.id for s in json_dataset(path)] == ["x", 2, "z"]
    assert [s.id for s in json_dataset(path, auto_id=True)] == [1, 2, 3]


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dup.jsonl", [{"input": "a", "id": 1}, {"input": "b", "id": 1}])
    with pytest.raises(ValueError, match="duplicate sample id 1"):
        json_dataset(path)


def test_record_to_sample_function_may_return_lists(tmp_path: Path) -> None:
    def to_samples(record: dict[str, Any]) -> list[Sample]:
        return [Sample(input=f"{record['question']} ({n})") for n in range(2)]

    dataset = json_dataset(write_jsonl(tmp_path / "r.jsonl", RECORDS), to_samples)
    assert len(dataset) == 4 and [s.id for s in dataset] == [1, 2, 3, 4]
    single = json_dataset(
        tmp_path / "r.jsonl", lambda r: Sample(input=r["question"], target=str(r["answer"]))
    )
    assert [s.target for s in single] == ["2", "4"]


def test_shuffle_with_seed_and_limit(tmp_path: Path) -> None:
    records = [{"input": f"q{n}"} for n in range(30)]
    path = write_jsonl(tmp_path / "many.jsonl", records)
    first = json_dataset(path, shuffle=True, seed=5)
    second = json_dataset(path, shuffle=True, seed=5)
    assert [s.id for s in first] == [s.id for s in second] != list(range(1, 31))
    assert first.shuffled and not json_dataset(path).shuffled
    assert [s.id for s in json_dataset(path, limit=3)] == [1, 2, 3]
    limited = json_dataset(path, shuffle=True, seed=5, limit=4)
    assert [s.id for s in limited] == [s.id for s in first][:4]


def test_reader_shuffle_choices_remaps_target(tmp_path: Path) -> None:
    choices = ["w", "x", "y", "z"]
    records = [{"input": f"q{n}", "choices": choices, "target": "B"} for n in range(10)]
    dataset = json_dataset(write_jsonl(tmp_path / "mc.jsonl", records), shuffle_choices=3)
    for sample in dataset:
        assert sample.choices is not None and isinstance(sample.target, str)
        assert sample.choices[ord(sample.target) - ord("A")] == "x"
    assert len({tuple(s.choices or []) for s in dataset}) > 1


def test_chat_message_input(tmp_path: Path) -> None:
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What cookie attributes should I use?"},
    ]
    dataset = json_dataset(write_jsonl(tmp_path / "chat.jsonl", [{"input": messages}]))
    sample_input = dataset[0].input
    assert isinstance(sample_input, list)
    assert isinstance(sample_input[0], ChatMessageSystem)
    assert isinstance(sample_input[1], ChatMessageUser)
    assert sample_input[1].text == "What cookie attributes should I use?"


def test_image_and_files_paths_resolve_against_dataset_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "images").mkdir(parents=True)
    (data_dir / "images" / "picture.png").write_bytes(b"\x89PNG")
    (data_dir / "setup.sh").write_text("echo hi")
    content = [
        {"type": "text", "text": "What is this a picture of?"},
        {"type": "image", "image": "images/picture.png"},
        {"type": "image", "image": "https://example.com/cat.png"},
        {"type": "image", "image": "data:image/png;base64,AAAA"},
        {"type": "image", "image": "missing.png"},
    ]
    record = {
        "input": [{"role": "user", "content": content}],
        "files": {"/root/setup.sh": "setup.sh", "/root/note.txt": "inline contents"},
    }
    write_jsonl(data_dir / "images.jsonl", [record])
    monkeypatch.chdir(tmp_path)  # read through a relative path from elsewhere
    sample = json_dataset(os.path.join("data", "images.jsonl"))[0]
    assert isinstance(sample.input, list) and not isinstance(sample.input[0].content, str)
    items = sample.input[0].content
    assert isinstance(items[0], ContentText)
    images = [item.image for item in items if isinstance(item, ContentImage)]
    assert images == [
        str(data_dir / "images" / "picture.png"),
        "https://example.com/cat.png",
        "data:image/png;base64,AAAA",
        "missing.png",
    ]
    assert sample.files == {
        "/root/setup.sh": str(data_dir / "setup.sh"),
        "/root/note.txt": "inline contents",
    }


def test_memory_url(memory_root: str) -> None:
    fs = fsspec.filesystem("memory")
    location = f"{memory_root}/sets/qa.jsonl"
    fs.pipe(location, b'{"input": "q", "target": "a"}\n{"input": "r", "target": "b"}\n')
    fs.pipe(f"{memory_root}/sets/pic.png", b"png")
    fs.pipe(f"{memory_root}/sets/qa.csv", b"input,target\nx,y\n")
    fs.pipe(
        f"{memory_root}/sets/img.json",
        json.dumps(
            [{"input": [{"role": "user", "content": [{"type": "image", "image": "pic.png"}]}]}]
        ).encode(),
    )
    dataset = json_dataset(location)
    assert [(s.input, s.target) for s in dataset] == [("q", "a"), ("r", "b")]
    assert (dataset.name, dataset.location) == ("qa", location)
    assert csv_dataset(f"{memory_root}/sets/qa.csv")[0].target == "y"
    image_input = json_dataset(f"{memory_root}/sets/img.json")[0].input
    assert isinstance(image_input, list) and not isinstance(image_input[0].content, str)
    image = image_input[0].content[0]
    assert isinstance(image, ContentImage)
    assert image.image.endswith("/sets/pic.png") and image.image.startswith("memory://")


def test_row_missing_input_names_row_and_file(tmp_path: Path) -> None:
    records = [{"input": "a"}, {"input": "b"}, {"question": "c", "answer": "d"}]
    path = write_jsonl(tmp_path / "security_guide.jsonl", records)
    with pytest.raises(ValueError) as raised:
        json_dataset(path)
    message = str(raised.value)
    assert "security_guide.jsonl, row 3: no 'input' field (fields: question, answer)" in message
    assert "\n" not in message

    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("question,answer\nq,a\n")
    with pytest.raises(ValueError, match=r"bad\.csv, row 1: no 'input' field"):
        csv_dataset(csv_path)


def test_record_function_key_error_names_row(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "f.jsonl", [{"question": "a"}, {"other": "b"}])
    with pytest.raises(ValueError, match=r"f\.jsonl, row 2: no field 'question'"):
        json_dataset(path, lambda record: Sample(input=record["question"]))


def test_malformed_json_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"input": "a"}\n\n{"input": "b",\n')
    with pytest.raises(ValueError, match=r"broken\.jsonl, line 3: invalid JSON"):
        json_dataset(path)
    array = tmp_path / "broken.json"
    array.write_text('[{"input": "a"},\n {"input": }]')
    with pytest.raises(ValueError, match=r"broken\.json, line 2, column \d+: invalid JSON"):
        json_dataset(array)
    not_array = tmp_path / "object.json"
    not_array.write_text('{"input": "a"}')
    with pytest.raises(ValueError, match="expected a JSON array"):
        json_dataset(not_array)


def test_bad_values_are_one_line_errors(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "bad.jsonl", [{"input": "ok"}, {"input": [{"role": "robot", "content": "x"}]}]
    )
    with pytest.raises(ValueError, match=r"bad\.jsonl, row 2: 'input' is not a list of chat"):
        json_dataset(path)
    csv_path = tmp_path / "meta.csv"
    csv_path.write_text("input,metadata\na,{not json\n")
    with pytest.raises(ValueError, match=r"meta\.csv, row 1: 'metadata' is not valid JSON"):
        csv_dataset(csv_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as raised:
        json_dataset(tmp_path / "nothing.jsonl")
    assert raised.value.filename == str(tmp_path / "nothing.jsonl")
