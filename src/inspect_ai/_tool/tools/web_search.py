"""``web_search()``: search the web, keep the pages a model finds relevant, return their text."""

import asyncio
from typing import TYPE_CHECKING, Literal

from inspect_ai._concurrency.limits import concurrency
from inspect_ai._model.get_model import get_model
from inspect_ai._model.model import Model
from inspect_ai._tool.tool import Tool, tool
from inspect_ai._tool.tools.google_search import SearchLink, google_search_provider
from inspect_ai._tool.tools.web_page import page_text

if TYPE_CHECKING:
    import httpx

PAGE_TIMEOUT = 30.0
"""Seconds allowed for fetching one page (or one page of search results)."""

RELEVANCE_PROMPT = """Decide whether a web page helps answer a question. Reply "yes" if \
the page content is relevant to the question and "no" if it is not, with no other words.

Question: {query}

Page content:
{text}
"""
"""Asks the relevance model whether a page is relevant (``{query}``, ``{text}``)."""

NO_RESULTS = "No relevant information was found on the web for this search."


@tool
def web_search(
    provider: Literal["google"] = "google",
    num_results: int = 3,
    max_provider_calls: int = 3,
    max_connections: int = 10,
    model: str | Model | None = None,
) -> Tool:
    """A tool that searches the web for the model.

    Each search asks the provider for links (10 at a time), fetches the pages, asks a
    model whether each page is relevant to the query, and returns the text of the first
    ``num_results`` relevant pages. The provider is asked again for further links (at
    most ``max_provider_calls`` times) while too few pages are relevant.

    The Google provider uses a Programmable Search Engine: set ``GOOGLE_CSE_ID`` and
    ``GOOGLE_CSE_API_KEY`` in the environment (``GOOGLE_CSE_BASE_URL`` changes the
    API's address).

    Args:
        provider: Search provider (only ``google`` for now).
        num_results: Relevant pages returned to the model.
        max_provider_calls: Times to ask the provider for links per search.
        max_connections: Concurrent connections to the provider.
        model: Model deciding whether pages are relevant (default: the model being
            evaluated).

    Raises:
        PrerequisiteError: The provider's environment variables are not set.
    """
    if provider != "google":
        raise ValueError(f"web_search(): unknown provider '{provider}' (only 'google').")
    search = google_search_provider()

    async def execute(query: str) -> str:
        """Search the web with keywords, returning the text of relevant pages.

        Args:
            query: Search query.
        """
        import httpx

        pages: list[tuple[SearchLink, str]] = []
        timeout = httpx.Timeout(PAGE_TIMEOUT)
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=True) as client:
            for call in range(max_provider_calls):
                async with concurrency(f"{provider}_web_search", max_connections):
                    links = await search(client, query, call)
                if not links:
                    break
                checks = (
                    _relevant_page(client, link, query, model, max_connections) for link in links
                )
                found = await asyncio.gather(*checks)
                pages.extend((link, text) for link, text in zip(links, found, strict=True) if text)
                if len(pages) >= num_results:
                    break
        return _results(query, pages[:num_results])

    return execute


async def _relevant_page(
    client: "httpx.AsyncClient",
    link: SearchLink,
    query: str,
    model: str | Model | None,
    max_connections: int,
) -> str | None:
    """The text of the page at ``link`` if the model finds it relevant (None otherwise,
    or when the page cannot be fetched)."""
    import httpx

    try:
        async with concurrency("web_search_pages", max_connections):
            response = await client.get(link.url)
        response.raise_for_status()
        text = page_text(response.text)
    except (httpx.HTTPError, UnicodeDecodeError, ValueError):
        return None
    if not text:
        return None
    prompt = RELEVANCE_PROMPT.format(query=query, text=text)
    answer = await get_model(model).generate(prompt)
    return text if "yes" in answer.completion.lower() else None


def _results(query: str, pages: list[tuple[SearchLink, str]]) -> str:
    if not pages:
        return NO_RESULTS
    parts = [f"Web search results for: {query}"]
    for index, (link, text) in enumerate(pages, start=1):
        parts.append(f"[{index}] {link.url}\n{text}")
    return "\n\n".join(parts)
