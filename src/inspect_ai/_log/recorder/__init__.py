"""Recorders write a log while its eval runs: start, samples in batches, finish."""
