"""Errors a provider raises that the model layer treats specially."""


class ModelContextLengthError(Exception):
    """The conversation does not fit the model's context window.

    Providers raise this when the vendor says so; the sample then ends with a
    ``context`` limit instead of an error.
    """
