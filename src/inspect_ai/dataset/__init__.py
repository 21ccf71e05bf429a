"""Datasets: samples and the sources they are read from."""

from inspect_ai._dataset.sample import Sample

__all__ = ["Sample"]
