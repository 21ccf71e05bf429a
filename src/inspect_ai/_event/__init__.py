"""Transcript events: what happened while a sample ran."""
