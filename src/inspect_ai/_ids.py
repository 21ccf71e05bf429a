"""Short unique identifiers (22 characters) for runs, tasks, samples and messages."""

import os
import random

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_LENGTH = 22
"""22 letters of a 57-letter alphabet: 128 bits of randomness."""

# Random bytes become letters through one translation table: a byte below 228 (4 x 57)
# maps to letter ``byte % 57`` (so every letter is equally likely) and larger bytes are
# dropped. 32 bytes give 22 letters or more in all but about 4 of 10,000 draws.
_KEPT = 4 * len(_ALPHABET)
_TABLE = bytes(ord(_ALPHABET[byte % len(_ALPHABET)]) if byte < _KEPT else 0 for byte in range(256))
_DROPPED = bytes(range(_KEPT, 256))

# A private generator seeded from the OS: never affected by user calls to random.seed(),
# and reseeded in forked children so processes never share ids.
_random = random.Random(os.urandom(32))
os.register_at_fork(after_in_child=lambda: _random.seed(os.urandom(32)))


def short_uuid() -> str:
    """A random 22-character identifier drawn from a 57-letter unambiguous alphabet."""
    while True:
        letters = _random.randbytes(32).translate(_TABLE, _DROPPED)
        if len(letters) >= _LENGTH:
            return letters[:_LENGTH].decode("ascii")
