"""Generator of the bundled ``theory_of_mind`` example: Sally-Anne false-belief stories.

Each story puts two people in a room with an object in a container; one of them may leave
before the other moves the object, while a third person wanders through other rooms. The
question asks where the object was at the beginning, where it really is, where one person
will look for it (first-order belief), or where one person thinks the other searches for it
(second-order belief). Answers come from simulating who saw each placement and move.

The stories are fixed by ``SEED``. Rewrite ``examples/theory_of_mind.jsonl`` with::

    python -m inspect_ai._dataset.theory_of_mind
"""

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any, Literal

SEED = 7
COUNT = 100
OUTPUT = Path(__file__).parent / "examples" / "theory_of_mind.jsonl"

NAMES = [
    "Jackson", "Chloe", "Hannah", "Noah", "Ethan", "Emma", "Liam", "Olivia", "Mia", "Lucas",
    "Amelia", "Oliver", "Isla", "Jack", "Ava", "Logan", "Sophia", "Mason", "Ella", "Aria",
    "Owen", "Lily", "Elijah", "Charlotte",
]  # fmt: skip
ROOMS = [
    "hall", "dining_room", "patio", "study", "kitchen", "garden", "cellar", "office",
    "bedroom", "lounge", "attic", "basement", "garage", "porch", "workshop", "laundry",
]  # fmt: skip
OBJECTS = [
    "boots", "sweater", "apple", "ball", "hat", "scarf", "banana", "pen", "book", "cap",
    "slippers", "gloves", "watermelon", "keys", "jacket", "tie", "lettuce", "orange",
    "shoes", "sunglasses",
]  # fmt: skip
CONTAINERS = [
    "bathtub", "pantry", "bucket", "box", "basket", "cupboard", "drawer", "suitcase",
    "crate", "bottle", "envelope", "treasure_chest", "green_bag", "red_box", "blue_pantry",
    "tub",
]  # fmt: skip

QuestionType = Literal["memory", "reality", "first_order", "second_order"]
QUESTION_TYPES: list[QuestionType] = ["memory", "reality", "first_order", "second_order"]


@dataclass(frozen=True)
class Event:
    """One sentence of a story."""

    kind: Literal["enter", "exit", "place", "move"]
    actor: str | None
    place: str
    """The room (enter, exit) or container (place, move)."""

    def sentence(self, item: str) -> str:
        """The event as a sentence about ``item``."""
        if self.kind == "enter":
            return f"{self.actor} entered the {self.place}."
        if self.kind == "exit":
            return f"{self.actor} exited the {self.place}."
        if self.kind == "place":
            return f"The {item} is in the {self.place}."
        return f"{self.actor} moved the {item} to the {self.place}."


@dataclass
class Beliefs:
    """Where the object was and is, and where each person (and pair) last saw it."""

    start: str = ""
    actual: str = ""
    first: dict[str, str] = field(default_factory=dict)
    second: dict[tuple[str, str], str] = field(default_factory=dict)


def simulate(events: list[Event], room: str) -> Beliefs:
    """What everyone saw: placements and moves are seen by the people in ``room``.

    A person believes the object is where they last saw it put; person X thinks person Y
    believes it is where X last saw it put while Y was there too.
    """
    beliefs = Beliefs()
    present: set[str] = set()
    for event in events:
        if event.kind in ("enter", "exit") and event.place == room:
            assert event.actor is not None
            (present.add if event.kind == "enter" else present.discard)(event.actor)
        elif event.kind in ("place", "move"):
            beliefs.start = beliefs.start or event.place
            beliefs.actual = event.place
            for person in present:
                beliefs.first[person] = event.place
            for pair in itertools.permutations(present, 2):
                beliefs.second[pair] = event.place
    return beliefs


def generate_stories(seed: int = SEED, count: int = COUNT) -> list[dict[str, Any]]:
    """``count`` story records (id, input, target, metadata) fixed by ``seed``."""
    random = Random(seed)
    plan = list(itertools.product(QUESTION_TYPES, (False, True)))
    kinds = [plan[index % len(plan)] for index in range(count)]
    random.shuffle(kinds)
    return [
        _record(index, random, question_type, false_belief)
        for index, (question_type, false_belief) in enumerate(kinds, start=1)
    ]


def _record(
    index: int, random: Random, question_type: QuestionType, false_belief: bool
) -> dict[str, Any]:
    first, second, wanderer = random.sample(NAMES, 3)
    room, other_room, wanderer_room = random.sample(ROOMS, 3)
    item = random.choice(OBJECTS)
    rooms = (room, other_room, wanderer_room)
    events = _events(random, (first, second), wanderer, rooms, false_belief)
    beliefs = simulate(events, room)
    question, answer = _question(random, question_type, (first, second), item, beliefs)
    story = " ".join(event.sentence(item) for event in events)
    return {
        "id": index,
        "input": f"{story} {question}",
        "target": answer,
        "metadata": {
            "question_type": question_type,
            "story": "false_belief" if false_belief else "true_belief",
        },
    }


def _events(
    random: Random,
    people: tuple[str, str],
    wanderer: str,
    rooms: tuple[str, str, str],
    false_belief: bool,
) -> list[Event]:
    room, other_room, wanderer_room = rooms
    start, end = random.sample(CONTAINERS, 2)
    entering = random.sample(people, 2)
    events = [Event("enter", person, room) for person in entering]
    events.append(Event("place", None, start))
    mover = random.choice(people)
    if false_belief:
        leaver = people[0] if mover == people[1] else people[1]
        events.append(Event("exit", leaver, room))
        if random.random() < 0.5:
            events.append(Event("enter", leaver, other_room))
    if random.random() < 0.6:
        position = random.randint(3, len(events))
        events[position:position] = [
            Event("enter", wanderer, wanderer_room),
            Event("exit", wanderer, wanderer_room),
        ]
    events.append(Event("move", mover, end))
    if not false_belief and random.random() < 0.4:
        events.append(Event("exit", random.choice(people), room))
    return events


def _question(
    random: Random,
    question_type: QuestionType,
    people: tuple[str, str],
    item: str,
    beliefs: Beliefs,
) -> tuple[str, str]:
    if question_type == "memory":
        return f"Where was the {item} at the beginning?", beliefs.start
    if question_type == "reality":
        return f"Where is the {item} really?", beliefs.actual
    thinker, other = random.sample(people, 2)
    if question_type == "first_order":
        return f"Where will {thinker} look for the {item}?", beliefs.first[thinker]
    question = f"Where does {thinker} think that {other} searches for the {item}?"
    return question, beliefs.second[(thinker, other)]


def write_examples(path: Path = OUTPUT) -> None:
    """Write the generated stories to ``path`` as JSON lines."""
    lines = [json.dumps(record) for record in generate_stories()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_examples()
