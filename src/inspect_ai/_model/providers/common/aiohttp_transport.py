"""An ``httpx2`` transport over ``aiohttp``: what the ``openai`` clients send requests with.

``aiohttp`` spends less CPU per call than ``httpx2``'s own connection pool, and the event
loop's CPU is what limits many concurrent calls. The SDK's bundled ``aiohttp`` transport
passes every body through several stream wrappers and converts headers one lookup at a
time (each lookup re-decoding every header); this one hands ``aiohttp`` the raw headers and
reads a body in one go (an event stream is still streamed, chunk by chunk). Its errors are
``httpx2``'s, which the SDK turns into its connection and timeout errors.

The pool keeps as many connections open as are in use: the model's connection limit
(``_model/connections.py``) bounds the calls in flight, and a smaller pool would close
connections between calls only to open new ones.
"""

import contextlib
import functools
import ssl
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import httpx2

if TYPE_CHECKING:
    import aiohttp

KEEPALIVE_SECONDS = 15.0
"""How long an idle connection is kept for the next call."""

EVENT_STREAM = "text/event-stream"
"""Content type of bodies that are streamed rather than read at once."""


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """The default TLS context (certificates loaded once per process, not per client)."""
    return httpx2.create_ssl_context()


class AiohttpTransport(httpx2.AsyncBaseTransport):
    """Sends ``httpx2`` requests with an ``aiohttp`` session (created on first use, in the
    event loop of that use; an ``httpx2`` client is used from one loop).

    Args:
        keepalive: Seconds an idle connection is kept open.
    """

    def __init__(self, keepalive: float = KEEPALIVE_SECONDS) -> None:
        self._keepalive = keepalive
        self._session: aiohttp.ClientSession | None = None

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send ``request``; the response, its body read unless it is an event stream."""
        session = self._open_session()
        with _httpx_errors():
            response = await session.request(
                request.method,
                str(request.url),
                headers=_headers(request.headers),
                data=_body(request),
                allow_redirects=False,
                auto_decompress=False,  # httpx2 decodes the body, as its headers say
                compress=False,
                timeout=_timeout(request.extensions.get("timeout") or {}),
                server_hostname=request.extensions.get("sni_hostname"),
            )
            if response.content_type == EVENT_STREAM:
                return _response(request, response, stream=_ResponseStream(response))
            try:
                content = await response.read()
            finally:
                response.release()
        return _response(request, response, content=content)

    async def aclose(self) -> None:
        """Close the session and its connections."""
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    def _open_session(self) -> "aiohttp.ClientSession":
        if self._session is None or self._session.closed:
            import aiohttp

            connector = aiohttp.TCPConnector(
                limit=0, keepalive_timeout=self._keepalive, ssl=ssl_context()
            )
            self._session = aiohttp.ClientSession(connector=connector)
        return self._session


class _ResponseStream(httpx2.AsyncByteStream):
    """The body of an event stream, chunk by chunk as it arrives."""

    def __init__(self, response: "aiohttp.ClientResponse") -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for chunk in self._response.content.iter_any():
                yield chunk

    async def aclose(self) -> None:
        self._response.release()


def _response(
    request: httpx2.Request,
    response: "aiohttp.ClientResponse",
    content: bytes | None = None,
    stream: httpx2.AsyncByteStream | None = None,
) -> httpx2.Response:
    reason = (response.reason or "").encode()
    return httpx2.Response(
        response.status,
        headers=response.raw_headers,
        content=content,
        stream=stream,
        request=request,
        extensions={"http_version": b"HTTP/1.1", "reason_phrase": reason},
    )


def _headers(headers: httpx2.Headers) -> list[tuple[str, str]]:
    """The headers as they are (``httpx2`` has encoded them once already), but for
    ``transfer-encoding``: ``aiohttp`` chunks a streamed body itself."""
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, value in headers.raw
        if name.lower() != b"transfer-encoding"
    ]


def _body(request: httpx2.Request) -> Any:
    """The request body: bytes (None when empty), or the stream when it is not read."""
    try:
        return request.content or None
    except httpx2.RequestNotRead:
        return request.stream


def _timeout(timeout: dict[str, float | None]) -> "aiohttp.ClientTimeout":
    import aiohttp

    return aiohttp.ClientTimeout(
        connect=timeout.get("pool"),
        sock_connect=timeout.get("connect"),
        sock_read=timeout.get("read"),
    )


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    """Raise ``aiohttp``'s errors (and timeouts) as the ``httpx2`` errors they are."""
    import aiohttp

    try:
        yield
    except aiohttp.ConnectionTimeoutError as ex:
        raise httpx2.ConnectTimeout(str(ex) or "Connection timed out") from ex
    except TimeoutError as ex:  # aiohttp's read timeouts are TimeoutErrors too
        raise httpx2.ReadTimeout(str(ex) or "Read timed out") from ex
    except aiohttp.ClientConnectorError as ex:
        raise httpx2.ConnectError(str(ex)) from ex
    except aiohttp.InvalidURL as ex:
        raise httpx2.UnsupportedProtocol(str(ex)) from ex
    except aiohttp.ServerDisconnectedError as ex:
        raise httpx2.RemoteProtocolError(str(ex) or "Server disconnected") from ex
    except (aiohttp.ClientPayloadError, aiohttp.ClientOSError) as ex:
        raise httpx2.ReadError(str(ex)) from ex
    except aiohttp.ClientError as ex:
        raise httpx2.TransportError(str(ex)) from ex
