"""``inspect score`` on a log in S3 (a moto server on 127.0.0.1)."""

from pathlib import Path

from click.testing import CliRunner

from inspect_ai import Task, eval
from inspect_ai._cli.main import inspect
from inspect_ai.dataset import Sample
from inspect_ai.log import read_eval_log, write_eval_log
from inspect_ai.scorer import match

from .s3_fixture import s3_server_fixture

s3_server = s3_server_fixture()


def test_score_a_log_on_s3_writes_the_scored_log_beside_it(s3_server: str, tmp_path: Path) -> None:
    task = Task(
        dataset=[Sample(input=f"q{i}", target="no", id=i) for i in range(3)], scorer=match()
    )
    local = eval(task, model="mockllm/model", log_dir=str(tmp_path), score=False, display="none")
    location = "s3://logs/score/unscored.eval"
    write_eval_log(read_eval_log(local[0].location), location)

    result = CliRunner().invoke(inspect, ["score", location, "--no-overwrite", "--display", "none"])

    assert result.exit_code == 0, result.output
    scored = read_eval_log("s3://logs/score/unscored-scored.eval")
    assert [s.scores["match"].value for s in scored.samples or [] if s.scores] == ["I"] * 3
    assert scored.results is not None and scored.results.scores[0].metrics["accuracy"].value == 0
    assert read_eval_log(location).samples[0].scores is None  # type: ignore[index]
