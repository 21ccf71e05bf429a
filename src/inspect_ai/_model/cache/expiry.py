"""Cache expiry periods: a number and a unit, e.g. ``30s``, ``5m``, ``1h``, ``1D``, ``1W``."""

import re

_UNIT_SECONDS = {
    "s": 1,
    "m": 60,
    "h": 60 * 60,
    "D": 24 * 60 * 60,
    "W": 7 * 24 * 60 * 60,
    "M": 30 * 24 * 60 * 60,
    "Y": 365 * 24 * 60 * 60,
}
_PERIOD = re.compile(r"(\d+)([smhDWMY])")


def expiry_seconds(expiry: str | None) -> int | None:
    """The seconds in an expiry period (None: never expires).

    Units are ``s`` seconds, ``m`` minutes, ``h`` hours, ``D`` days, ``W`` weeks,
    ``M`` months (30 days) and ``Y`` years (365 days).

    Raises:
        ValueError: ``expiry`` is not a number followed by one of those units.
    """
    if expiry is None:
        return None
    match = _PERIOD.fullmatch(expiry.strip())
    if match is None:
        raise ValueError(
            f"Invalid cache expiry {expiry!r}: use a number and a unit "
            "(s, m, h, D, W, M or Y), e.g. '1W'"
        )
    return int(match[1]) * _UNIT_SECONDS[match[2]]
