"""``resource()``: inline text, files and URLs."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from inspect_ai._resource import resource


@pytest.fixture
def memory_file() -> Iterator[str]:
    """A text file on fsspec's in-memory filesystem, removed afterwards."""
    url = f"memory://resource-{uuid.uuid4().hex}/prompt.txt"
    with fsspec.open(url, "w", encoding="utf-8") as f:
        f.write("Prompt from memory: {prompt}")
    yield url
    fs = fsspec.filesystem("memory")
    fs.rm(url.rsplit("/", 1)[0], recursive=True)


def test_plain_string_is_returned_as_is() -> None:
    assert resource("You are a helpful assistant.") == "You are a helpful assistant."
    assert resource("") == ""
    assert resource("line one\nline two") == "line one\nline two"


def test_text_mentioning_a_url_is_not_read() -> None:
    text = "See https://example.com/x for details"
    assert resource(text) == text


def test_reads_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "system.txt"
    path.write_text("From a file: {name}", encoding="utf-8")
    assert resource(str(path)) == "From a file: {name}"
    assert resource(str(path), type="file") == "From a file: {name}"


def test_relative_path_resolves_against_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "system.txt").write_text("relative", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert resource("system.txt") == "relative"


def test_file_url(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("via file url", encoding="utf-8")
    assert resource(path.as_uri()) == "via file url"


def test_missing_file_is_text_in_auto_mode(tmp_path: Path) -> None:
    name = str(tmp_path / "missing.txt")
    assert resource(name) == name


def test_directory_is_text_in_auto_mode(tmp_path: Path) -> None:
    assert resource(str(tmp_path)) == str(tmp_path)


def test_memory_url(memory_file: str) -> None:
    assert resource(memory_file) == "Prompt from memory: {prompt}"
    assert resource(memory_file, type="file") == "Prompt from memory: {prompt}"


def test_missing_memory_url_is_text_in_auto_mode() -> None:
    url = f"memory://missing-{uuid.uuid4().hex}/nothing.txt"
    assert resource(url) == url


def test_unknown_scheme_is_text_in_auto_mode() -> None:
    assert resource("nosuchscheme://a/b") == "nosuchscheme://a/b"


def test_file_type_requires_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        resource("You are a helpful assistant.", type="file")
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        resource(str(tmp_path / "missing.txt"), type="file")
    with pytest.raises(IsADirectoryError, match="directory"):
        resource(str(tmp_path), type="file")


def test_file_type_with_missing_url() -> None:
    url = f"memory://missing-{uuid.uuid4().hex}/nothing.txt"
    with pytest.raises(FileNotFoundError, match="does not exist"):
        resource(url, type="file")
    with pytest.raises(ValueError, match="nosuchscheme"):
        resource("nosuchscheme://a/b", type="file")


def test_fs_options_are_passed_to_fsspec(memory_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    real_open = fsspec.open

    def spy_open(url: str, mode: str = "rb", **kwargs: object) -> object:
        seen.update(kwargs)
        return real_open(url, mode, **kwargs)

    monkeypatch.setattr(fsspec, "open", spy_open)
    assert resource(memory_file, fs_options={"auto_mkdir": False}).startswith("Prompt")
    assert seen["auto_mkdir"] is False


def test_bad_type() -> None:
    with pytest.raises(ValueError, match="type"):
        resource("x", type="url")  # type: ignore[arg-type]


@pytest.fixture
def local_http(tmp_path: Path) -> Iterator[str]:
    """A web server on localhost serving ``tmp_path`` (no internet access)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_http_url(tmp_path: Path, local_http: str) -> None:
    pytest.importorskip("aiohttp")
    (tmp_path / "prompt.txt").write_text("served over http", encoding="utf-8")
    assert resource(f"{local_http}/prompt.txt") == "served over http"
    missing = f"{local_http}/missing.txt"
    assert resource(missing) == missing
    with pytest.raises(FileNotFoundError):
        resource(missing, type="file")
