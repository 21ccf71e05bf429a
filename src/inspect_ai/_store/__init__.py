"""The per-sample key/value store and typed views of it."""
