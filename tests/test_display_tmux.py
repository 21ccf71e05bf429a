"""The full display in a real terminal (tmux), at 80 and 200 columns: live progress, then
the results and the Log line."""

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TASK_FILE = """
import asyncio
import logging

from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import Generate, TaskState, generate, solver


@solver
def slow():
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        await asyncio.sleep(0.3)
        if state.sample_id == 1:
            logging.getLogger("slow").warning("first sample done")
        return state

    return solve


@task
def slow_arith():
    return Task(
        dataset=[Sample(input=f"{i}+{i}?", target=str(2 * i), id=i) for i in range(1, 11)],
        solver=[slow(), generate()],
        scorer=match(),
    )
"""

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (needed for a real terminal)"
)

Tmux = Callable[..., str]


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """Runs tmux commands on a server of its own, killed afterwards."""
    socket = f"inspect-display-{uuid.uuid4().hex[:8]}"

    def run(*args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, timeout=10
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    try:
        yield run
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10)


def wait_for(capture: Callable[[], str], done: Callable[[str], bool], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    screen = capture()
    while not done(screen) and time.monotonic() < deadline:
        time.sleep(0.1)
        screen = capture()
    return screen


@pytest.mark.parametrize("width", [80, 200])
def test_full_display_in_a_terminal(width: int, tmp_path: Path, tmux: Tmux) -> None:
    (tmp_path / "slow.py").write_text(TASK_FILE)
    inspect = Path(sys.executable).parent / "inspect"
    # (the shell tmux starts may export a stale COLUMNS, which rich would believe)
    command = (
        f"env -u COLUMNS -u LINES {shlex.quote(str(inspect))} eval slow.py --model mockllm/model --display full "
        "--max-samples 1 --log-dir logs; echo EXITED; sleep 60"
    )
    tmux("new-session", "-d", "-s", "eval", "-x", str(width), "-y", "40", "-c", str(tmp_path),
         command)  # fmt: skip

    def capture() -> str:
        return tmux("capture-pane", "-p", "-t", "eval")

    running = wait_for(capture, lambda screen: re.search(r" [1-8]/10 ", screen) is not None, 30)
    print(f"--- running at {width} columns\n{running}")
    assert "slow_arith (10 samples)" in running, running
    assert "mockllm/model" in running and "scorer: match" in running
    assert "connections:" in running
    assert "Log:" not in running
    lines = running.splitlines()
    [warning] = [index for index, line in enumerate(lines) if "first sample done" in line]
    [top] = [index for index, line in enumerate(lines) if line.startswith("╭")]
    assert warning < top  # logging prints above the live panel
    assert len(lines[top]) == min(width, 120)  # the panel fills the terminal, up to 120

    ended = wait_for(capture, lambda screen: "EXITED" in screen, 60)
    print(f"--- ended at {width} columns\n{ended}")
    assert "EXITED" in ended, ended
    assert "slow_arith (10 samples)" in ended
    assert "total time:" in ended and "tokens [" in ended and "accuracy: 0.000" in ended
    [log_line] = [line for line in ended.splitlines() if line.startswith("Log: ")]
    assert log_line.startswith("Log: ./logs/") and log_line.endswith(".eval")
    assert "━" not in ended  # the live panel is gone
    for screen in (running, ended):
        assert max(len(line) for line in screen.splitlines()) <= width
