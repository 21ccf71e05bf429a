"""The bundled example datasets: 100 consistent theory-of-mind stories and 16 security questions."""

import json
import re
from collections import Counter

import pytest

from inspect_ai._dataset.theory_of_mind import OUTPUT, generate_stories
from inspect_ai.dataset import FieldSpec, Sample, example_dataset

SENTENCE = re.compile(r"[^.?]+[.?]")


def derive_answer(text: str) -> str:
    """Answer a story's question by replaying it, independently of the generator.

    A person sees a placement or move only while in the room where the story began; they
    look for the object where they last saw it. X thinks Y searches where X last saw the
    object put while Y was in the room too.
    """
    sentences = [s.strip() for s in SENTENCE.findall(text)]
    *story, question = sentences
    room = re.fullmatch(r"\w+ entered the (\w+)\.", story[0])
    assert room, story[0]
    in_room: set[str] = set()
    history: list[tuple[str, frozenset[str]]] = []  # (container, who saw it)
    for sentence in story:
        if match := re.fullmatch(r"(\w+) (entered|exited) the (\w+)\.", sentence):
            person, verb, where = match.groups()
            if where == room.group(1):
                if verb == "entered":
                    in_room.add(person)
                else:
                    in_room.remove(person)
        elif match := re.fullmatch(r"(?:The \w+ is in|\w+ moved the \w+ to) the (\w+)\.", sentence):
            history.append((match.group(1), frozenset(in_room)))
        else:
            raise AssertionError(f"unexpected sentence: {sentence}")

    def last_seen_by(*people: str) -> str:
        return [where for where, seen in history if set(people) <= seen][-1]

    if re.fullmatch(r"Where was the \w+ at the beginning\?", question):
        return history[0][0]
    if re.fullmatch(r"Where is the \w+ really\?", question):
        return history[-1][0]
    if match := re.fullmatch(r"Where will (\w+) look for the \w+\?", question):
        return last_seen_by(match.group(1))
    match = re.fullmatch(r"Where does (\w+) think that (\w+) searches for the \w+\?", question)
    assert match, question
    return last_seen_by(match.group(1), match.group(2))


def test_theory_of_mind_has_100_consistent_samples() -> None:
    dataset = example_dataset("theory_of_mind")
    assert len(dataset) == 100 and dataset.name == "theory_of_mind"
    assert [s.id for s in dataset] == list(range(1, 101))
    for sample in dataset:
        assert isinstance(sample.input, str) and isinstance(sample.target, str)
        assert derive_answer(sample.input) == sample.target, sample.input


def test_theory_of_mind_covers_every_kind_of_question() -> None:
    dataset = example_dataset("theory_of_mind")
    kinds = Counter(
        (s.metadata or {}).get("question_type") for s in dataset if s.metadata is not None
    )
    assert set(kinds) == {"memory", "reality", "first_order", "second_order"}
    # false beliefs: some belief answers differ from where the object really is
    false_answers = 0
    for sample in dataset:
        assert isinstance(sample.input, str)
        reality = derive_answer(re.sub(r"[^.]*\?$", "Where is the x really?", sample.input))
        if (sample.metadata or {}).get("question_type") in ("first_order", "second_order"):
            false_answers += sample.target != reality
    assert false_answers >= 10


def test_guide_example_story_is_answered_as_in_the_guide() -> None:
    story = (
        "Hannah entered the patio. Noah entered the patio. The sweater is in the bucket. "
        "Noah exited the patio. Ethan entered the study. Ethan exited the study. "
        "Hannah moved the sweater to the pantry. "
    )
    assert derive_answer(story + "Where will Hannah look for the sweater?") == "pantry"
    assert derive_answer(story + "Where will Noah look for the sweater?") == "bucket"
    assert derive_answer(story + "Where was the sweater at the beginning?") == "bucket"


def test_shipped_theory_of_mind_file_matches_its_generator() -> None:
    shipped = [json.loads(line) for line in OUTPUT.read_text().splitlines()]
    assert shipped == generate_stories()
    assert generate_stories(seed=1) != shipped  # the seed matters


def test_security_guide_has_16_questions() -> None:
    dataset = example_dataset("security_guide")
    assert len(dataset) == 16 and dataset.name == "security_guide"
    inputs = [s.input for s in dataset]
    assert len(set(inputs)) == 16
    assert all(isinstance(text, str) and text.endswith("?") for text in inputs)
    assert all(isinstance(s.target, str) and s.target for s in dataset)
    cookies = dataset.filter(lambda s: "cookies" in str(s.input))
    assert cookies[0].target == "secure samesite and httponly"


def test_example_dataset_sample_fields() -> None:
    dataset = example_dataset(
        "security_guide", lambda record: Sample(input=record["target"], target=record["input"])
    )
    assert str(dataset[0].target).endswith("?")
    mapped = example_dataset("security_guide", FieldSpec(input="target", target="input"))
    assert mapped[0].input == dataset[0].input


def test_unknown_example_lists_the_available_ones() -> None:
    with pytest.raises(ValueError, match="security_guide, theory_of_mind"):
        example_dataset("nonexistent")
