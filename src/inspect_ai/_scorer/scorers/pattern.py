"""``pattern()``: the answer extracted from the output by a regular expression."""

import re

from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import CORRECT, INCORRECT
from inspect_ai._solver.state import TaskState


@scorer(metrics=[accuracy(), stderr()])
def pattern(pattern: str, ignore_case: bool = True, match_all: bool = False) -> Scorer:
    """Score "C" when what a regular expression extracts from the output is the target.

    The groups of the first match are compared with the targets (the whole match when
    the pattern has no groups): any group equal to a target is correct, or with
    ``match_all`` every group must equal a target.

    Args:
        pattern: Regular expression (use groups to extract the answer).
        ignore_case: Match the pattern, and compare, without regard to case.
        match_all: Require every group (not just one) to equal a target.
    """
    regex = re.compile(pattern, re.IGNORECASE if ignore_case else 0)

    async def score(state: TaskState, target: Target) -> Score:
        completion = state.output.completion
        found = regex.search(completion)
        if found is None:
            return Score(value=INCORRECT, explanation=completion)
        groups = [group for group in found.groups() if group is not None] or [found.group(0)]
        wanted = {_norm(item, ignore_case) for item in target}
        hits = [group for group in groups if _norm(group, ignore_case) in wanted]
        correct = len(hits) == len(groups) if match_all else bool(hits)
        answer = hits[0] if hits and correct else groups[0]
        return Score(value=CORRECT if correct else INCORRECT, answer=answer, explanation=completion)

    return score


def _norm(text: str, ignore_case: bool) -> str:
    stripped = text.strip()
    return stripped.casefold() if ignore_case else stripped
