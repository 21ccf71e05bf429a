"""Solvers: the task state and the steps that take a sample from its input to an output."""
