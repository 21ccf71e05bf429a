"""Scoring: scores, values and their edits (scorers and metrics come with the runner)."""
