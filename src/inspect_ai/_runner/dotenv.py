"""Reading ``.env`` files: the working directory's, without overriding the environment."""

import os

_loaded: set[str] = set()


def load_dotenv_file(directory: str | None = None) -> None:
    """Load ``.env`` from ``directory`` (default: the working directory) once per process.

    Variables already set are kept. A relative ``INSPECT_LOG_DIR`` in the file is made
    relative to the file's folder.
    """
    folder = os.path.abspath(directory or os.getcwd())
    path = os.path.join(folder, ".env")
    if path in _loaded or not os.path.isfile(path):
        return
    _loaded.add(path)
    from dotenv import dotenv_values

    for name, value in dotenv_values(path).items():
        if value is None or name in os.environ:
            continue
        if name == "INSPECT_LOG_DIR" and "://" not in value and not os.path.isabs(value):
            value = os.path.normpath(os.path.join(folder, value))
        os.environ[name] = value


def load_task_dotenv_files(tasks: object) -> None:
    """Load the ``.env`` of the working directory, then of each task file's folder."""
    load_dotenv_file()
    names = [tasks] if isinstance(tasks, str) else tasks if isinstance(tasks, list) else []
    for name in names:
        if isinstance(name, str):
            path = name.split("@", 1)[0]
            folder = path if os.path.isdir(path) else os.path.dirname(path)
            if os.path.exists(path):
                load_dotenv_file(folder or None)
