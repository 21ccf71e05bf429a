"""Scoring the samples of a finished log again: ``score()`` and ``inspect score``."""
