"""Compose files: which one a task uses (named, found beside the task, or generated),
and the services it declares."""

import os
import tempfile
from dataclasses import dataclass
from typing import Any

import yaml

COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]
"""Compose file names looked for in the task's directory, in order."""

DOCKERFILE = "Dockerfile"
"""A Dockerfile beside the task (with no compose file) is built into the sandbox."""

DEFAULT_IMAGE = "python:3.12-bookworm"
"""Image of the sandbox when the task has neither a compose file nor a Dockerfile."""

_GENERATED_PREFIX = "inspect-compose-"


@dataclass(frozen=True)
class ComposeService:
    """A service of a compose file (each one a sandbox environment of a sample)."""

    name: str
    image: str | None = None
    build: bool = False
    working_dir: str | None = None
    default: bool = False
    """Marked ``x-default: true`` (the default environment)."""


def parse_compose(text: str, source: str = "compose file") -> list[ComposeService]:
    """The services declared in a compose file, the default one first.

    The default service is the one named ``default``, else the one marked
    ``x-default: true``, else the first.

    Raises:
        ValueError: The file is not YAML, or declares no services.
    """
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as ex:
        raise ValueError(f"Invalid {source}: {ex}") from None
    services = document.get("services") if isinstance(document, dict) else None
    if not isinstance(services, dict) or not services:
        raise ValueError(f"The {source} declares no services.")
    parsed = [_service(str(name), body or {}) for name, body in services.items()]
    default = _default_service(parsed)
    return [default, *(service for service in parsed if service is not default)]


def read_compose(path: str) -> list[ComposeService]:
    """The services of the compose file at ``path``."""
    with open(path, encoding="utf-8") as stream:
        return parse_compose(stream.read(), path)


def dockerfile_compose(directory: str) -> str:
    """A compose file building the Dockerfile in ``directory`` as service ``default``."""
    return _compose({"build": {"context": os.path.abspath(directory)}})


def image_compose(image: str = DEFAULT_IMAGE) -> str:
    """A compose file running ``image`` as service ``default``."""
    return _compose({"image": image})


def compose_file_for(config: str | None, directory: str) -> str:
    """The compose file a sandbox uses (a generated one written to a temporary file).

    Args:
        config: A compose file or Dockerfile named by the task (None: look in ``directory``).
        directory: The task's directory.
    """
    if config is not None and os.path.basename(config) != DOCKERFILE:
        return config
    if config is None:
        for name in COMPOSE_FILES:
            if os.path.isfile(os.path.join(directory, name)):
                return os.path.join(directory, name)
    dockerfile = config or os.path.join(directory, DOCKERFILE)
    if os.path.isfile(dockerfile):
        return _write_temporary(dockerfile_compose(os.path.dirname(os.path.abspath(dockerfile))))
    return _write_temporary(image_compose())


def is_generated(path: str) -> bool:
    """Whether ``path`` is a compose file ``compose_file_for()`` generated."""
    name = os.path.basename(path)
    return name.startswith(_GENERATED_PREFIX) and os.path.dirname(path) == tempfile.gettempdir()


def _service(name: str, body: dict[str, Any]) -> ComposeService:
    return ComposeService(
        name=name,
        image=body.get("image"),
        build="build" in body,
        working_dir=body.get("working_dir"),
        default=body.get("x-default") is True,
    )


def _default_service(services: list[ComposeService]) -> ComposeService:
    for service in services:
        if service.name == "default":
            return service
    return next((service for service in services if service.default), services[0])


def _compose(service: dict[str, Any]) -> str:
    body = {
        **service,
        "command": "tail -f /dev/null",
        "init": True,
        "network_mode": "none",
        "stop_grace_period": "1s",
    }
    return yaml.safe_dump({"services": {"default": body}}, sort_keys=False)


def _write_temporary(contents: str) -> str:
    handle, path = tempfile.mkstemp(prefix=_GENERATED_PREFIX, suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(contents)
    return path
