"""Scoring: scores, scorers, metrics, epoch reducers and the results of an eval."""
