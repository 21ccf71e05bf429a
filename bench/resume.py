"""Resuming an interrupted eval: retry a 10,000-sample log that stopped at 9,000 samples.

Runs a 10,000-sample task on mockllm, then makes from its log one that stopped early:
status ``error`` and only its first 9,000 samples (as a crash or an error leaves it).
Then times ``inspect eval-retry`` on that log, in a fresh process (interpreter start and
imports included): it reuses the 9,000 samples and runs the last 1,000. Prints the wall
time, the samples reused and run, and the same figure for ``eval_retry()`` in-process.

    python bench/resume.py [--samples 10000] [--completed 9000] [--runs 3]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TASK_FILE = textwrap.dedent(
    """
    import os
    from inspect_ai import Task, task
    from inspect_ai.dataset import Sample
    from inspect_ai.scorer import match

    @task
    def resume():
        n = int(os.environ["BENCH_SAMPLES"])
        dataset = [Sample(id=i, input=f"What is {i} + {i}?", target=str(2 * i)) for i in range(n)]
        return Task(dataset=dataset, scorer=match())
    """
)

IN_PROCESS = textwrap.dedent(
    """
    import sys, time
    started = time.perf_counter()
    from inspect_ai import eval_retry
    [log] = eval_retry(sys.argv[1], log_dir=sys.argv[2], display="none", log_header_only=True)
    assert log.status == "success", log.error
    print(time.perf_counter() - started)
    """
)


def interrupted_log(directory: Path, samples: int, completed: int) -> str:
    """The log of a ``samples``-sample eval cut back to its first ``completed`` samples."""
    from inspect_ai import eval
    from inspect_ai.log import read_eval_log, write_eval_log

    (directory / "resume.py").write_text(TASK_FILE)
    os.environ["BENCH_SAMPLES"] = str(samples)
    [log] = eval(
        str(directory / "resume.py"), model="mockllm/model", log_dir=str(directory / "full"),
        display="none", log_header_only=True,
    )  # fmt: skip
    full = read_eval_log(log.location)
    full.samples = [sample for sample in full.samples or [] if int(sample.id) < completed]
    full.status, full.results, full.reductions = "error", None, None
    location = str(directory / "interrupted" / Path(log.location).name)
    (directory / "interrupted").mkdir()
    write_eval_log(full, location)
    return location


def run_retry(directory: Path, location: str, run: int) -> tuple[float, int, int]:
    """Wall seconds of ``inspect eval-retry`` and the samples reused and run."""
    from inspect_ai.log import read_eval_log_sample_summaries

    out = directory / f"retry-{run}"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "inspect_ai._cli.main", "eval-retry", location, "--log-dir",
         str(out), "--display", "none"],
        cwd=directory, check=True,
    )  # fmt: skip
    wall = time.perf_counter() - started
    [new] = list(out.glob("*.eval"))
    old_uuids = {s.uuid for s in read_eval_log_sample_summaries(location)}
    summaries = read_eval_log_sample_summaries(str(new))
    reused = sum(1 for s in summaries if s.uuid in old_uuids)
    return wall, reused, len(summaries) - reused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--completed", type=int, default=9_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        directory = Path(temp)
        location = interrupted_log(directory, args.samples, args.completed)
        walls = []
        for run in range(args.runs):
            wall, reused, ran = run_retry(directory, location, run)
            walls.append(wall)
            print(f"inspect eval-retry: {wall:.2f} s ({reused} samples reused, {ran} run)")
        in_process = subprocess.run(
            [sys.executable, "-c", IN_PROCESS, location, str(directory / "api")],
            cwd=directory, check=True, capture_output=True, text=True,
        )  # fmt: skip
        print(f"eval_retry() in a fresh process: {float(in_process.stdout):.2f} s (after start)")
        print(f"best inspect eval-retry: {min(walls):.2f} s (target <= 3 s)")


if __name__ == "__main__":
    main()
