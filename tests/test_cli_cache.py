"""``inspect cache`` and the cache upkeep functions: path, list, prune and clear."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from inspect_ai._cli.cache import _human_size
from inspect_ai._cli.main import inspect
from inspect_ai.model import cache_clear, cache_list_expired, cache_path, cache_prune

LIVE = "openai/gpt-4o"
MIXED = "anthropic/claude"


def add_entry(model: str, index: int, expired: bool, size: int = 100) -> Path:
    """An entry of ``model`` that expired an hour ago, or expires in an hour."""
    path = cache_path(model) / f"{index:064x}"
    path.parent.mkdir(parents=True, exist_ok=True)
    expires = time.time() + (-3600 if expired else 3600)
    header = json.dumps({"created": time.time() - 7200, "expires": expires}).encode()
    path.write_bytes(header + b"\n" + b"x" * (size - len(header) - 1))
    return path


@pytest.fixture
def cache() -> dict[str, list[Path]]:
    """Two live entries of one model; one live and two expired entries of another."""
    return {
        LIVE: [add_entry(LIVE, 1, False), add_entry(LIVE, 2, False, 1948)],
        MIXED: [add_entry(MIXED, 3, False), add_entry(MIXED, 4, True), add_entry(MIXED, 5, True)],
    }


def run(*args: str) -> Result:
    return CliRunner().invoke(inspect, ["cache", *args])


def test_path(tmp_path: Path) -> None:
    result = run("path")
    assert result.exit_code == 0
    assert result.output.strip() == str(tmp_path / "inspect-cache" / "generate")


def test_the_command_is_registered_lazily(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", "cache", "path"],
        capture_output=True, text=True, env={**os.environ, "INSPECT_CACHE_DIR": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "generate")
    listed = subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", "--help"], capture_output=True, text=True
    )
    assert "Manage the cache of model outputs." in listed.stdout


def test_the_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG applies on Linux")
    monkeypatch.delenv("INSPECT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_path() == tmp_path / "xdg" / "inspect_ai" / "generate"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_path() == tmp_path / "home" / ".cache" / "inspect_ai" / "generate"


def test_list(cache: dict[str, list[Path]]) -> None:
    result = run("list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"Cache: {cache_path()}"
    assert lines[1].split() == [MIXED, "300", "B"]
    assert lines[2].split() == [LIVE, "2.0", "KB"]
    assert lines[3].split() == ["total", "2.3", "KB"]


def test_list_pruneable(cache: dict[str, list[Path]]) -> None:
    result = run("list", "--pruneable")
    assert result.exit_code == 0
    assert [line.split() for line in result.output.splitlines()[1:]] == [
        [MIXED, "200", "B"], ["total", "200", "B"]
    ]  # fmt: skip


def test_an_empty_cache() -> None:
    assert run("list").output.strip() == "The cache is empty."
    assert run("list", "--pruneable").output.strip() == "No expired cache entries."
    assert run("prune").output.strip() == "No expired cache entries."
    assert run("clear", "--all").output.strip() == "The cache is empty."


def test_prune(cache: dict[str, list[Path]]) -> None:
    result = run("prune")
    assert result.exit_code == 0
    assert "Pruned:" in result.output and MIXED in result.output
    assert [path.exists() for path in cache[MIXED]] == [True, False, False]
    assert all(path.exists() for path in cache[LIVE])


def test_prune_a_model(cache: dict[str, list[Path]]) -> None:
    expired = add_entry(LIVE, 6, True)
    assert run("prune", "--model", MIXED).exit_code == 0
    assert expired.exists() and not cache[MIXED][1].exists()
    assert run("prune", "--model", LIVE, "--model", "other/model").exit_code == 0
    assert not expired.exists() and all(path.exists() for path in cache[LIVE])


def test_clear_models(cache: dict[str, list[Path]]) -> None:
    result = run("clear", "--model", MIXED, "--model", "other/model")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"Cleared the cache of {MIXED} (300 B).", "No cache for other/model."
    ]  # fmt: skip
    assert not cache_path(MIXED).exists() and cache_path(LIVE).exists()


def test_clear_a_provider(cache: dict[str, list[Path]]) -> None:
    assert run("clear", "--model", "openai").exit_code == 0
    assert not cache_path("openai").exists() and cache_path(MIXED).exists()


def test_clear_all(cache: dict[str, list[Path]]) -> None:
    result = run("clear", "--all")
    assert result.exit_code == 0
    assert result.output.strip() == f"Cleared the cache at {cache_path()} (2.3 KB)."
    assert not cache_path().exists() and cache_path().parent.exists()


@pytest.mark.parametrize("args", [[], ["--all", "--model", LIVE]])
def test_clear_needs_all_or_models(cache: dict[str, list[Path]], args: list[str]) -> None:
    result = run("clear", *args)
    assert result.exit_code == 2
    assert "Use either --all or --model." in result.output
    assert cache_path(LIVE).exists()


def test_cache_list_expired(cache: dict[str, list[Path]]) -> None:
    assert sorted(cache_list_expired()) == cache[MIXED][1:]
    assert sorted(cache_list_expired([MIXED, LIVE])) == cache[MIXED][1:]
    assert cache_list_expired([LIVE]) == []


def test_unreadable_entries_are_pruneable_and_other_files_are_left(
    cache: dict[str, list[Path]],
) -> None:
    corrupt = cache_path(LIVE) / f"{7:064x}"
    corrupt.write_bytes(b"not json")
    temporary = cache_path(LIVE) / f".{corrupt.name}.abc.tmp"
    temporary.write_bytes(b"")
    assert corrupt in cache_list_expired([LIVE])
    cache_prune()
    assert not corrupt.exists() and temporary.exists()


def test_cache_prune_files(cache: dict[str, list[Path]]) -> None:
    live, expired = cache[MIXED][0], cache[MIXED][1]
    cache_prune([live, expired])  # only expired entries are deleted
    assert live.exists() and not expired.exists() and cache[MIXED][2].exists()
    cache_prune([])
    assert cache[MIXED][2].exists()


def test_cache_clear(cache: dict[str, list[Path]]) -> None:
    assert cache_clear(LIVE) is True
    assert cache_clear(LIVE) is False
    assert cache_clear() is True
    assert cache_clear() is False


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1536, "1.5 KB"),
     (5 * 1024**2, "5.0 MB"), (3 * 1024**3, "3.0 GB"), (2 * 1024**5, "2048.0 TB")],
)  # fmt: skip
def test_human_sizes(size: int, text: str) -> None:
    assert _human_size(size) == text
