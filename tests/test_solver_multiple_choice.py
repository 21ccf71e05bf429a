"""The ``multiple_choice()`` solver."""

from random import Random

import pytest

from inspect_ai._model.content import ContentReasoning, ContentText
from inspect_ai._model.message import ChatMessageAssistant, ChatMessageSystem, ChatMessageUser
from inspect_ai._model.output import ChatCompletionChoice, ModelOutput
from inspect_ai._registry.registry import registry_name, registry_params
from inspect_ai._solver.multiple_choice import (
    COT_INSTRUCTIONS,
    default_template,
    multiple_choice,
    parse_answer,
)
from inspect_ai._solver.state import TaskState

from .test_solver_support import FakeGenerate, make_state, run_solver

CHOICES = ["Berlin", "Paris", "Rome", "Madrid"]


def capital_state() -> TaskState:
    return make_state("What is the capital of France?", choices=CHOICES, target="B")


def correct_flags(state: TaskState) -> list[bool | None]:
    return [choice.correct for choice in state.choices]


def test_presents_lettered_choices_and_marks_answer() -> None:
    generate = FakeGenerate("Reasoning briefly.\n\nANSWER: B")
    state = run_solver(multiple_choice(), capital_state(), generate)
    prompt = state.user_prompt.text
    assert "What is the capital of France?" in prompt
    assert "A) Berlin\nB) Paris\nC) Rome\nD) Madrid" in prompt
    assert "A,B,C,D" in prompt
    assert state.messages[0].source is None or state.messages[0].source == "input"
    assert correct_flags(state) == [False, True, False, False]
    assert state.output.completion == "Reasoning briefly.\n\nANSWER: B"
    assert [m.role for m in state.messages] == ["user", "assistant"]


def test_generate_sees_the_rewritten_prompt() -> None:
    generate = FakeGenerate("ANSWER: A")
    run_solver(multiple_choice(), capital_state(), generate)
    assert "B) Paris" in generate.seen[0][0].text


def test_max_tokens_defaults() -> None:
    plain, cot, explicit = (
        FakeGenerate("ANSWER: B"),
        FakeGenerate("ANSWER: B"),
        FakeGenerate("ANSWER: B"),
    )
    run_solver(multiple_choice(), capital_state(), plain)
    run_solver(multiple_choice(cot=True), capital_state(), cot)
    run_solver(multiple_choice(cot=True, max_tokens=100), capital_state(), explicit)
    assert plain.calls[0]["max_tokens"] == 32
    assert cot.calls[0]["max_tokens"] == 512
    assert explicit.calls[0]["max_tokens"] == 100


def test_cot_template_asks_for_reasoning() -> None:
    generate = FakeGenerate("Paris is in France.\nANSWER: B")
    state = run_solver(multiple_choice(cot=True), capital_state(), generate)
    assert COT_INSTRUCTIONS in state.user_prompt.text
    assert COT_INSTRUCTIONS not in default_template(cot=False, multiple_correct=False)
    assert correct_flags(state) == [False, True, False, False]


def test_custom_instructions() -> None:
    generate = FakeGenerate("ANSWER: B")
    state = run_solver(
        multiple_choice(instructions="Consider geography carefully."), capital_state(), generate
    )
    assert "Consider geography carefully." in state.user_prompt.text


def test_custom_template_with_metadata_and_kwargs() -> None:
    template = "[{subject}/{level}] {question}\n{choices}\nPick from {letters}. {instructions}"
    state = make_state("Q?", choices=["x", "y"], metadata={"subject": "geo"})
    generate = FakeGenerate("ANSWER: A")
    state = run_solver(multiple_choice(template=template, level="easy"), state, generate)
    assert state.user_prompt.text == "[geo/easy] Q?\nA) x\nB) y\nPick from A,B. "
    assert correct_flags(state) == [True, False]


def test_template_missing_placeholders() -> None:
    with pytest.raises(ValueError, match=r"\{choices\}"):
        multiple_choice(template="{question} only")
    with pytest.raises(ValueError, match=r"\{question\}, \{choices\}"):
        multiple_choice(template="no placeholders")


def test_bad_answer_pattern() -> None:
    with pytest.raises(ValueError, match="answer_pattern"):
        multiple_choice(answer_pattern="(unclosed")


def test_no_choices() -> None:
    state = make_state("Q?")
    with pytest.raises(ValueError, match=r"multiple_choice\(\).*no choices"):
        run_solver(multiple_choice(), state, FakeGenerate("ANSWER: A"))


def test_no_user_message() -> None:
    state = make_state("Q?", messages=[ChatMessageSystem(content="s")], choices=["a"])
    with pytest.raises(ValueError, match="user message"):
        run_solver(multiple_choice(), state, FakeGenerate("ANSWER: A"))


@pytest.mark.parametrize(
    "reply",
    ["I am not sure.", "ANSWER: E", "ANSWER: Paris", "", "ANSWER: A, B"],
)
def test_unparseable_answer_marks_nothing(reply: str) -> None:
    state = run_solver(multiple_choice(), capital_state(), FakeGenerate(reply))
    assert correct_flags(state) == [None, None, None, None]
    assert state.output.completion == reply


def test_multiple_correct() -> None:
    state = make_state("Which are prime?", choices=["2", "4", "5", "9"], target=["A", "C"])
    generate = FakeGenerate("ANSWER: A, C")
    state = run_solver(multiple_choice(multiple_correct=True), state, generate)
    assert correct_flags(state) == [True, False, True, False]
    assert "comma" in state.user_prompt.text


def test_answer_pattern_override() -> None:
    generate = FakeGenerate("I pick option (C) because.")
    solver = multiple_choice(answer_pattern=r"option \((?P<answer>[A-Z])\)")
    state = run_solver(solver, capital_state(), generate)
    assert correct_flags(state) == [False, False, True, False]


def test_shuffle_with_seeded_random_maps_back() -> None:
    order = list(range(len(CHOICES)))
    Random(3).shuffle(order)
    assert order != sorted(order)
    presented = "ABCD"[order.index(1)]  # where Paris (originally B) is shown
    assert presented != "B"
    generate = FakeGenerate(f"Paris it is.\n\nANSWER: {presented}")
    state = run_solver(multiple_choice(shuffle=Random(3)), capital_state(), generate)
    shown = "\n".join(f"{'ABCD'[i]}) {CHOICES[k]}" for i, k in enumerate(order))
    assert shown in state.user_prompt.text
    assert [c.value for c in state.choices] == CHOICES
    assert correct_flags(state) == [False, True, False, False]
    assert state.output.completion == "Paris it is.\n\nANSWER: B"
    assert state.messages[-1].text == "Paris it is.\n\nANSWER: B"
    assert state.output.message.text == "Paris it is.\n\nANSWER: B"


def test_shuffle_keeps_model_event_output_unchanged() -> None:
    order = list(range(len(CHOICES)))
    Random(3).shuffle(order)
    presented = "ABCD"[order.index(1)]
    generate = FakeGenerate(f"ANSWER: {presented}")
    state = capital_state()
    run_solver(multiple_choice(shuffle=Random(3)), state, generate)
    message = state.messages[-1]
    assert message.text == "ANSWER: B"
    assert isinstance(message, ChatMessageAssistant)
    assert message.id == state.output.message.id


def test_shuffle_true_uses_state_random() -> None:
    state = capital_state()
    state.random = Random(3)
    order = list(range(len(CHOICES)))
    Random(3).shuffle(order)
    presented = "ABCD"[order.index(2)]  # Rome
    state = run_solver(multiple_choice(shuffle=True), state, FakeGenerate(f"ANSWER: {presented}"))
    assert correct_flags(state) == [False, False, True, False]
    assert state.output.completion == "ANSWER: C"


def test_shuffle_multiple_correct_maps_every_letter() -> None:
    choices = ["2", "4", "5", "9"]
    order = list(range(4))
    Random(5).shuffle(order)
    presented = sorted("ABCD"[order.index(k)] for k in (0, 2))
    reply = f"ANSWER: {presented[0]}, {presented[1]}"
    state = make_state("Which are prime?", choices=choices, target=["A", "C"])
    solver = multiple_choice(multiple_correct=True, shuffle=Random(5))
    state = run_solver(solver, state, FakeGenerate(reply))
    assert correct_flags(state) == [True, False, True, False]
    assert sorted(state.output.completion.removeprefix("ANSWER: ").split(", ")) == ["A", "C"]


def test_shuffle_unparseable_answer_restores_order() -> None:
    state = run_solver(multiple_choice(shuffle=Random(3)), capital_state(), FakeGenerate("no idea"))
    assert [c.value for c in state.choices] == CHOICES
    assert state.output.completion == "no idea"


def test_shuffle_rewrites_list_content() -> None:
    order = list(range(len(CHOICES)))
    Random(3).shuffle(order)
    presented = "ABCD"[order.index(1)]
    text = f"ANSWER: {presented}"
    message = ChatMessageAssistant(
        content=[ContentReasoning(reasoning="hmm"), ContentText(text=text)],
        model="mockllm/model",
    )
    output = ModelOutput(
        model="mockllm/model",
        choices=[ChatCompletionChoice(message=message, stop_reason="stop")],
        completion=text,
    )

    async def generate(state: TaskState, tool_calls: str = "loop", **kwargs: object) -> TaskState:
        state.messages.append(message)
        state.output = output
        return state

    state = run_solver(multiple_choice(shuffle=Random(3)), capital_state(), generate)
    rewritten = state.messages[-1]
    assert isinstance(rewritten.content, list)
    assert isinstance(rewritten.content[0], ContentReasoning)
    assert rewritten.text == "ANSWER: B"
    assert state.output.message is rewritten
    assert message.text == text  # the model's own message object is left alone


def test_registered_params() -> None:
    solver = multiple_choice()
    assert registry_name(solver) == "multiple_choice"
    params = registry_params(solver)
    assert {
        "template": None,
        "cot": False,
        "multiple_correct": False,
        "max_tokens": None,
    }.items() <= params.items()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ANSWER: B", [1]),
        ("answer: b", [1]),
        ("Some thoughts.\n**ANSWER: C**", [2]),
        ("ANSWER: (D)", [3]),
        ("Let me see... ANSWER: A) Berlin", [0]),
        ("The format is ANSWER: $LETTER.\nANSWER: A\n", [0]),
        ("First ANSWER: A then ANSWER: C", [2]),
        ("ANSWER: Z", None),
        ("Answer: I think it's B", None),
    ],
)
def test_parse_answer_single(text: str, expected: list[int] | None) -> None:
    answer = parse_answer(text, 4)
    assert (answer.indexes if answer else None) == expected


def test_parse_answer_multiple() -> None:
    answer = parse_answer("ANSWER: A, C and D", 4, multiple_correct=True)
    assert answer is not None and answer.indexes == [0, 2, 3]
    assert parse_answer("ANSWER: A, C", 4) is None


def test_user_message_after_question_is_untouched() -> None:
    messages = [ChatMessageUser(content="Q?"), ChatMessageUser(content="extra")]
    state = make_state("Q?", messages=messages, choices=["a", "b"])
    state = run_solver(multiple_choice(), state, FakeGenerate("ANSWER: B"))
    assert state.messages[1].text == "extra"
    assert "A) a\nB) b" in state.messages[0].text
