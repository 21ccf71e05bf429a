"""``choice()``: the choices the ``multiple_choice()`` solver marked, against target letters."""

from inspect_ai._scorer.metrics.accuracy import accuracy
from inspect_ai._scorer.metrics.stderr import stderr
from inspect_ai._scorer.score import Score
from inspect_ai._scorer.scorer import Scorer, scorer
from inspect_ai._scorer.target import Target
from inspect_ai._scorer.value_to_float import CORRECT, INCORRECT
from inspect_ai._solver.state import TaskState


@scorer(metrics=[accuracy(), stderr()])
def choice() -> Scorer:
    """Score "C" when the choices the model picked are exactly the target letters.

    Works with the ``multiple_choice()`` solver, which marks the picked choices. Letters
    refer to the choices in their original (dataset) order, whatever order they were
    shown in. The score's answer is the picked letters (e.g. "A" or "A, C").
    """

    async def score(state: TaskState, target: Target) -> Score:
        picked = sorted(item.original_position for item in state.choices if item.correct)
        wanted = sorted({ord(letter) - ord("A") for letter in target_letters(target)})
        return Score(
            value=CORRECT if picked == wanted else INCORRECT,
            answer=", ".join(choice_letter(position) for position in picked),
            explanation=state.output.completion,
        )

    return score


def target_letters(target: Target) -> list[str]:
    """The letters of a multiple-choice target (``"A"``, ``["A", "C"]``, ``"A, C"``)."""
    return [char for item in target for char in item.upper() if "A" <= char <= "Z"]


def choice_letter(position: int) -> str:
    """The letter of the choice at ``position`` (0 is "A")."""
    return chr(ord("A") + position)
