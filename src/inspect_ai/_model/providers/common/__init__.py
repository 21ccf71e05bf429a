"""Helpers shared by several provider adapters: media, transport errors, packages,
per-event-loop clients, the OpenAI-style chat wire format and plain REST calls."""
