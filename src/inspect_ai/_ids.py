"""Short unique identifiers (22 characters) for runs, tasks, samples and messages."""

import os
import random

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_PAIRS = [a + b for a in _ALPHABET for b in _ALPHABET]

# A private generator seeded from the OS: 128 random bits per id, never affected by user
# calls to random.seed(), and reseeded in forked children so processes never share ids.
_random = random.Random(os.urandom(32))
os.register_at_fork(after_in_child=lambda: _random.seed(os.urandom(32)))


def short_uuid() -> str:
    """A random 22-character identifier drawn from a 57-letter unambiguous alphabet."""
    number = _random.getrandbits(128)
    letters = []
    for _ in range(11):
        number, pair = divmod(number, 3249)
        letters.append(_PAIRS[pair])
    return "".join(letters)
