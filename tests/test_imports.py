"""Heavy imports stay lazy: reading logs needs neither the CLI nor any provider SDK."""

import subprocess
import sys

FORBIDDEN = ["inspect_ai._cli", "fsspec", "openai", "anthropic", "rich", "click", "zipfile"]


def modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


def test_log_api_import_is_light() -> None:
    loaded = modules_after("import inspect_ai.log")
    assert not [name for name in loaded if name.split(".")[0] in FORBIDDEN or name in FORBIDDEN]


def test_cli_help_does_not_import_the_log_model() -> None:
    loaded = modules_after("from inspect_ai._cli.main import inspect")
    assert "pydantic" not in loaded
    assert "inspect_ai._log.model.log" not in loaded


def test_reading_a_log_loads_no_writer_listing_or_conversion_code() -> None:
    loaded = modules_after("from inspect_ai.log import read_eval_log, EvalLog, EvalSample")
    assert "inspect_ai._log.read" in loaded
    unused = ["inspect_ai._log.write", "inspect_ai._log.convert", "inspect_ai._log.listing"]
    assert not [name for name in unused if name in loaded]


def test_public_names_resolve_on_first_use_and_unknown_ones_fail() -> None:
    import pytest

    import inspect_ai.log

    assert inspect_ai.log.write_eval_log.__module__ == "inspect_ai._log.write"
    assert set(inspect_ai.log.__all__) <= set(dir(inspect_ai.log)) | set(inspect_ai.log._LAZY)
    with pytest.raises(AttributeError, match="module 'inspect_ai.log' has no attribute 'nope'"):
        inspect_ai.log.nope  # noqa: B018


def test_running_an_eval_needs_no_yaml_until_a_yaml_file_is_read() -> None:
    loaded = modules_after("from inspect_ai._runner.eval import eval")
    assert "yaml" not in loaded
