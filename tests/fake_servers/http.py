"""A small HTTP server for provider tests: records requests and answers from a script.

Start it with ``with FakeServer() as server:`` (or ``start()``/``stop()``); point a client at
``server.url``. Each request is recorded (``server.requests``) and answered by the next
scripted response queued with ``server.enqueue(...)``, or, when the queue is empty, by the
``default`` responder (a 404 JSON error if there is none). Handlers run on daemon threads,
so many concurrent requests (and slow, delayed responses) are fine. A server expecting a
burst of new connections (a benchmark) can start its handler threads up front.
"""

import json
import queue
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class RecordedRequest:
    """A request the server received."""

    method: str
    path: str
    """Path without the query string."""
    query: dict[str, list[str]]
    headers: dict[str, str]
    """Headers with lower-cased names."""
    body: bytes
    received: float = field(default_factory=time.monotonic)
    """When the request arrived (``time.monotonic()``)."""

    @property
    def json(self) -> Any:
        """The body parsed as JSON (None when empty)."""
        return json.loads(self.body) if self.body else None


@dataclass
class ScriptedResponse:
    """A response to send: status, headers, a JSON (or raw) body, after an optional delay.

    With ``chunks`` the body is streamed instead: each chunk is written and flushed in turn
    (``chunk_delay`` seconds apart) and the connection is closed at the end, as servers
    sending server-sent events do.
    """

    status: int = 200
    body: Any = None
    """A JSON value, or ``bytes``/``str`` sent as they are."""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (e.g. to make a client time out)."""
    chunks: list[bytes] | None = None
    chunk_delay: float = 0.0


Responder = Callable[[RecordedRequest], ScriptedResponse]
"""Makes the response to a request."""


def json_error(status: int, message: str) -> ScriptedResponse:
    """A generic JSON error response."""
    return ScriptedResponse(status=status, body={"error": {"message": message}})


class FakeServer:
    """An HTTP server on 127.0.0.1 (random port) answering from scripted responses.

    Args:
        default: Answers requests when no scripted response is queued.
        threads: Handler threads started with the server, each serving one connection at a
            time (more are started as connections need them). A thread is otherwise started
            per connection, one after the other, which takes a while when a hundred
            connections arrive at once.
    """

    def __init__(self, default: Responder | None = None, threads: int = 0) -> None:
        self.default = default
        self.requests: list[RecordedRequest] = []
        self._queue: deque[ScriptedResponse | Responder] = deque()
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._server.handlers = _HandlerPool(self._server.process_request_thread, threads)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL of the server (``http://127.0.0.1:<port>``)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def enqueue(self, *responses: ScriptedResponse | Responder) -> None:
        """Queue responses (or responders) for the next requests, in order."""
        with self._lock:
            self._queue.extend(responses)

    def clear(self) -> None:
        """Forget recorded requests and queued responses."""
        with self._lock:
            self.requests.clear()
            self._queue.clear()

    def start(self) -> "FakeServer":
        """Serve on a background thread."""
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.05)  # (stop() waits for one poll)

    def stop(self) -> None:
        """Stop serving and close open connections."""
        self._server.shutdown()
        self._server.server_close()
        self._server.handlers.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _close_quietly(connection)

    def __enter__(self) -> "FakeServer":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def respond(self, request: RecordedRequest) -> ScriptedResponse:
        """Record ``request`` and pick its response."""
        with self._lock:
            self.requests.append(request)
            scripted = self._queue.popleft() if self._queue else None
        if isinstance(scripted, ScriptedResponse):
            return scripted
        responder = scripted if scripted is not None else self.default
        if responder is None:
            return json_error(404, f"No scripted response for {request.method} {request.path}")
        return responder(request)

    def track(self, connection: socket.socket, open: bool) -> None:
        """Keep account of open connections (closed by ``stop()``)."""
        with self._lock:
            if open:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)


class _HandlerPool:
    """Handler threads started up front, waiting for connections to serve."""

    def __init__(self, serve: Callable[[Any, Any], None], size: int) -> None:
        self._serve = serve
        self._connections: queue.SimpleQueue[tuple[Any, Any] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = size
        self._threads = [threading.Thread(target=self._work, daemon=True) for _ in range(size)]
        for thread in self._threads:
            thread.start()

    def offer(self, request: Any, client_address: Any) -> bool:
        """Hand a connection to an idle thread (False when none is idle)."""
        with self._lock:
            if self._idle == 0:
                return False
            self._idle -= 1
        self._connections.put((request, client_address))
        return True

    def close(self) -> None:
        """Let the threads end (once their connections are closed)."""
        for _ in self._threads:
            self._connections.put(None)

    def _work(self) -> None:
        while (connection := self._connections.get()) is not None:
            self._serve(*connection)
            with self._lock:
                self._idle += 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024
    fake: FakeServer
    handlers: _HandlerPool

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection on an idle handler thread, else on a new one."""
        if not self.handlers.offer(request, client_address):
            super().process_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that went away (timeouts) are expected; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once (no 40 ms delayed ACK)
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.fake.track(self.connection, open=True)

    def finish(self) -> None:
        self.server.fake.track(self.connection, open=False)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        request = RecordedRequest(
            method=self.command,
            path=url.path,
            query=parse_qs(url.query),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        response = self.server.fake.respond(request)
        if response.delay:
            time.sleep(response.delay)
        if response.chunks is not None:
            self._stream(response)
        else:
            self._send(response)

    def _send(self, response: ScriptedResponse) -> None:
        payload = _payload(response.body)
        self.send_response(response.status)
        headers = {"content-type": "application/json", **response.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _stream(self, response: ScriptedResponse) -> None:
        self.send_response(response.status)
        headers = {"content-type": "text/event-stream", **response.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("connection", "close")
        self.end_headers()
        for chunk in response.chunks or []:
            self.wfile.write(chunk)
            self.wfile.flush()
            if response.chunk_delay:
                time.sleep(response.chunk_delay)
        self.close_connection = True


def _payload(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body).encode()


def _close_quietly(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
