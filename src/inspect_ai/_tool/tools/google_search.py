"""Links for a query from Google's Programmable Search Engine (the Custom Search JSON API)."""

import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspect_ai._model.api_key import PrerequisiteError

if TYPE_CHECKING:
    import httpx

DEFAULT_BASE_URL = "https://www.googleapis.com"
"""Where the API is (``GOOGLE_CSE_BASE_URL`` overrides it, e.g. for a test server)."""

PAGE_SIZE = 10
"""Links the API returns per request."""

_RETRIES = 3


@dataclass(frozen=True)
class SearchLink:
    """One search result: the page's URL and the snippet shown for it."""

    url: str
    snippet: str


SearchProvider = Callable[["httpx.AsyncClient", str, int], Awaitable[list[SearchLink]]]
"""Returns the links of a results page: (client, query, index of the page from 0)."""


def google_search_provider() -> SearchProvider:
    """The Google provider, configured from the environment.

    Raises:
        PrerequisiteError: ``GOOGLE_CSE_ID`` or ``GOOGLE_CSE_API_KEY`` is not set.
    """
    cse_id = os.environ.get("GOOGLE_CSE_ID")
    api_key = os.environ.get("GOOGLE_CSE_API_KEY")
    if not cse_id or not api_key:
        raise PrerequisiteError(
            "web_search() with the Google provider needs GOOGLE_CSE_ID (the Programmable "
            "Search Engine ID) and GOOGLE_CSE_API_KEY (an API key enabled for the Custom "
            "Search API) in the environment."
        )
    base_url = os.environ.get("GOOGLE_CSE_BASE_URL") or DEFAULT_BASE_URL
    endpoint = f"{base_url.rstrip('/')}/customsearch/v1"

    async def search(client: "httpx.AsyncClient", query: str, page: int) -> list[SearchLink]:
        params = {"q": query, "key": api_key, "cx": cse_id, "start": 1 + page * PAGE_SIZE}
        data = await _get_json(client, endpoint, params)
        items = data.get("items") if isinstance(data, dict) else None
        return [
            SearchLink(url=str(item["link"]), snippet=str(item.get("snippet", "")))
            for item in items or []
            if isinstance(item, dict) and item.get("link")
        ]

    return search


async def _get_json(client: "httpx.AsyncClient", url: str, params: dict[str, Any]) -> Any:
    """GET ``url`` as JSON, retrying rate limits, server errors and failed connections."""
    import httpx

    for attempt in range(_RETRIES):
        try:
            response = await client.get(url, params=params)
            if response.status_code != 429 and response.status_code < 500:
                response.raise_for_status()
                return response.json()
            if attempt == _RETRIES - 1:
                response.raise_for_status()
        except httpx.TransportError:
            if attempt == _RETRIES - 1:
                raise
        await asyncio.sleep(0.5 * 2**attempt)
    raise AssertionError("unreachable")
