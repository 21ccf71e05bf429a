"""Log file names: building them, parsing them, and which files count as logs."""

import pytest

from inspect_ai._log.names import is_log_file_name, log_file_name, parse_log_file_name


def test_default_name_replaces_separators() -> None:
    name = log_file_name(
        "2026-11-23T00:53:09+00:00", "my_task", "XAQFGYppJLtmVVxA7dh6PD", "mockllm/model", "eval"
    )
    assert name == "2026-11-23T00-53-09-00-00_my-task_XAQFGYppJLtmVVxA7dh6PD.eval"


def test_pattern_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECT_EVAL_LOG_FILE_PATTERN", "{task}_{model}_{id}")
    name = log_file_name("2026-11-23T00:53:09+00:00", "t", "ID", "openai/gpt-4", "json")
    assert name == "2026-11-23T00-53-09-00-00_t_openai-gpt-4_ID.json"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2026-11-23T00-53-09-00-00_plain-default_XAQFGYppJLtmVVxA7dh6PD.eval", ("plain-default", "XAQFGYppJLtmVVxA7dh6PD", None)),
        ("2026-11-23T00-53-14-00-00_arith-match_VbBKsPT62DxbC4QU9fQae9-scored.eval", ("arith-match", "VbBKsPT62DxbC4QU9fQae9", "-scored")),
        ("2026-11-23T00-53-14-00-00_arith-match_VbBKsPT62DxbC4QU9fQae9-scored-1.json", ("arith-match", "VbBKsPT62DxbC4QU9fQae9", "-scored-1")),
        ("2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json", ("input-task", "8zXjbRzCWrL9GXiXo2vus9", None)),
        ("2024-08-29T15-11-17+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json", ("popularity", "5EAmX6wjMFqea6WY7XHzZp", None)),
        ("custom.eval", ("custom", "", None)),
    ],
)  # fmt: skip
def test_parse_log_file_name(name: str, expected: tuple[str, str, str | None]) -> None:
    assert parse_log_file_name("/some/dir/" + name) == expected


def test_which_files_are_logs() -> None:
    assert is_log_file_name("anything.eval")
    assert is_log_file_name("2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json")
    assert not is_log_file_name("ignore.json")
    assert not is_log_file_name("logs.json")
    assert not is_log_file_name(".log.eval.1234.tmp")
