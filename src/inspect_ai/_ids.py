"""Short unique identifiers (22 characters) for runs, tasks, samples and messages."""

import uuid

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_LENGTH = 22


def short_uuid() -> str:
    """A random 22-character identifier drawn from a 57-letter unambiguous alphabet."""
    number = uuid.uuid4().int
    letters = []
    for _ in range(_LENGTH):
        number, digit = divmod(number, len(_ALPHABET))
        letters.append(_ALPHABET[digit])
    return "".join(reversed(letters))
