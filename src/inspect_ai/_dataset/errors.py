"""Errors raised for datasets that cannot be read."""


class DatasetError(ValueError):
    """A dataset file or record cannot be turned into samples (the message names where)."""


class MissingPackageError(ImportError, ValueError):
    """An optional package needed by a dataset reader is not installed."""
