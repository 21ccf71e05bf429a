"""Datasets: samples, the ``Dataset`` sequence, and readers for files, the Hub and examples."""
