"""Shared test configuration: where the compatibility fixtures live."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
UPSTREAM = FIXTURES / "upstream-logs"
LEGACY = FIXTURES / "upstream-legacy"


@pytest.fixture(autouse=True)
def _isolated_log_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests from reading or writing a real ./logs or a user's INSPECT_LOG_DIR."""
    monkeypatch.delenv("INSPECT_LOG_DIR", raising=False)
    monkeypatch.delenv("INSPECT_EVAL_LOG_FILE_PATTERN", raising=False)
