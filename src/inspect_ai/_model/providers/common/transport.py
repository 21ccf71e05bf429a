"""Transport failures (timeouts, refused or dropped connections) from any HTTP stack."""

_TRANSIENT_CLASSES = {
    # httpx and its fork httpx2: every timeout, connect, read, write and protocol error
    ("httpx", "TransportError"),
    ("httpx2", "TransportError"),
    # aiohttp: refused, reset and dropped connections, and its own timeouts
    ("aiohttp", "ClientConnectionError"),
    ("aiohttp", "ClientPayloadError"),
    ("aiohttp", "ServerTimeoutError"),
}


def is_transport_error(ex: BaseException) -> bool:
    """Whether ``ex`` is a timeout or a connection failure, worth retrying.

    Classes are recognised by name, so no HTTP package needs to be imported.
    """
    if isinstance(ex, (TimeoutError, ConnectionError)):
        return True
    for cls in type(ex).__mro__:
        package = cls.__module__.partition(".")[0]
        if (package, cls.__name__) in _TRANSIENT_CLASSES:
            return True
    return False
