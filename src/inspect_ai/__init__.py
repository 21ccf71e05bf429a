"""Inspect: a framework for large language model evaluations."""

__version__ = "0.1.0"

__all__ = ["__version__"]
