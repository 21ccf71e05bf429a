"""Shared test configuration: where the compatibility fixtures live, and log dirs built from them."""

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from inspect_ai.log import read_eval_log_sample

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
UPSTREAM = FIXTURES / "upstream-logs"
LEGACY = FIXTURES / "upstream-legacy"

BASE_MTIME = 1_800_000_000.0


def build_log_dir(root: Path, files: list[str | tuple[str, str]]) -> list[Path]:
    """Copy upstream fixtures into ``root``, oldest first, returning the copies.

    Each item is a fixture name, or ``(fixture name, relative target path)``. The copies get
    modification times 10 seconds apart in list order, so the last one is the most recent.
    """
    copies = []
    for index, item in enumerate(files):
        source, target = (item, item) if isinstance(item, str) else item
        destination = root / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(UPSTREAM / source, destination)
        os.utime(destination, (BASE_MTIME + 10 * index, BASE_MTIME + 10 * index))
        copies.append(destination)
    return copies


@pytest.fixture(autouse=True)
def _isolated_log_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests from reading or writing a real ./logs, a user's INSPECT_LOG_DIR or model cache."""
    monkeypatch.delenv("INSPECT_LOG_DIR", raising=False)
    monkeypatch.delenv("INSPECT_EVAL_LOG_FILE_PATTERN", raising=False)
    monkeypatch.setenv("INSPECT_CACHE_DIR", str(tmp_path / "inspect-cache"))
    monkeypatch.setenv("INSPECT_DATA_DIR", str(tmp_path / "inspect-data"))  # sample buffers


@pytest.fixture
def memory_root() -> Iterator[str]:
    """A fresh directory on fsspec's in-memory filesystem, removed afterwards."""
    root = f"memory://test-{uuid.uuid4().hex}"
    yield root
    fs = fsspec.filesystem("memory")
    if fs.exists(root):
        fs.rm(root, recursive=True)


def assert_absent_sample_error(path: Path, id: int | str, epoch: int) -> None:
    """Reading an absent sample raises an IndexError whose message names its id and epoch."""
    with pytest.raises(IndexError) as raised:
        read_eval_log_sample(path, id, epoch)
    message = str(raised.value).replace(str(path), "")
    assert re.search(rf"\b{re.escape(str(id))}\b", message)
    assert re.search(rf"epoch\D{{0,3}}{epoch}\b", message)
