"""The ``think()`` and ``web_search()`` tools (web search against a local fake server)."""

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from inspect_ai import Task, eval
from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._tool.tools.web_page import page_text
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessage, ChatMessageTool, Model, ModelOutput, get_model
from inspect_ai.solver import generate, use_tools
from inspect_ai.tool import ToolDef, think, web_search

MOCK = "mockllm/model"


def page(*paragraphs: str, main: bool = False) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    if main:
        body = f"<nav><p>Menu Home About</p></nav><main>{body}</main>"
    return (
        "<html><head><title>T</title><script>var hidden = 1;</script></head>"
        f"<body>{body}</body></html>"
    )


PAGES = {
    "/relevant-1": page("RELEVANT first page about otters.", "Otters hold hands.", main=True),
    "/irrelevant": page("Nothing to see here."),
    "/relevant-2": page("RELEVANT second page &amp; more."),
    "/relevant-3": page("RELEVANT third page."),
}


class FakeGoogle(BaseHTTPRequestHandler):
    """Serves the Custom Search API and the pages it links to."""

    results: dict[int, list[str]] = {}
    searches: list[dict[str, list[str]]] = []
    failures: list[int] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        url = urlparse(self.path)
        if url.path == "/customsearch/v1":
            if self.failures:
                self._send(self.failures.pop(0), "application/json", "{}")
                return
            query = parse_qs(url.query)
            self.searches.append(query)
            start = int(query["start"][0])
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            items = [
                {"link": base + path, "snippet": f"snippet of {path}"}
                for path in self.results.get(start, [])
            ]
            self._send(200, "application/json", json.dumps({"items": items} if items else {}))
        elif url.path in PAGES:
            self._send(200, "text/html; charset=utf-8", PAGES[url.path])
        else:
            self._send(404, "text/plain", "not found")

    def _send(self, status: int, content_type: str, body: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeGoogle]]:
    FakeGoogle.results = {}
    FakeGoogle.searches = []
    FakeGoogle.failures = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGoogle)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("GOOGLE_CSE_ID", "engine-id")
    monkeypatch.setenv("GOOGLE_CSE_API_KEY", "secret-key")
    monkeypatch.setenv("GOOGLE_CSE_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}")
    try:
        yield FakeGoogle
    finally:
        server.shutdown()
        server.server_close()


def judge() -> Model:
    """A relevance model: a page is relevant when its text says RELEVANT."""

    def reply(input: list[ChatMessage], *args: Any) -> ModelOutput:
        relevant = "RELEVANT" in input[-1].text
        return ModelOutput.from_content(MOCK, "Yes." if relevant else "no")

    return get_model(MOCK, custom_outputs=reply, memoize=False)


def search(query: str, **kwargs: Any) -> str:
    tool = web_search(model=kwargs.pop("model", judge()), **kwargs)
    return str(asyncio.run(tool(query=query)))


# web_search ------------------------------------------------------------------------------


def test_missing_environment_is_an_error_at_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOOGLE_CSE_ID", raising=False)
    monkeypatch.setenv("GOOGLE_CSE_API_KEY", "key")
    with pytest.raises(PrerequisiteError, match="GOOGLE_CSE_ID.*GOOGLE_CSE_API_KEY"):
        web_search()


def test_unknown_provider_is_an_error(google: type[FakeGoogle]) -> None:
    with pytest.raises(ValueError, match="unknown provider"):
        web_search(provider="bing")  # type: ignore[arg-type]


def test_returns_the_text_of_relevant_pages(google: type[FakeGoogle]) -> None:
    google.results[1] = ["/irrelevant", "/relevant-1", "/missing", "/relevant-2", "/relevant-3"]
    result = search("otters", num_results=2)
    assert result.startswith("Web search results for: otters")
    assert "RELEVANT first page about otters.\n\nOtters hold hands." in result
    assert "RELEVANT second page & more." in result
    assert "third" not in result and "Nothing to see" not in result
    assert "Menu" not in result and "hidden" not in result
    assert result.index("/relevant-1") < result.index("/relevant-2")
    [query] = google.searches
    assert query == {"q": ["otters"], "key": ["secret-key"], "cx": ["engine-id"], "start": ["1"]}


def test_asks_for_more_links_while_too_few_are_relevant(google: type[FakeGoogle]) -> None:
    google.results[1] = ["/irrelevant"]
    google.results[11] = ["/relevant-3", "/irrelevant"]
    google.results[21] = ["/relevant-1"]
    result = search("otters", num_results=3, max_provider_calls=2)
    assert [q["start"] for q in google.searches] == [["1"], ["11"]]
    assert "third page" in result and "first page" not in result


def test_no_relevant_pages(google: type[FakeGoogle]) -> None:
    google.results[1] = ["/irrelevant"]
    assert search("otters") == "No relevant information was found on the web for this search."
    assert len(google.searches) == 2  # the second results page was empty


def test_retries_server_errors(google: type[FakeGoogle]) -> None:
    google.failures.extend([500, 429])
    google.results[1] = ["/relevant-2"]
    assert "second page" in search("otters")


def test_web_search_in_an_eval(google: type[FakeGoogle], tmp_path: Path) -> None:
    google.results[1] = ["/relevant-1"]
    replies = [ModelOutput.for_tool_call(MOCK, "web_search", {"query": "otters"})]

    def reply(input: list[ChatMessage], *args: Any) -> ModelOutput:
        if "Page content" in input[-1].text:
            return ModelOutput.from_content(MOCK, "yes")
        if replies:
            return replies.pop(0)
        return ModelOutput.from_content(MOCK, f"Found: {input[-1].text[:40]}")

    model = get_model(MOCK, custom_outputs=reply, memoize=False)
    task = Task(
        dataset=[Sample(input="Tell me about otters.")],
        solver=[use_tools(web_search()), generate()],
        model=model,
    )
    [log] = eval(task, display="none", log_dir=str(tmp_path))
    assert log.status == "success", log.error
    assert log.samples is not None
    sample = log.samples[0]
    [message] = [m for m in sample.messages if isinstance(m, ChatMessageTool)]
    assert "Otters hold hands." in message.text
    step = log.plan.steps[0]
    assert step.params["tools"][0]["name"] == "web_search"


def test_page_text() -> None:
    assert page_text(page("one two", "three", main=True)) == "one two\n\nthree"
    assert page_text(page("a b c", "d e f", "g"), max_words=4) == "a b c\n\nd e f"
    assert page_text("<body><div>Just <b>text</b></div><script>x()</script></body>") == (
        "Just text"
    )
    assert page_text("<div>" + "w " * 50 + "</div>", max_words=5) == "w w w w w"


# think ------------------------------------------------------------------------------------


def test_think_describes_itself_and_can_be_redescribed() -> None:
    tool = ToolDef(think())
    assert tool.name == "think"
    assert tool.description.startswith("Use this tool to think")
    assert tool.parameters.required == ["thought"]
    custom = ToolDef(think(description="Ponder.", thought_description="What to ponder."))
    assert custom.description == "Ponder."
    assert custom.parameters.properties["thought"].description == "What to ponder."


def test_think_in_an_eval(tmp_path: Path) -> None:
    outputs = [
        ModelOutput.for_tool_call(MOCK, "think", {"thought": "Otters are *mustelids*."}),
        ModelOutput.from_content(MOCK, "Done."),
    ]
    task = Task(
        dataset=[Sample(input="Think.")],
        solver=[use_tools(think(description="Ponder.")), generate()],
        model=get_model(MOCK, custom_outputs=outputs, memoize=False),
    )
    [log] = eval(task, display="none", log_dir=str(tmp_path))
    assert log.status == "success", log.error
    assert log.samples is not None
    sample = log.samples[0]
    [message] = [m for m in sample.messages if isinstance(m, ChatMessageTool)]
    assert (message.function, message.text, message.error) == ("think", "", None)
    [event] = [e for e in sample.events if e.event == "tool"]
    assert event.view is not None
    assert (event.view.format, event.view.content) == ("markdown", "Otters are *mustelids*.")
    model_event = next(e for e in sample.events if e.event == "model")
    assert [(t.name, t.description) for t in model_event.tools] == [("think", "Ponder.")]
    assert log.plan.steps[0].params["tools"][0] == {
        "type": "tool",
        "name": "think",
        "params": {"description": "Ponder.", "thought_description": None},
    }
