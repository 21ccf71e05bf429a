"""The ``openai`` client of a provider: package check, ``-M`` arguments, one per event loop."""

import asyncio
import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from inspect_ai._model.api_key import PrerequisiteError
from inspect_ai._model.providers.openai_compatible.endpoint import Endpoint

if TYPE_CHECKING:
    import httpx2
    from openai import AsyncOpenAI

ClientFactory = Callable[[], "AsyncOpenAI"]
"""Creates a client (called once per event loop)."""


def require_openai(provider: str) -> None:
    """Raise a one-line ``PrerequisiteError`` when the ``openai`` package is missing."""
    try:
        import openai  # noqa: F401
    except ImportError:
        raise PrerequisiteError(
            f"The '{provider}' provider requires the openai package: pip install openai"
        ) from None


def client_args(
    client_class: type[Any], model_args: dict[str, Any], provider: str
) -> dict[str, Any]:
    """``model_args`` (``-M``) for the client constructor, checked against its parameters.

    Raises:
        ValueError: An argument the client does not take (naming the ones it does).
    """
    accepted = set(inspect.signature(client_class.__init__).parameters) - {"self"}
    unknown = sorted(set(model_args) - accepted)
    if unknown:
        known = ", ".join(sorted(name for name in accepted if not name.startswith("_")))
        raise ValueError(
            f"Unknown model args for '{provider}': {', '.join(unknown)} "
            f"({client_class.__name__} takes: {known})."
        )
    return dict(model_args)


def http_client() -> "httpx2.AsyncClient":
    """The HTTP client under an ``openai`` client: the SDK's defaults (timeout, redirects)
    over our ``aiohttp`` transport when ``aiohttp`` is installed, else over ``httpx2``'s own
    pool. Neither pool limits the connections: the model's connection limit bounds the
    calls in flight, and every connection stays open for the next call."""
    import httpx2
    import openai

    from inspect_ai._model.providers.common.aiohttp_transport import (
        AiohttpTransport,
        ssl_context,
    )

    try:
        import aiohttp  # noqa: F401
    except ImportError:
        unlimited = httpx2.Limits(max_connections=None, max_keepalive_connections=None)
        return openai.DefaultAsyncHttpxClient(limits=unlimited, verify=ssl_context())
    return openai.DefaultAsyncHttpxClient(transport=AiohttpTransport())


def openai_client(endpoint: Endpoint, model_args: dict[str, Any], provider: str) -> ClientFactory:
    """A factory of ``AsyncOpenAI`` clients for ``endpoint``, never retrying on their own
    (on ``http_client()`` unless ``-M http_client`` gives one)."""
    from openai import AsyncOpenAI

    kwargs = client_args(AsyncOpenAI, model_args, provider)

    def create() -> AsyncOpenAI:
        return AsyncOpenAI(
            **{
                **kwargs,
                "api_key": endpoint.api_key,
                "base_url": endpoint.base_url,
                "max_retries": 0,
                "http_client": kwargs.get("http_client") or http_client(),
            }
        )

    return create


class LoopClients:
    """One client per event loop: a client's connections belong to the loop that opened them,
    and each ``eval()`` runs its own loop. A client is closed when its loop is finishing
    (``asyncio.run`` cancels the task waiting to close it) or by ``aclose()``.

    Args:
        create: Makes a client. It is called once at once, so that bad arguments are
            reported when the model is created rather than at its first call.
    """

    def __init__(self, create: ClientFactory) -> None:
        self._create = create
        self._unused: AsyncOpenAI | None = _with_platform(create())
        self._clients: WeakKeyDictionary[asyncio.AbstractEventLoop, AsyncOpenAI] = (
            WeakKeyDictionary()
        )
        self._closers: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Task[None]] = (
            WeakKeyDictionary()
        )

    def get(self) -> "AsyncOpenAI":
        """The client of the running event loop."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client, self._unused = self._unused or _with_platform(self._create()), None
            self._clients[loop] = client
            self._closers[loop] = loop.create_task(self._close_at_loop_end(loop, client))
        return client

    async def aclose(self) -> None:
        """Close the client of the running event loop."""
        closer = self._closers.get(asyncio.get_running_loop())
        if closer is not None:
            closer.cancel()
            await asyncio.gather(closer, return_exceptions=True)

    async def _close_at_loop_end(
        self, loop: asyncio.AbstractEventLoop, client: "AsyncOpenAI"
    ) -> None:
        try:
            await loop.create_future()  # until cancelled
        finally:
            self._clients.pop(loop, None)
            self._closers.pop(loop, None)
            await client.close()


def _with_platform(client: "AsyncOpenAI") -> "AsyncOpenAI":
    """``client``, told the platform it reports in its request headers.

    Until it knows, the SDK detects the platform in a thread at each request, so the first
    hundred requests of a run (one per connection) would queue a hundred threads before
    anything is sent. It is detected once per process instead.
    """
    if getattr(client, "_platform", False) is None:
        client._platform = _platform()
    return client


@functools.cache
def _platform() -> Any:
    from openai._base_client import get_platform

    return get_platform()
