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
