"""Log I/O benchmark: time and peak memory of each log operation on a 10,000-sample log.

Builds a synthetic log (each sample a few messages, a model event, a score and metadata,
about 2 KB of JSON), then runs every operation in a fresh Python process (interpreter
start included) and prints wall seconds and peak RSS. Run it with:

    python bench/log_io.py [--samples 10000] [--repeat 3]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".data")

BUILD = r"""
import sys
from datetime import datetime, timezone
from inspect_ai.log import (
    EvalDataset, EvalLog, EvalPlan, EvalPlanStep, EvalResults, EvalSample, EvalScore,
    EvalMetric, EvalSpec, EvalConfig, EvalStats, ModelEvent, write_eval_log,
)
from inspect_ai.model import (
    ChatCompletionChoice, ChatMessageAssistant, ChatMessageSystem, ChatMessageUser,
    GenerateConfig, ModelOutput, ModelUsage,
)
from inspect_ai.scorer import Score

n, path = int(sys.argv[1]), sys.argv[2]
now = datetime(2026, 11, 23, tzinfo=timezone.utc)

def sample(i):
    question = f"Question {i}: what is {i} + {2 * i + 1}? Think it through and answer with a number."
    answer = f"Let me add the two numbers step by step. {i} plus {2 * i + 1} makes {3 * i + 1}. The answer is {3 * i + 1}."
    system = ChatMessageSystem(id=f"s{i}", content="You are a careful assistant who answers arithmetic questions precisely.")
    user = ChatMessageUser(id=f"u{i}", content=question, source="input")
    reply = ChatMessageAssistant(id=f"a{i}", content=answer, source="generate", model="mockllm/model")
    usage = ModelUsage(input_tokens=40, output_tokens=30, total_tokens=70)
    output = ModelOutput(model="mockllm/model", choices=[ChatCompletionChoice(message=reply, stop_reason="stop")],
                         completion=answer, usage=usage, time=0.5)
    event = ModelEvent(uuid=f"e{i}", timestamp=now, working_start=0.1, model="mockllm/model",
                       input=[system, user], tools=[], tool_choice="none", config=GenerateConfig(),
                       output=output, completed=now, working_time=0.5)
    return EvalSample(
        id=i, epoch=1, input=question, target=str(3 * i + 1), messages=[system, user, reply],
        output=output, scores={"match": Score(value="C" if i % 4 else "I", answer=str(3 * i + 1),
                                              explanation=answer)},
        metadata={"a": i, "b": 2 * i + 1, "category": ["easy", "medium", "hard"][i % 3]},
        events=[event], model_usage={"mockllm/model": usage},
        started_at=now.isoformat(), completed_at=now.isoformat(), total_time=0.6,
        working_time=0.5, uuid=f"uuid{i}",
    )

log = EvalLog(
    status="success",
    eval=EvalSpec(run_id="run", created=now.isoformat(), task="arith", task_id="task",
                  dataset=EvalDataset(name="arith", samples=n, sample_ids=list(range(1, n + 1))),
                  model="mockllm/model", config=EvalConfig(epochs=1)),
    plan=EvalPlan(steps=[EvalPlanStep(solver="generate")]),
    results=EvalResults(total_samples=n, completed_samples=n, scores=[
        EvalScore(name="match", scorer="match", metrics={"accuracy": EvalMetric(name="accuracy", value=0.75)})]),
    stats=EvalStats(started_at=now.isoformat(), completed_at=now.isoformat()),
    samples=[sample(i) for i in range(1, n + 1)],
)
import time
start = time.perf_counter()
write_eval_log(log, path)
print(f"{time.perf_counter() - start:.3f}")
"""

OPERATIONS = {
    "full read": "from inspect_ai.log import read_eval_log; read_eval_log(sys.argv[1])",
    "header-only read": (
        "from inspect_ai.log import read_eval_log; read_eval_log(sys.argv[1], header_only=True)"
    ),
    "one-sample read": (
        "from inspect_ai.log import read_eval_log_sample; "
        "read_eval_log_sample(sys.argv[1], id=int(sys.argv[2]))"
    ),
    "iterate all samples": (
        "from inspect_ai.log import read_eval_log_samples\n"
        "for sample in read_eval_log_samples(sys.argv[1]): pass"
    ),
    "sample summaries": (
        "from inspect_ai.log import read_eval_log_sample_summaries; "
        "read_eval_log_sample_summaries(sys.argv[1])"
    ),
    "list 500 logs": "from inspect_ai.log import list_eval_logs; list_eval_logs(sys.argv[3])",
    "convert eval -> json": (
        "from inspect_ai.log import convert_eval_logs; "
        "convert_eval_logs(sys.argv[1], 'json', sys.argv[4], overwrite=True)"
    ),
}


def run(args: list[str]) -> tuple[float, float, str]:
    """Run a command in a fresh process; return wall seconds, peak RSS (MB) and its output."""
    # byte-compiled modules are cached, as they are for anyone who has run inspect before
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=output)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        output.seek(0)
        text = output.read().decode()
    if status != 0:
        raise SystemExit(f"command failed: {' '.join(args)}")
    return wall, usage.ru_maxrss / 1024, text


def best(args: list[str], repeat: int) -> tuple[float, float]:
    """The fastest wall time and the largest peak RSS over ``repeat`` runs."""
    runs = [run(args) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per operation (best is kept)")
    options = parser.parse_args()

    os.makedirs(DATA_DIR, exist_ok=True)
    log_path = os.path.join(DATA_DIR, f"bench_{options.samples}.eval")
    list_dir = os.path.join(DATA_DIR, "list")
    json_dir = tempfile.mkdtemp(prefix="bench-json-")
    python = sys.executable

    writes = [run([python, "-c", BUILD, str(options.samples), log_path]) for _ in range(2)]
    write_seconds = min(float(output) for _, _, output in writes)
    write_rss = max(rss for _, rss, _ in writes)
    _make_list_dir(python, list_dir)

    print(f"{'operation':<24}{'wall (s)':>10}{'peak RSS (MB)':>16}")
    print(f"{'write (in process)':<24}{write_seconds:>10.3f}{write_rss:>16.1f}")
    middle = str(options.samples // 2)
    for name, code in OPERATIONS.items():
        args = [python, "-c", "import sys\n" + code, log_path, middle, list_dir, json_dir]
        wall, rss = best(args, options.repeat)
        print(f"{name:<24}{wall:>10.3f}{rss:>16.1f}")
    inspect = shutil.which("inspect", path=os.path.dirname(python)) or "inspect"
    wall, rss = best([inspect, "--help"], options.repeat)
    print(f"{'inspect --help':<24}{wall:>10.3f}{rss:>16.1f}")
    json_path = os.path.join(json_dir, os.path.basename(log_path)[: -len(".eval")] + ".json")
    print(
        f"\n.eval size: {os.path.getsize(log_path) / 1e6:.1f} MB, "
        f".json size: {os.path.getsize(json_path) / 1e6:.1f} MB ({options.samples} samples; "
        "write is timed inside the process that built the log, so its RSS includes the build)"
    )
    shutil.rmtree(json_dir, ignore_errors=True)


def _make_list_dir(python: str, directory: str) -> None:
    """A directory of 500 small logs with reference-style names."""
    if os.path.isdir(directory) and len(os.listdir(directory)) == 500:
        return
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    small = os.path.join(directory, "small.eval")
    run([python, "-c", BUILD, "5", small])
    for i in range(500):
        name = f"2026-11-{1 + i % 28:02d}T{i % 24:02d}-00-00-00-00_task-{i}_{'A' * 17}{i:05d}.eval"
        shutil.copyfile(small, os.path.join(directory, name))
    os.remove(small)


if __name__ == "__main__":
    main()
