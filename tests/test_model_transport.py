"""The HTTP client under the ``openai`` clients: our aiohttp transport, its pool, the SDK's
platform detection, and HTTP client logs kept out of transcripts."""

import asyncio
import gzip
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest

from inspect_ai import Task, eval
from inspect_ai._model.providers.common.aiohttp_transport import AiohttpTransport
from inspect_ai._model.providers.openai_compatible.client import (
    LoopClients,
    http_client,
    openai_client,
)
from inspect_ai._model.providers.openai_compatible.endpoint import Endpoint
from inspect_ai.dataset import Sample
from tests.fake_servers.http import FakeServer, RecordedRequest, ScriptedResponse
from tests.fake_servers.openai import chat_completion, openai_server


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with openai_server() as fake:
        yield fake


def send(request: httpx2.Request, stream: bool = False) -> httpx2.Response:
    """Send ``request`` through the transport, in an event loop of its own."""

    async def run() -> httpx2.Response:
        async with httpx2.AsyncClient(transport=AiohttpTransport()) as client:
            response = await client.send(request, stream=stream)
            if stream:
                await response.aclose()
            return response

    return asyncio.run(run())


def test_transport_sends_headers_and_body_and_reads_the_answer(server: FakeServer) -> None:
    request = httpx2.Request(
        "POST", f"{server.url}/v1/chat/completions?x=1", json={"model": "m", "messages": []},
        headers={"authorization": "Bearer k", "x-custom": "yes"},
    )  # fmt: skip
    response = send(request)
    assert response.status_code == 200 and response.reason_phrase == "OK"
    assert response.json()["choices"][0]["message"]["content"]
    [received] = server.requests
    assert received.path == "/v1/chat/completions" and received.query == {"x": ["1"]}
    assert received.headers["authorization"] == "Bearer k"
    assert received.headers["x-custom"] == "yes"
    assert received.json == {"model": "m", "messages": []}


def test_transport_reads_bodies_at_once_and_streams_event_streams(server: FakeServer) -> None:
    url = f"{server.url}/v1/anything"
    server.enqueue(ScriptedResponse(body={"ok": True}))
    assert send(httpx2.Request("GET", url), stream=True).content == b'{"ok": true}'
    server.enqueue(ScriptedResponse(chunks=[b"data: 1\n\n", b"data: [DONE]\n\n"]))
    streamed = send(httpx2.Request("GET", url), stream=True)
    assert streamed.headers["content-type"] == "text/event-stream"
    with pytest.raises(httpx2.ResponseNotRead):
        streamed.content  # noqa: B018 (left to the reader, chunk by chunk)


def test_transport_event_stream_arrives_whole(server: FakeServer) -> None:
    server.enqueue(ScriptedResponse(chunks=[b"data: 1\n\n", b"data: 2\n\n"]))

    async def run() -> bytes:
        async with httpx2.AsyncClient(transport=AiohttpTransport()) as client:
            async with client.stream("GET", f"{server.url}/v1/events") as response:
                return b"".join([chunk async for chunk in response.aiter_bytes()])

    assert asyncio.run(run()) == b"data: 1\n\ndata: 2\n\n"


def test_transport_leaves_decoding_to_httpx(server: FakeServer) -> None:
    body = gzip.compress(json.dumps({"compressed": True}).encode())
    server.enqueue(ScriptedResponse(body=body, headers={"content-encoding": "gzip"}))
    assert send(httpx2.Request("GET", f"{server.url}/v1/x")).json() == {"compressed": True}


def test_transport_errors_are_httpx_errors(server: FakeServer) -> None:
    server.enqueue(ScriptedResponse(body={}, delay=2.0))
    slow = httpx2.Request("GET", f"{server.url}/v1/slow", extensions={"timeout": {"read": 0.05}})
    with pytest.raises(httpx2.ReadTimeout):
        send(slow)
    with FakeServer() as closed:
        url = closed.url
    with pytest.raises(httpx2.ConnectError):
        send(httpx2.Request("GET", url))


@pytest.mark.parametrize("aiohttp", [True, False], ids=["aiohttp", "httpx"])
def test_the_pool_keeps_every_connection_open(
    aiohttp: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """150 calls at once (more than either SDK default keeps alive), twice: the second round
    reuses the 150 connections of the first."""
    if not aiohttp:
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # the SDK's httpx2 pool instead
    together = threading.Barrier(150, timeout=30)
    handlers: set[int] = set()

    def answer(request: RecordedRequest) -> ScriptedResponse:
        handlers.add(threading.get_ident())  # a handler thread per connection
        together.wait()
        return chat_completion("ok")

    async def run(url: str) -> None:
        from openai import AsyncOpenAI

        client = AsyncOpenAI(api_key="k", base_url=url, max_retries=0, http_client=http_client())
        body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
        for _ in range(2):
            calls = [
                client.post("/chat/completions", cast_to=httpx2.Response, body=body)
                for _ in range(150)
            ]
            await asyncio.gather(*calls)
        await client.close()

    with FakeServer(default=answer) as fake:
        asyncio.run(run(f"{fake.url}/v1"))
    assert len(fake.requests) == 300 and len(handlers) == 150


def test_platform_is_detected_once_not_per_first_request(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = openai_client(Endpoint(api_key="k", base_url=f"{server.url}/v1"), {}, "fake")
    clients = LoopClients(create)
    threads = 0
    to_thread = asyncio.to_thread

    async def counting(*args: object, **kwargs: object) -> object:
        nonlocal threads
        threads += 1
        return await to_thread(*args, **kwargs)  # type: ignore[arg-type]

    async def run() -> None:
        client = clients.get()
        body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
        await asyncio.gather(
            *(
                client.post("/chat/completions", cast_to=httpx2.Response, body=body)
                for _ in range(10)
            )
        )
        await clients.aclose()

    monkeypatch.setattr(asyncio, "to_thread", counting)
    asyncio.run(run())
    assert len(server.requests) == 10 and threads == 0


def test_http_client_requests_stay_out_of_transcripts(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FAKE_BASE_URL", f"{server.url}/v1")
    monkeypatch.setenv("FAKE_API_KEY", "k")
    monkeypatch.setattr("inspect_ai._model.get_model._memo", {})
    task = Task(dataset=[Sample(input="hi")])
    [log] = eval(task, model="openai-api/fake/m", log_dir=str(tmp_path), display="none")
    [sample] = log.samples or []
    assert [event.event for event in sample.events if event.event in ("model", "logger")] == [
        "model"
    ]


def test_fake_server_threads_started_up_front_serve_connections_at_once() -> None:
    together = threading.Barrier(4, timeout=30)
    handlers: set[int] = set()

    def answer(request: RecordedRequest) -> ScriptedResponse:
        handlers.add(threading.get_ident())
        together.wait()
        return ScriptedResponse(body={})

    async def run(url: str) -> None:
        async with httpx2.AsyncClient(transport=AiohttpTransport()) as client:
            await asyncio.gather(*(client.get(url) for _ in range(4)))

    before = {thread.ident for thread in threading.enumerate()}
    with FakeServer(default=answer, threads=3) as fake:
        started = {thread.ident for thread in threading.enumerate()} - before
        asyncio.run(run(fake.url))
    # three connections on the threads started with the server, the fourth on a thread of its own
    assert len(fake.requests) == 4 and len(handlers) == 4 and len(handlers & started) == 3
