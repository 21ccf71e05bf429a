"""Prompt engineering solvers: system_message, user_message, prompt_template, chain_of_thought."""

from pathlib import Path

from inspect_ai._model.content import ContentImage, ContentText
from inspect_ai._model.message import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageUser,
)
from inspect_ai._registry.registry import registry_name, registry_params
from inspect_ai._solver.prompt import (
    DEFAULT_COT_TEMPLATE,
    chain_of_thought,
    prompt_template,
    system_message,
    user_message,
)

from .test_solver_support import FakeGenerate, make_state, run_solver


def test_system_message_goes_first() -> None:
    state = run_solver(system_message("Be brief."), make_state(), FakeGenerate())
    assert [m.role for m in state.messages] == ["system", "user"]
    assert state.messages[0].text == "Be brief."
    assert state.messages[0].source is None


def test_system_message_follows_leading_system_messages() -> None:
    messages: list[ChatMessage] = [
        ChatMessageSystem(content="first"),
        ChatMessageSystem(content="second"),
        ChatMessageUser(content="question"),
        ChatMessageAssistant(content="reply"),
        ChatMessageSystem(content="late"),
    ]
    state = run_solver(system_message("third"), make_state(messages=messages), FakeGenerate())
    assert [m.text for m in state.messages] == [
        "first",
        "second",
        "third",
        "question",
        "reply",
        "late",
    ]


def test_system_message_into_empty_conversation() -> None:
    state = run_solver(system_message("alone"), make_state(messages=[]), FakeGenerate())
    assert [m.text for m in state.messages] == ["alone"]


def test_system_message_formats_metadata_store_and_params() -> None:
    state = make_state(metadata={"subject": "chemistry", "level": "easy"})
    state.store.set("level", "hard")
    solver = system_message("A {level} {subject} quiz for {who}; keep {unknown}.", who="you")
    state = run_solver(solver, state, FakeGenerate())
    assert state.messages[0].text == "A hard chemistry quiz for you; keep {unknown}."


def test_params_override_metadata() -> None:
    state = make_state(metadata={"subject": "chemistry"})
    state = run_solver(system_message("{subject}", subject="physics"), state, FakeGenerate())
    assert state.messages[0].text == "physics"


def test_system_message_from_file(tmp_path: Path) -> None:
    path = tmp_path / "system.txt"
    path.write_text("From file about {subject}.", encoding="utf-8")
    state = run_solver(
        system_message(str(path)), make_state(metadata={"subject": "art"}), FakeGenerate()
    )
    assert state.messages[0].text == "From file about art."


def test_system_message_is_registered_with_params() -> None:
    solver = system_message("You are a careful calculator.")
    assert registry_name(solver) == "system_message"
    assert registry_params(solver) == {"template": "You are a careful calculator."}


def test_user_message_appends() -> None:
    state = make_state(metadata={"topic": "rivers"})
    state.messages.append(ChatMessageAssistant(content="first answer"))
    state = run_solver(user_message("Now about {topic} and {x}."), state, FakeGenerate())
    assert [m.role for m in state.messages] == ["user", "assistant", "user"]
    assert state.messages[-1].text == "Now about rivers and {x}."


def test_prompt_template_substitutes_prompt_and_params() -> None:
    solver = prompt_template("Q: {prompt}\nTone: {tone}. Level: {level}. {other}", tone="dry")
    state = make_state("What is 2+2?", metadata={"level": "basic"})
    original_id = state.messages[0].id
    state = run_solver(solver, state, FakeGenerate())
    assert state.user_prompt.text == "Q: What is 2+2?\nTone: dry. Level: basic. {other}"
    assert state.messages[0].id == original_id
    assert len(state.messages) == 1


def test_prompt_template_rewrites_first_user_message_only() -> None:
    messages: list[ChatMessage] = [
        ChatMessageSystem(content="sys"),
        ChatMessageUser(content="first"),
        ChatMessageUser(content="second"),
    ]
    state = run_solver(prompt_template("<{prompt}>"), make_state(messages=messages), FakeGenerate())
    assert [m.text for m in state.messages] == ["sys", "<first>", "second"]


def test_prompt_template_keeps_images() -> None:
    image = ContentImage(image="data:image/png;base64,AAAA")
    message = ChatMessageUser(content=[image, ContentText(text="Describe this.")])
    state = run_solver(
        prompt_template("Please: {prompt}"), make_state(messages=[message]), FakeGenerate()
    )
    content = state.messages[0].content
    assert isinstance(content, list)
    assert content[0] == image
    assert state.messages[0].text == "Please: Describe this."


def test_prompt_template_without_user_message() -> None:
    messages = [ChatMessageSystem(content="sys")]
    state = run_solver(prompt_template("x {prompt}"), make_state(messages=messages), FakeGenerate())
    assert [m.text for m in state.messages] == ["sys"]


def test_prompt_wins_over_a_prompt_param() -> None:
    state = run_solver(
        prompt_template("{prompt}", prompt="nope"), make_state("real"), FakeGenerate()
    )
    assert state.user_prompt.text == "real"


def test_chain_of_thought_default_template() -> None:
    state = run_solver(chain_of_thought(), make_state("What is 6 x 7?"), FakeGenerate())
    text = state.user_prompt.text
    assert text.startswith("What is 6 x 7?")
    assert "step" in text
    assert "ANSWER: $ANSWER" in text
    assert "{prompt}" in DEFAULT_COT_TEMPLATE
    assert len(state.messages) == 1


def test_chain_of_thought_custom_template() -> None:
    state = run_solver(
        chain_of_thought("Think first. {prompt} End with ANSWER."),
        make_state("Why?"),
        FakeGenerate(),
    )
    assert state.user_prompt.text == "Think first. Why? End with ANSWER."


def test_prompt_solvers_do_not_generate() -> None:
    generate = FakeGenerate()
    state = make_state()
    for solver in [system_message("s"), user_message("u"), prompt_template("{prompt}")]:
        state = run_solver(solver, state, generate)
    state = run_solver(chain_of_thought(), state, generate)
    assert generate.calls == []
