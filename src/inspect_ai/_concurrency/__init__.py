"""Limits on concurrent work: named limits and subprocesses."""
