"""Text normalisation shared by the built-in scorers."""

import re
import string
import unicodedata

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)


def strip_punctuation(text: str) -> str:
    """``text`` without whitespace or punctuation at either end."""
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    return (
        char.isspace() or unicodedata.category(char).startswith("P") or char in string.punctuation
    )


def normalize_text(text: str, stop_words: frozenset[str] = frozenset()) -> str:
    """SQuAD-style normalisation: lower case, no punctuation, articles or extra spaces."""
    lowered = text.lower()
    no_punctuation = "".join(
        " " if unicodedata.category(char).startswith("P") or char in string.punctuation else char
        for char in lowered
    )
    no_articles = _ARTICLES.sub(" ", no_punctuation)
    return " ".join(word for word in no_articles.split() if word not in stop_words)


def normalize_tokens(text: str, stop_words: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` after ``normalize_text``."""
    return normalize_text(text, stop_words).split()
