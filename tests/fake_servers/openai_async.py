"""A lean fake OpenAI Chat Completions server for benchmarks: one asyncio event loop.

The threaded test server (``openai.py`` over ``http.py``) parses every request with the
standard library's HTTP machinery on one of many threads sharing a GIL: a burst of 100
concurrent requests then queues for tens of milliseconds inside the server, and a
benchmark of the client would be measuring the server. This one reads a request line,
headers and body off a keep-alive connection with a few byte operations, waits the
delay without holding anything, and answers with the same ``chat.completion`` body.

Run it as a process with ``python -m tests.fake_servers.openai_async [--delay SECONDS]``:
it prints its base URL (``http://127.0.0.1:<port>/v1``) on the first line of stdout and
serves until killed.
"""

import argparse
import asyncio
import json
import sys

from tests.fake_servers.openai import chat_completion, grading_reply

_HEADERS_END = b"\r\n\r\n"


async def _serve_connection(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float
) -> None:
    try:
        while True:
            head = await reader.readuntil(_HEADERS_END)
            body = await reader.readexactly(_content_length(head))
            await asyncio.sleep(delay)
            writer.write(_response(head, body))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def _response(head: bytes, body: bytes) -> bytes:
    method, path = head.split(b" ", 2)[:2]
    if method != b"POST" or not path.endswith(b"/chat/completions"):
        status, payload = b"404 Not Found", {"error": {"message": "Unknown path"}}
    else:
        request = json.loads(body)
        reply = chat_completion(grading_reply(request), model=request.get("model", "model"))
        status, payload = b"200 OK", reply.body
    content = json.dumps(payload).encode()
    return (
        b"HTTP/1.1 " + status + b"\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(content)).encode() + b"\r\n\r\n" + content
    )


async def _main(delay: float) -> None:
    server = await asyncio.start_server(
        lambda reader, writer: _serve_connection(reader, writer, delay),
        "127.0.0.1",
        0,
        backlog=1024,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{port}/v1", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    """Serve until killed, printing the base URL first."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    args = parser.parse_args()
    try:
        asyncio.run(_main(args.delay))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
