"""Clients bound to the event loop they were made in, one per running loop."""

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerLoop(Generic[T]):
    """Makes a client for each running event loop and gives that loop's client back.

    HTTP clients keep pooled connections that belong to the loop they were opened in;
    a model used by one ``eval()`` and then another (each running its own loop) gets a
    fresh client in the second.

    Args:
        create: Makes a new client.
        close: Closes a client (awaited by ``aclose()``).
    """

    def __init__(
        self, create: Callable[[], T], close: Callable[[T], Awaitable[None]] | None = None
    ) -> None:
        self._create = create
        self._close = close
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T] = (
            weakref.WeakKeyDictionary()
        )

    def get(self) -> T:
        """The client of the running loop (made on first use)."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = self._create()
            self._clients[loop] = client
        return client

    async def aclose(self) -> None:
        """Close the running loop's client (if it has one)."""
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None and self._close is not None:
            await self._close(client)
