"""Datasets: samples and their sources (readers come with the runner)."""
