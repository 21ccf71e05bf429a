"""The installed version of the package."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _package_version


def package_version() -> str:
    """Version of the ``openinspect`` distribution (``0.0.0`` when not installed)."""
    try:
        return _package_version("openinspect")
    except PackageNotFoundError:
        return "0.0.0"
