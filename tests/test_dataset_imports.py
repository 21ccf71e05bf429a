"""`import inspect_ai.dataset` stays light: fsspec and `datasets` load only when needed."""

import subprocess
import sys

import inspect_ai.dataset


def test_dataset_import_is_light() -> None:
    code = "import sys, inspect_ai.dataset; print('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    roots = {name.split(".")[0] for name in output.split()}
    assert not roots & {"fsspec", "datasets", "pyarrow", "pandas", "click", "rich"}


def test_public_api() -> None:
    assert sorted(inspect_ai.dataset.__all__) == [
        "Dataset",
        "FieldSpec",
        "MemoryDataset",
        "RecordToSample",
        "Sample",
        "csv_dataset",
        "example_dataset",
        "file_dataset",
        "hf_dataset",
        "json_dataset",
    ]
    from inspect_ai._dataset.dataset import Dataset, MemoryDataset

    assert inspect_ai.dataset.MemoryDataset is MemoryDataset
    assert inspect_ai.dataset.Dataset is Dataset
