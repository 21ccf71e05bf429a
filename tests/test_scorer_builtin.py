"""The built-in text scorers: includes, match, pattern, answer, choice, exact and f1."""

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from inspect_ai._solver.choices import Choice
from inspect_ai._solver.state import TaskState
from inspect_ai.model import ChatMessage, ChatMessageUser, ModelOutput
from inspect_ai.scorer import (
    CORRECT,
    INCORRECT,
    Score,
    Scorer,
    Target,
    answer,
    choice,
    exact,
    f1,
    includes,
    match,
    pattern,
)

MESSAGES = TypeAdapter(list[ChatMessage]).validate_python
UPSTREAM = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "upstream-logs"


def make_state(
    completion: str,
    target: str | list[str] = "",
    choices: list[str] | None = None,
    input: str = "question",
) -> TaskState:
    state = TaskState(
        model="mockllm/model",
        sample_id=1,
        epoch=1,
        input=input,
        messages=[ChatMessageUser(content=input)],
        target=target,
        choices=choices,
    )
    state.output = ModelOutput.from_content("mockllm/model", completion)
    return state


def run(scorer: Scorer, completion: str, target: str | list[str], **kwargs: Any) -> Score:
    state = make_state(completion, target, **kwargs)
    result = asyncio.run(scorer(state, state.target))
    assert result is not None
    return result


# includes ------------------------------------------------------------------------------


def test_includes_ignores_case_by_default_and_keeps_lowered_answer() -> None:
    result = run(includes(), "The capital is PARIS.", "paris")
    assert result.value == CORRECT
    assert result.answer == "the capital is paris."
    assert result.explanation == "The capital is PARIS."


def test_includes_case_sensitive() -> None:
    assert run(includes(ignore_case=False), "The capital is PARIS.", "paris").value == INCORRECT
    assert run(includes(ignore_case=False), "The capital is Paris.", "Paris").value == CORRECT


def test_includes_any_of_several_targets() -> None:
    assert run(includes(), "it is blue", ["red", "blue"]).value == CORRECT
    assert run(includes(), "it is green", ["red", "blue"]).value == INCORRECT


# match ---------------------------------------------------------------------------------


def test_match_end_ignores_case_whitespace_and_punctuation() -> None:
    result = run(match(), "  The answer is Paris.  \n", "paris")
    assert result.value == CORRECT
    assert result.answer == "The answer is Paris"
    assert result.explanation == "  The answer is Paris.  \n"


def test_match_end_fails_when_target_is_not_at_the_end() -> None:
    assert run(match(), "Paris is the answer", "paris").value == INCORRECT


def test_match_begin_any_exact() -> None:
    assert run(match("begin"), "Paris, of course.", "paris").value == CORRECT
    assert run(match("begin"), "Of course Paris.", "paris").value == INCORRECT
    assert run(match("any"), "I think Paris is right", "paris").value == CORRECT
    assert run(match("exact"), "Paris.", "paris").value == CORRECT
    assert run(match("exact"), "Paris, France", "paris").value == INCORRECT


def test_match_case_sensitive() -> None:
    assert run(match(ignore_case=False), "the answer is paris", "Paris").value == INCORRECT
    assert run(match(ignore_case=False), "the answer is Paris", "Paris").value == CORRECT


def test_match_numeric_takes_the_last_number() -> None:
    result = run(match(numeric=True), "Let me compute. The answer is 14", "13")
    assert (result.value, result.answer) == (INCORRECT, "14")
    result = run(match(numeric=True), "From 3 and 10 I get 13.", "13")
    assert (result.value, result.answer) == (CORRECT, "13")


def test_match_numeric_compares_numbers_not_text() -> None:
    assert run(match(numeric=True), "The total is 1,000.", "1000").value == CORRECT
    assert run(match(numeric=True), "It is 4.0", "4").value == CORRECT
    assert run(match(numeric=True), "It is $12.50", "12.5").value == CORRECT
    assert run(match(numeric=True), "It is -3", "-3").value == CORRECT
    # without numeric, "14" ends with "4"
    assert run(match(), "The answer is 14", "4").value == CORRECT
    assert run(match(numeric=True), "The answer is 14", "4").value == INCORRECT


def test_match_numeric_locations() -> None:
    assert run(match("begin", numeric=True), "7 is more than 3", "7").value == CORRECT
    assert run(match("begin", numeric=True), "3 is less than 7", "7").value == INCORRECT
    result = run(match("any", numeric=True), "either 3 or 7 or 9", "7")
    assert (result.value, result.answer) == (CORRECT, "7")
    assert run(match("exact", numeric=True), " 42. ", "42").value == CORRECT
    assert run(match("exact", numeric=True), "it is 42", "42").value == INCORRECT


def test_match_numeric_without_a_number_in_the_output() -> None:
    result = run(match(numeric=True), "I will use the add tool.", "7")
    assert (result.value, result.answer) == (INCORRECT, "")


def test_match_numeric_with_a_text_target_compares_text() -> None:
    assert run(match(numeric=True), "The answer is banana", "banana").value == CORRECT


# pattern -------------------------------------------------------------------------------


def test_pattern_compares_the_group() -> None:
    result = run(pattern(r"answer is (\w+)"), "I think the answer is Paris, really", "paris")
    assert (result.value, result.answer) == (CORRECT, "Paris")


def test_pattern_without_groups_uses_whole_match() -> None:
    result = run(pattern(r"\d+"), "roughly 42 of them", "42")
    assert (result.value, result.answer) == (CORRECT, "42")


def test_pattern_case_sensitive() -> None:
    scorer = pattern(r"answer is (\w+)", ignore_case=False)
    assert run(scorer, "the answer is Paris", "paris").value == INCORRECT
    assert run(scorer, "the ANSWER is Paris", "Paris").value == INCORRECT
    assert run(scorer, "the answer is Paris", "Paris").value == CORRECT


def test_pattern_any_group_or_all_groups() -> None:
    regex = r"first: (\w+), second: (\w+)"
    text = "first: red, second: blue"
    assert run(pattern(regex), text, "blue").value == CORRECT
    assert run(pattern(regex), text, "blue").answer == "blue"
    assert run(pattern(regex, match_all=True), text, "blue").value == INCORRECT
    same = "first: blue, second: blue"
    assert run(pattern(regex, match_all=True), same, "blue").value == CORRECT


def test_pattern_not_found() -> None:
    result = run(pattern(r"answer is (\w+)"), "no idea", "paris")
    assert result.value == INCORRECT
    assert result.answer is None


# answer --------------------------------------------------------------------------------


def test_answer_letter() -> None:
    result = run(answer("letter"), "Reasoning...\n\nANSWER: B", "B")
    assert (result.value, result.answer) == (CORRECT, "B")
    assert run(answer("letter"), "ANSWER: c", "C").value == CORRECT
    assert run(answer("letter"), "ANSWER: A", "B").value == INCORRECT


def test_answer_uses_the_last_answer() -> None:
    text = "Reply with ANSWER: $LETTER. Thinking... ANSWER: A\nNo wait.\nANSWER: D"
    assert run(answer("letter"), text, "D").answer == "D"


def test_answer_word_and_line() -> None:
    result = run(answer("word"), "answer: Paris is the capital", "paris")
    assert (result.value, result.answer) == (CORRECT, "Paris")
    line = run(answer("line"), "ANSWER: New York City.\nThanks", "new york city")
    assert (line.value, line.answer) == (CORRECT, "New York City.")
    assert run(answer("word"), "ANSWER: New York", "new york").value == INCORRECT


def test_answer_missing() -> None:
    result = run(answer("letter"), "I don't know", "A")
    assert result.value == INCORRECT and result.answer is None


def test_answer_rejects_unknown_pattern() -> None:
    with pytest.raises(ValueError):
        answer("sentence")  # type: ignore[arg-type]


# choice --------------------------------------------------------------------------------


def choice_state(values: list[str], target: str | list[str], picked: list[int]) -> TaskState:
    state = make_state("ANSWER: ?", target, choices=values)
    for index in picked:
        state.choices.mark_choice(index, True)
    return state


def score_state(scorer: Scorer, state: TaskState) -> Score:
    result = asyncio.run(scorer(state, state.target))
    assert result is not None
    return result


def test_choice_single_letter() -> None:
    good = score_state(choice(), choice_state(["Berlin", "Paris", "Rome"], "B", [1]))
    assert (good.value, good.answer) == (CORRECT, "B")
    bad = score_state(choice(), choice_state(["Y", "Z"], "B", [0]))
    assert (bad.value, bad.answer) == (INCORRECT, "A")


def test_choice_several_letters_must_all_be_picked() -> None:
    values = ["a", "b", "c", "d"]
    both = score_state(choice(), choice_state(values, ["A", "C"], [0, 2]))
    assert (both.value, both.answer) == (CORRECT, "A, C")
    assert score_state(choice(), choice_state(values, ["A", "C"], [0])).value == INCORRECT
    assert score_state(choice(), choice_state(values, "A", [0, 2])).value == INCORRECT


def test_choice_none_picked() -> None:
    result = score_state(choice(), choice_state(["a", "b"], "A", []))
    assert (result.value, result.answer) == (INCORRECT, "")


def test_choice_letters_refer_to_original_order_after_shuffling() -> None:
    state = make_state("ANSWER: A", "B", choices=["Berlin", "Paris", "Rome"])
    state.choices.shuffle()
    # the model was shown a shuffled order and picked "Paris" wherever it was shown
    state.choices._choices = [  # deterministic shuffle: Rome, Paris, Berlin
        Choice("Rome", None, 2),
        Choice("Paris", None, 1),
        Choice("Berlin", None, 0),
    ]
    state.choices.mark_choice(1, True)
    shuffled = score_state(choice(), state)
    assert (shuffled.value, shuffled.answer) == (CORRECT, "B")
    state.choices.unshuffle()
    restored = score_state(choice(), state)
    assert (restored.value, restored.answer) == (CORRECT, "B")


# exact and f1 --------------------------------------------------------------------------


def test_exact_normalises_case_punctuation_and_articles() -> None:
    assert run(exact(), "The  Eiffel Tower!", "eiffel tower").value == CORRECT
    assert run(exact(), "The Eiffel Tower in Paris", "eiffel tower").value == INCORRECT
    assert run(exact(), "Rome", ["Paris", "rome"]).value == CORRECT


def test_f1_values() -> None:
    assert run(f1(), "the cat sat", "cat sat").value == pytest.approx(1.0)
    # tokens: [cat, sat, on, mat] vs [cat, sat]: precision 0.5, recall 1
    assert run(f1(), "The cat sat on the mat.", "cat sat").value == pytest.approx(2 / 3)
    assert run(f1(), "dog", "cat").value == 0.0
    assert run(f1(), "cat cat", "cat").value == pytest.approx(2 / 3)


def test_f1_best_target_answer_fn_and_stop_words() -> None:
    assert run(f1(), "blue sky", ["red", "blue sky"]).value == pytest.approx(1.0)
    last_word = f1(answer_fn=lambda text: text.split()[-1])
    result = run(last_word, "I say paris", "paris")
    assert result.value == pytest.approx(1.0) and result.answer == "paris"
    assert run(f1(stop_words=["on"]), "cat sat on", "cat sat").value == pytest.approx(1.0)


def test_f1_empty_answers() -> None:
    assert run(f1(), "", "").value == 1.0
    assert run(f1(), "", "cat").value == 0.0


# replaying the reference implementation's scores ---------------------------------------


def fixture_samples(name: str) -> list[dict[str, Any]]:
    path = next(UPSTREAM.glob(name))
    samples: list[dict[str, Any]] = json.loads(path.read_text())["samples"]
    return [sample for sample in samples if sample.get("scores")]


def sample_state(sample: dict[str, Any]) -> TaskState:
    input = sample["input"]
    messages: list[ChatMessage] = (
        [ChatMessageUser(content=input)] if isinstance(input, str) else MESSAGES(input)
    )
    state = TaskState(
        model="mockllm/model",
        sample_id=sample["id"],
        epoch=sample["epoch"],
        input=input if isinstance(input, str) else messages,
        messages=messages,
        target=sample["target"],
        choices=sample.get("choices"),
    )
    state.output = ModelOutput.from_content("mockllm/model", sample["output"]["completion"])
    return state


@pytest.mark.parametrize(
    ("fixture", "key", "scorer"),
    [
        ("*plain-default*.json", "match", match()),
        ("*arith-match_Zr8*-scored.json", "match", match(numeric=True)),
        ("*arith-match_Zr8*-scored.json", "includes", includes()),
        ("*message-limit-task*.json", "match", match(numeric=True)),
        ("*image-input*.json", "includes", includes()),
        ("*epochs-reducers*.json", "match", match(numeric=True)),
    ],
)
def test_scores_match_the_reference_logs(fixture: str, key: str, scorer: Scorer) -> None:
    for sample in fixture_samples(fixture):
        expected = sample["scores"][key]
        got = score_state(scorer, sample_state(sample))
        assert (got.value, got.answer, got.explanation) == (
            expected["value"],
            expected.get("answer"),
            expected.get("explanation"),
        )


def test_choice_scores_match_the_reference_log() -> None:
    for sample in fixture_samples("*mcq*.json"):
        state = sample_state(sample)
        letter = sample["output"]["completion"].rsplit("ANSWER:", 1)[1].strip()
        state.choices.mark_choice(ord(letter) - ord("A"), True)
        expected = sample["scores"]["choice"]
        got = score_state(choice(), state)
        assert (got.value, got.answer, got.explanation) == (
            expected["value"],
            expected["answer"],
            expected["explanation"],
        )


def test_target_text_and_items() -> None:
    assert Target(["a", "b"]).text == "ab"
    assert list(Target("x")) == ["x"]
