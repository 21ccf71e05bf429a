"""CLI startup: wall time of ``inspect --help`` and ``inspect eval --help``.

Each run is a fresh process (``python -m inspect_ai._cli.main``, as the ``inspect``
script runs it); prints the best of N runs per command. The target is 0.25 s each.

    python bench/cli_startup.py [--runs 10]
"""

import argparse
import subprocess
import sys
import time

COMMANDS = [["--help"], ["eval", "--help"]]
TARGET_SECONDS = 0.25


def wall_time(args: list[str]) -> float:
    """Seconds for one fresh process to run ``inspect <args>``."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", *args],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="Runs per command (best is kept).")
    runs = parser.parse_args().runs
    for args in COMMANDS:
        best = min(wall_time(args) for _ in range(runs))
        verdict = "ok" if best <= TARGET_SECONDS else f"over {TARGET_SECONDS} s"
        print(f"inspect {' '.join(args):<12} {best:.3f} s  (best of {runs}; {verdict})")


if __name__ == "__main__":
    main()
