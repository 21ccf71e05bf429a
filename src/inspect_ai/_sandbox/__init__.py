"""Sandbox environments in which tools run (providers come with the tools issue)."""
