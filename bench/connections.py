"""Connection concurrency: 1,000 samples against a local OpenAI-compatible server.

The fake server (``tests/fake_servers/openai_async.py``, its own process, one asyncio loop
so a burst of requests does not queue inside it) answers every chat completion after 0.2 s; the eval runs ``openai-api/fake/model`` (the real ``openai``
client) with ``max_connections=100``, so the ideal is 1,000 / 100 x 0.2 s = 2.0 s. Prints
the wall time of ``eval()`` (imports and server start excluded) against that ideal, and,
for comparison, the same eval on an in-process provider that just sleeps 0.2 s (the
runner's own share, no HTTP at all), each with the CPU time the eval took in this process.

    python bench/connections.py [--samples 1000] [--connections 100] [--delay 0.2] [--runs 3]
"""

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def start_server(delay: float) -> tuple[subprocess.Popen[str], str]:
    """The fake server process and its base URL (the first line it prints)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fake_servers.openai_async", "--delay", str(delay)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def run_eval(samples: int, connections: int, log_dir: str, model: str) -> tuple[float, float]:
    """Wall and CPU seconds (of this process) of one eval of ``samples`` one-call samples."""
    from inspect_ai import Task, eval
    from inspect_ai.dataset import Sample
    from inspect_ai.scorer import includes

    dataset = [Sample(input=f"Question {i}", target="passwords") for i in range(samples)]
    task = Task(dataset=dataset, scorer=includes())
    started, cpu_started = time.perf_counter(), time.process_time()
    [log] = eval(task, model=model, max_connections=connections, log_dir=log_dir, display="none")
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert log.status == "success", log.error
    assert log.results is not None and log.results.scores[0].metrics["accuracy"].value == 1.0
    return wall, cpu


def register_sleepy(delay: float) -> None:
    """``sleepy/model``: answers like the fake server after ``delay`` seconds, in-process."""
    from inspect_ai.model import ModelAPI, ModelOutput, modelapi

    @modelapi(name="sleepy")
    class Sleepy(ModelAPI):
        async def generate(self, *args: Any, **kwargs: Any) -> ModelOutput:
            await asyncio.sleep(delay)
            return ModelOutput.from_content(self.model_name, "Use strong, unique passwords.")


def report(name: str, runs: list[tuple[float, float]], ideal: float) -> None:
    """The best wall time against the ideal, every run, and the CPU time of the best run (the
    event loop's work: on a machine shared with other jobs, a slower wall time with the same
    CPU time is the machine's, not the eval's)."""
    best, cpu = min(runs)
    walls = ", ".join(f"{wall:.2f}" for wall, _ in runs)
    print(
        f"  {name}: {best:.2f} s (ideal {ideal:.2f} s, +{(best / ideal - 1) * 100:.0f}%; "
        f"runs {walls}; cpu {cpu:.2f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server, url = start_server(args.delay)
    os.environ["FAKE_BASE_URL"] = url
    os.environ["FAKE_API_KEY"] = "bench"
    register_sleepy(args.delay)
    try:
        with tempfile.TemporaryDirectory() as log_dir:
            runs = {
                model: [run_eval(args.samples, args.connections, log_dir, model) for _ in range(args.runs)]
                for model in ("openai-api/fake/model", "sleepy/model")
            }  # fmt: skip
    finally:
        server.terminate()
        server.wait()
    ideal = args.samples / args.connections * args.delay
    print(
        f"{args.samples} samples, {args.delay} s per call, max_connections={args.connections}, "
        f"best of {args.runs}"
    )
    report(
        "openai-api/fake/model (fake server, openai client)", runs["openai-api/fake/model"], ideal
    )
    report("sleepy/model (in-process sleep, no HTTP)", runs["sleepy/model"], ideal)


if __name__ == "__main__":
    main()
