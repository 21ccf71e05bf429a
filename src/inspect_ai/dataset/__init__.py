"""Datasets: samples and the sources they are read from."""

from inspect_ai._dataset.csv_dataset import csv_dataset
from inspect_ai._dataset.dataset import Dataset, MemoryDataset
from inspect_ai._dataset.example_dataset import example_dataset
from inspect_ai._dataset.field_spec import FieldSpec, RecordToSample
from inspect_ai._dataset.file_dataset import file_dataset
from inspect_ai._dataset.hf_dataset import hf_dataset
from inspect_ai._dataset.json_dataset import json_dataset
from inspect_ai._dataset.sample import Sample

__all__ = [
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
