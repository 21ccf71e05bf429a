"""The ``openai`` client of a provider: package check, ``-M`` arguments, one per event loop."""

import asyncio
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
    """The HTTP client under an ``openai`` client: the SDK's aiohttp transport when
    ``aiohttp`` is installed (about half the CPU time per call of the default), else the
    SDK's default httpx client."""
    import openai

    try:
        import aiohttp  # noqa: F401
    except ImportError:
        return openai.DefaultAsyncHttpxClient()
    return openai.DefaultAioHttpClient()


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
        self._unused: AsyncOpenAI | None = create()
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
            client, self._unused = self._unused or self._create(), None
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
