"""A moto S3 server on 127.0.0.1 for tests, shared by every test file that needs S3.

Make the fixture in the test module (a module-scoped server, bucket ``logs``)::

    from .s3_fixture import s3_server_fixture

    s3_server = s3_server_fixture()

    def test_x(s3_server: str) -> None:  # the endpoint URL
        ...

``s3_server_fixture(scope="session", buckets=("logs", "data"))`` picks another scope or
other buckets; ``running_s3_server()`` is the same as a context manager.

While the fixture is active, ``AWS_ENDPOINT_URL`` and test credentials are set in the
environment (so s3fs, boto3 and subprocesses find the server), and fsspec's cache of
S3 filesystem instances is cleared on entry and exit (a cached instance would keep talking
to a server that has stopped). ``s3_env(endpoint)`` gives the variables for a subprocess,
and ``s3_traffic(endpoint)`` counts the object bytes the server has sent (to check that a
read fetched only part of a file).
"""

import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

import pytest

BUCKET = "logs"
"""The bucket every server made here starts with."""

Scope = Literal["session", "package", "module", "class", "function"]


class S3Traffic:
    """Counts what a test server sends in answer to object reads (``GET`` requests)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.bytes_sent = 0
        """Body bytes sent in answer to ``GET`` requests since the last ``reset``."""
        self.ranges: list[str | None] = []
        """The ``Range`` header of each ``GET`` request since the last ``reset``."""

    def reset(self) -> None:
        """Start counting from zero."""
        with self._lock:
            self.bytes_sent = 0
            self.ranges = []

    def record_request(self, range_header: str | None) -> None:
        with self._lock:
            self.ranges.append(range_header)

    def record_bytes(self, count: int) -> None:
        with self._lock:
            self.bytes_sent += count


_TRAFFIC: dict[str, S3Traffic] = {}


def s3_traffic(endpoint: str) -> S3Traffic:
    """The traffic counter of the server at ``endpoint``."""
    return _TRAFFIC[endpoint]


class _CountingApp:
    """WSGI middleware counting the bodies of ``GET`` answers."""

    def __init__(self, app: Any, traffic: S3Traffic) -> None:
        self._app = app
        self._traffic = traffic

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        body = self._app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "GET":
            return body  # type: ignore[no-any-return]
        self._traffic.record_request(environ.get("HTTP_RANGE"))
        return self._count(body)

    def _count(self, body: Iterable[bytes]) -> Iterator[bytes]:
        try:
            for chunk in body:
                self._traffic.record_bytes(len(chunk))
                yield chunk
        finally:
            close = getattr(body, "close", None)
            if callable(close):
                close()


def s3_env(endpoint: str) -> dict[str, str]:
    """The environment variables that point AWS clients at the test server."""
    return {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,
    }


def clear_s3_instances() -> None:
    """Forget cached s3fs filesystems (they hold the endpoint they were made with)."""
    try:
        import s3fs
    except ImportError:
        return
    s3fs.S3FileSystem.clear_instance_cache()


def create_bucket(endpoint: str, bucket: str) -> None:
    """Create ``bucket`` on the server at ``endpoint``."""
    import boto3

    boto3.client("s3", endpoint_url=endpoint, **_client_credentials()).create_bucket(Bucket=bucket)


def _client_credentials() -> dict[str, Any]:
    return {
        "aws_access_key_id": "testing",
        "aws_secret_access_key": "testing",
        "region_name": "us-east-1",
    }


@contextmanager
def running_s3_server(buckets: tuple[str, ...] = (BUCKET,)) -> Iterator[str]:
    """Run a moto S3 server with ``buckets`` and the AWS environment set; yields its endpoint."""
    moto_server = pytest.importorskip("moto.server")
    pytest.importorskip("boto3")
    pytest.importorskip("s3fs")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    traffic = _TRAFFIC[endpoint] = S3Traffic()
    wsgi = server._server  # noqa: SLF001  (moto exposes no hook for this)
    wsgi.app = _CountingApp(wsgi.app, traffic)
    saved = {name: os.environ.get(name) for name in s3_env(endpoint)}
    os.environ.update(s3_env(endpoint))
    clear_s3_instances()
    try:
        for bucket in buckets:
            create_bucket(endpoint, bucket)
        yield endpoint
    finally:
        clear_s3_instances()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()
        _TRAFFIC.pop(endpoint, None)


@contextmanager
def without_aws_credentials() -> Iterator[None]:
    """No AWS credentials in the environment, and the default endpoint a closed local port.

    Inside, S3 works only with credentials and endpoint given through ``fs_options`` (and
    nothing can reach the real AWS: no instance metadata, no shared config files).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("AWS_ACCESS_KEY_ID", raising=False)
        patch.delenv("AWS_SECRET_ACCESS_KEY", raising=False)
        patch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        patch.setenv("AWS_EC2_METADATA_DISABLED", "true")
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
        patch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
        clear_s3_instances()
        try:
            yield
        finally:
            clear_s3_instances()


def s3_server_fixture(
    scope: Scope = "module", buckets: tuple[str, ...] = (BUCKET,)
) -> Callable[[], Iterator[str]]:
    """A pytest fixture (of ``scope``) running a moto S3 server; its value is the endpoint URL."""

    def fixture() -> Iterator[str]:
        with running_s3_server(buckets) as endpoint:
            yield endpoint

    fixture.__name__ = "s3_server"
    return pytest.fixture(scope=scope, name="s3_server")(fixture)


s3_server = s3_server_fixture()
"""Module-scoped fixture: a moto S3 server with the ``logs`` bucket; the value is its endpoint."""
