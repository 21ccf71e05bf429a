"""Optional provider packages: imported on demand, a one-line error when missing."""

import importlib
from types import ModuleType

from inspect_ai._model.api_key import PrerequisiteError


def require_package(module: str, package: str, provider: str) -> ModuleType:
    """Import ``module`` (from the PyPI ``package``) for ``provider``.

    Raises:
        PrerequisiteError: The package is not installed (naming ``pip install package``).
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise PrerequisiteError(
            f"The '{provider}' provider requires the {package} package: pip install {package}"
        ) from None
