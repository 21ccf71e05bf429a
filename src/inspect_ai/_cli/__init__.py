"""The ``inspect`` command line."""
