"""Runner overhead: 10,000 samples on mockllm, and 200 samples on a model that sleeps.

Each measurement runs in a fresh process. Prints wall seconds, samples per second and
peak RSS for the 10,000-sample run (through ``inspect eval``, and through ``eval()``, which
returns the log with every sample in memory), and wall seconds against the ideal for the
latency run.

    python bench/overhead.py [--samples 10000] [--latency-samples 200]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time

THROUGHPUT = textwrap.dedent(
    """
    import json, resource, sys, time
    started = time.perf_counter()
    from inspect_ai import Task, eval
    from inspect_ai.dataset import Sample
    from inspect_ai.scorer import match

    n, log_dir = int(sys.argv[1]), sys.argv[2]
    dataset = [Sample(input=f"What is {i} + {i}?", target=str(2 * i)) for i in range(n)]
    task = Task(dataset=dataset, scorer=match())
    log = eval(task, model="mockllm/model", log_dir=log_dir, display="none")[0]
    assert log.status == "success", log.error
    wall = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "rss_mb": rss, "samples": len(log.samples or [])}))
    """
)

TASK_FILE = textwrap.dedent(
    """
    import os
    from inspect_ai import Task, task
    from inspect_ai.dataset import Sample
    from inspect_ai.scorer import match

    @task
    def overhead():
        n = int(os.environ["BENCH_SAMPLES"])
        dataset = [Sample(input=f"What is {i} + {i}?", target=str(2 * i)) for i in range(n)]
        return Task(dataset=dataset, scorer=match())
    """
)

LATENCY = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from inspect_ai import Task, eval
    from inspect_ai.dataset import Sample
    from inspect_ai.model import GenerateConfig, ModelAPI, ModelOutput, modelapi

    @modelapi(name="sleepy")
    class Sleepy(ModelAPI):
        async def generate(self, input, tools, tool_choice, config):
            await asyncio.sleep(0.5)
            return ModelOutput.from_content(model=self.model_name, content="done")

    n, log_dir = int(sys.argv[1]), sys.argv[2]
    task = Task(dataset=[Sample(input=f"q{i}") for i in range(n)])
    started = time.perf_counter()
    log = eval(task, model="sleepy/model", log_dir=log_dir, max_connections=50, display="none")[0]
    wall = time.perf_counter() - started
    assert log.status == "success", log.error
    print(json.dumps({"wall": wall}))
    """
)


def run(script: str, *args: str) -> dict[str, float]:
    """Run ``script`` in a fresh interpreter and parse the JSON line it prints."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def run_cli(samples: int, log_dir: str) -> dict[str, float]:
    """``inspect eval`` on the throughput task in a fresh process: wall seconds, peak RSS."""
    task_file = os.path.join(log_dir, "overhead_task.py")
    with open(task_file, "w") as f:
        f.write(TASK_FILE)
    inspect = os.path.join(os.path.dirname(sys.executable), "inspect")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["BENCH_SAMPLES"] = str(samples)
    args = [inspect, "eval", task_file, "--model", "mockllm/model", "--display", "none"]
    started = time.perf_counter()
    process = subprocess.Popen([*args, "--log-dir", log_dir], env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit("inspect eval failed")
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--latency-samples", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as log_dir:
        best = min(
            (run(THROUGHPUT, str(args.samples), log_dir) for _ in range(args.runs)),
            key=lambda figures: figures["wall"],
        )
        cli = min(
            (run_cli(args.samples, log_dir) for _ in range(args.runs)),
            key=lambda figures: figures["wall"],
        )
        latency = min(
            run(LATENCY, str(args.latency_samples), log_dir)["wall"] for _ in range(args.runs)
        )
    ideal = args.latency_samples / 50 * 0.5
    print(f"throughput: {args.samples} samples, mockllm, match(), .eval log (best of {args.runs})")
    for name, figures in (("inspect eval", cli), ("eval() returning samples", best)):
        print(f"  {name}:")
        print(f"    wall:      {figures['wall']:.2f} s (whole process, imports included)")
        print(f"    samples/s: {args.samples / figures['wall']:.0f}")
        print(f"    peak RSS:  {figures['rss_mb']:.0f} MB")
    print(f"latency: {args.latency_samples} samples, 0.5 s per call, max_connections=50")
    print(
        f"  wall:        {latency:.2f} s (ideal {ideal:.2f} s, +{(latency / ideal - 1) * 100:.0f}%)"
    )


if __name__ == "__main__":
    main()
