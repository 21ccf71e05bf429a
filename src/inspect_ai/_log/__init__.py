"""Eval logs: the data model, the two file formats, reading, writing and listing."""
