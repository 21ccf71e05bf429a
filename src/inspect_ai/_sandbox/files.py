"""A sample's ``files``: each written into its sandbox before the sample runs.

A key is a path in the sandbox (relative paths are relative to its working directory),
optionally prefixed with the name of an environment (``"victim:flag.txt"``). A value is
a ``data:`` URI, the path or URL of a file to copy, or else the contents themselves.
"""

import asyncio
import base64
import os
import urllib.parse

from inspect_ai._log import filesystem
from inspect_ai._sandbox.environment import SandboxEnvironment


async def write_sample_files(
    files: dict[str, str],
    environments: dict[str, SandboxEnvironment],
    base_dir: str | None,
) -> None:
    """Write ``files`` into ``environments`` (the first is the default one).

    Args:
        files: Sandbox path (optionally ``<environment>:<path>``) -> contents or source.
        environments: The sample's environments by name.
        base_dir: Directory relative source paths are relative to (None: the working one).
    """
    for key, value in files.items():
        environment, path = _target(key, environments)
        contents = await asyncio.to_thread(file_contents, value, base_dir)
        await environment.write_file(path, contents)


def file_contents(value: str, base_dir: str | None) -> str | bytes:
    """The contents ``value`` stands for: a data URI decoded, a file read, or itself."""
    if value.startswith("data:"):
        return _decode_data_uri(value)
    location = _source(value, base_dir)
    return value if location is None else filesystem.read_bytes(location)


def _target(
    key: str, environments: dict[str, SandboxEnvironment]
) -> tuple[SandboxEnvironment, str]:
    name, separator, path = key.partition(":")
    if separator and name in environments:
        return environments[name], path
    return next(iter(environments.values())), key


def _source(value: str, base_dir: str | None) -> str | None:
    """The file ``value`` names, if it names one that exists."""
    if not value or len(value) > 1024 or "\n" in value:
        return None
    if "://" in value:
        return value if filesystem.exists(value) else None
    path = value if os.path.isabs(value) else os.path.join(base_dir or os.getcwd(), value)
    return path if os.path.isfile(path) else None


def _decode_data_uri(uri: str) -> bytes:
    header, separator, data = uri.partition(",")
    if not separator:
        raise ValueError(f"Malformed data URI: {uri[:40]}...")
    if header.endswith(";base64"):
        return base64.b64decode(data)
    return urllib.parse.unquote_to_bytes(data)
