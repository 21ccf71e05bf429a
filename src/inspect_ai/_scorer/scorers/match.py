"""``match()``: whether the output begins, ends with, contains or is the target."""

import math
import re
from typing import Literal, TypeAlias

from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.scorers.text import strip_punctuation
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import CORRECT, INCORRECT
from inspect_ai._solver.state import TaskState

Location: TypeAlias = Literal["begin", "end", "any", "exact"]

_NUMBER = re.compile(r"[-+]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")
_LONE_NUMBER = re.compile(r"[^\w\-+.]*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)[^\w]*")


@scorer(metrics=[accuracy(), stderr()])
def match(location: Location = "end", *, ignore_case: bool = True, numeric: bool = False) -> Scorer:
    """Score "C" when the output begins with, ends with, contains or is the target.

    Whitespace and punctuation around the output and the target are ignored (and case,
    unless ``ignore_case`` is False). With ``numeric``, numbers are compared instead of
    text: the last number of the output for ``end``, the first for ``begin``, any for
    ``any``, the whole output for ``exact`` (so "The answer is 1,000." matches "1000").

    Args:
        location: Where in the output to look for the target.
        ignore_case: Compare without regard to case.
        numeric: Compare numbers rather than text.
    """

    async def score(state: TaskState, target: Target) -> Score:
        completion = state.output.completion
        answer, correct = "", False
        for item in target:
            answer, correct = match_str(completion, item, location, ignore_case, numeric)
            if correct:
                break
        return Score(value=CORRECT if correct else INCORRECT, answer=answer, explanation=completion)

    return score


def match_str(
    value: str,
    target: str,
    location: Location = "end",
    ignore_case: bool = True,
    numeric: bool = False,
) -> tuple[str, bool]:
    """The answer found in ``value`` and whether it matches ``target``."""
    if numeric:
        wanted = parse_number(target)
        if wanted is not None:
            return _match_number(value, wanted, location)
    return _match_text(value, target, location, ignore_case)


def parse_number(text: str) -> float | None:
    """``text`` as a number (allowing ``$``, thousands separators and punctuation around)."""
    found = _LONE_NUMBER.fullmatch(text.replace(",", "").replace("$", ""))
    if found is None:
        return None
    number = float(found.group(1))
    return number if math.isfinite(number) else None


def _match_text(value: str, target: str, location: Location, ignore_case: bool) -> tuple[str, bool]:
    answer = _squash(strip_punctuation(value))
    found, wanted = answer, _squash(strip_punctuation(target))
    if ignore_case:
        found, wanted = found.casefold(), wanted.casefold()
    if not wanted:
        return answer, not found
    if location == "begin":
        return answer, found.startswith(wanted)
    if location == "end":
        return answer, found.endswith(wanted)
    if location == "any":
        return answer, wanted in found
    return answer, found == wanted


def _match_number(value: str, wanted: float, location: Location) -> tuple[str, bool]:
    if location == "exact":
        number = parse_number(value)
        return strip_punctuation(value), number is not None and _same(number, wanted)
    numbers = [text.replace(",", "") for text in _NUMBER.findall(value)]
    if not numbers:
        return "", False
    if location == "any":
        for text in numbers:
            if _same(float(text), wanted):
                return text, True
        return numbers[-1], False
    text = numbers[0] if location == "begin" else numbers[-1]
    return text, _same(float(text), wanted)


def _same(number: float, wanted: float) -> bool:
    return math.isclose(number, wanted, rel_tol=1e-9, abs_tol=1e-12)


def _squash(text: str) -> str:
    return " ".join(text.split())
