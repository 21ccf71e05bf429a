"""Where a scored log is written: the ``-scored`` name beside the original."""

SCORED_SUFFIX = "-scored"
"""Added to the name of a log file scored without overwriting it."""


def scored_location(location: str) -> str:
    """The ``-scored`` file for ``location`` (``x.eval`` -> ``x-scored.eval``).

    A file whose name already ends in ``-scored`` is its own scored file: scoring it
    again overwrites it, as the guide describes.
    """
    stem, extension = split_extension(location)
    if is_scored(location):
        return location
    return f"{stem}{SCORED_SUFFIX}{extension}"


def is_scored(location: str) -> bool:
    """Whether the file name (before its extension) ends in ``-scored``."""
    return split_extension(location)[0].endswith(SCORED_SUFFIX)


def split_extension(location: str) -> tuple[str, str]:
    """``location`` split before the extension of its last path component."""
    slash = max(location.rfind("/"), location.rfind("\\"))
    dot = location.rfind(".")
    if dot <= slash + 1:
        return location, ""
    return location[:dot], location[dot:]


def output_location(log_file: str, output_file: str | None, overwrite: bool | None) -> str:
    """Where ``inspect score`` writes the scored log.

    ``--output-file`` wins; otherwise the log is overwritten (the default, as the guide
    describes) unless ``--no-overwrite`` asks for the ``-scored`` file beside it. A log
    already named ``-scored`` is always overwritten.
    """
    if output_file:
        return output_file
    return scored_location(log_file) if overwrite is False else log_file
