"""Solvers: the steps that take a sample from its input to an output."""

__all__: list[str] = []
