"""The ``multiple_choice()`` solver: present lettered choices, generate, read the answer."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import Any

from inspect_ai._model.content import ContentText
from inspect_ai._model.message import ChatMessage, ChatMessageAssistant
from inspect_ai._resource import resource
from inspect_ai._solver.choices import Choices
from inspect_ai._solver.prompt import first_user_message
from inspect_ai._solver.solver import Generate, Solver, solver
from inspect_ai._solver.state import TaskState
from inspect_ai._solver.template import format_template, missing_fields, state_values

COT_INSTRUCTIONS = "Think step by step before answering."
"""The extra instructions used when ``cot=True`` (and no ``instructions`` are given)."""

MAX_TOKENS = 32
"""Default ``max_tokens`` without chain of thought."""

COT_MAX_TOKENS = 512
"""Default ``max_tokens`` with chain of thought."""

REQUIRED_FIELDS = ("question", "choices")
"""Placeholders a multiple choice template must have (``{letters}`` is optional)."""

_INTRO = "Answer the multiple choice question below."
_ONE_LETTER = "'ANSWER: $LETTER' (without quotes), where $LETTER is one of {letters}"
_MANY_LETTERS = (
    "'ANSWER: $LETTERS' (without quotes), where $LETTERS lists every correct choice "
    "among {letters}, separated by commas"
)
_WHOLE_RESPONSE = "Respond with nothing but one line of the form {form}."
_LAST_LINE = "End your response with a line of the form {form}."
_BODY = "\n\n{question}\n\n{choices}"

_LETTER = r"\(?[A-Za-z]\)?"
_LETTERS = rf"{_LETTER}(?:\s*(?:,|&|\band\b)\s*{_LETTER})*"
_ANSWER_LINE = re.compile(
    rf"^[\s*_#>]*answer[\s*_]*:[\s*_]*(?P<answer>{_LETTERS})[\s*_.]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ANSWER_ANYWHERE = re.compile(
    r"\bANSWER\s*:[\s*_]*(?P<answer>\(?[A-Z]\)?(?:\s*,\s*\(?[A-Z]\)?)*)(?![A-Za-z0-9])"
)
_STANDALONE_LETTER = re.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])")


@solver
def multiple_choice(
    *,
    template: str | None = None,
    cot: bool = False,
    multiple_correct: bool = False,
    max_tokens: int | None = None,
    shuffle: bool | Random = False,
    answer_pattern: str | None = None,
    instructions: str | None = None,
    **kwargs: Any,
) -> Solver:
    """Ask a multiple choice question with lettered choices and read the model's answer.

    The user prompt is rewritten to present the sample's ``choices`` as ``A) ...``,
    ``B) ...`` (optionally shuffled), the model is called (there is no need for a
    separate ``generate()``), and its ``ANSWER: X`` line is parsed: the picked choices
    are marked correct in ``state.choices``. When the choices were shuffled they are put
    back in their original order and the letters in the model's answer are rewritten to
    the original letters, so ``answer("letter")`` and ``choice()`` score against the
    dataset's target.

    Args:
        template: Template (or file/URL) with ``{question}`` and ``{choices}`` and
            optionally ``{letters}`` (e.g. ``A,B,C``) and ``{instructions}``. Defaults to
            a built-in template matching ``cot`` and ``multiple_correct``.
        cot: Ask the model to think step by step before answering.
        multiple_correct: Allow several answers (``ANSWER: A,C``).
        max_tokens: Token limit for the reply (default 32, or 512 with ``cot``).
        shuffle: Shuffle the choices (``True`` uses the sample's random generator; pass
            a ``Random`` to control the order).
        answer_pattern: Regular expression that finds the answer in the reply; its
            ``answer`` group (else its first group) holds the letter(s).
        instructions: Extra instructions (replacing the default step by step
            instruction of ``cot``).
        **kwargs: Values for other placeholders in the template.
    """
    text = _resolve_template(template, cot, multiple_correct, instructions)
    pattern = _compile_pattern(answer_pattern)
    tokens = max_tokens if max_tokens is not None else (COT_MAX_TOKENS if cot else MAX_TOKENS)
    default_instructions = COT_INSTRUCTIONS if cot else ""
    extra: dict[str, Any] = {
        "instructions": default_instructions if instructions is None else instructions
    }
    extra.update(kwargs)

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        _check_choices(state)
        if shuffle is not False:
            state.choices.shuffle(shuffle if isinstance(shuffle, Random) else state.random)
        _write_prompt(state, text, extra)
        state = await generate(state, max_tokens=tokens)
        answer = parse_answer(
            state.output.completion, len(state.choices), multiple_correct, pattern
        )
        if answer is not None:
            _mark_choices(state.choices, answer.indexes)
        if shuffle is not False:
            _unshuffle(state, multiple_correct, pattern, answer is not None)
        return state

    return solve


def _resolve_template(
    template: str | None, cot: bool, multiple_correct: bool, instructions: str | None
) -> str:
    """The template text (checked for the required placeholders)."""
    if template is None:
        return default_template(cot, multiple_correct, instructions)
    text = resource(template)
    missing = missing_fields(text, REQUIRED_FIELDS)
    if missing:
        names = ", ".join("{" + name + "}" for name in missing)
        raise ValueError(
            f"multiple_choice(): the template must contain {names} "
            "(placeholders for the question and the lettered choices)."
        )
    return text


def default_template(cot: bool, multiple_correct: bool, instructions: str | None = None) -> str:
    """The built-in template for the given options (``{question}``, ``{choices}``, ``{letters}``).

    Args:
        cot: Ask for step by step reasoning first.
        multiple_correct: Ask for every correct letter.
        instructions: Extra instructions (default: the step by step one when ``cot``).
    """
    extra = instructions if instructions is not None else (COT_INSTRUCTIONS if cot else "")
    form = _MANY_LETTERS if multiple_correct else _ONE_LETTER
    answer = (_LAST_LINE if extra else _WHOLE_RESPONSE).format(form=form)
    parts = [_INTRO, extra, answer]
    return " ".join(part for part in parts if part) + _BODY


def _compile_pattern(answer_pattern: str | None) -> re.Pattern[str] | None:
    if answer_pattern is None:
        return None
    try:
        return re.compile(answer_pattern)
    except re.error as ex:
        raise ValueError(f"multiple_choice(): invalid answer_pattern: {ex}") from ex


def _check_choices(state: TaskState) -> None:
    if len(state.choices) == 0:
        raise ValueError(
            f"multiple_choice(): sample {state.sample_id!r} has no choices "
            "(give the Sample a list of choices)."
        )
    if len(state.choices) > 26:
        raise ValueError(
            f"multiple_choice(): sample {state.sample_id!r} has {len(state.choices)} "
            "choices; at most 26 (A-Z) are supported."
        )


def _write_prompt(state: TaskState, template: str, extra: dict[str, Any]) -> None:
    """Rewrite the user prompt as the question with its lettered choices."""
    prompt = first_user_message(state)
    if prompt is None:
        raise ValueError("multiple_choice(): the conversation has no user message to ask.")
    values = {
        "question": prompt.text,
        "choices": format_choices(state.choices),
        "letters": answer_letters(len(state.choices)),
    }
    prompt.text = format_template(template, state_values(state, extra, values))


def letter(index: int) -> str:
    """The letter of the choice at ``index`` (0 -> ``A``)."""
    return chr(ord("A") + index)


def answer_letters(count: int) -> str:
    """The letters of ``count`` choices, comma separated (``A,B,C``)."""
    return ",".join(letter(i) for i in range(count))


def format_choices(choices: Choices) -> str:
    """The choices one per line, as ``A) text``."""
    return "\n".join(f"{letter(i)}) {choice.value}" for i, choice in enumerate(choices))


@dataclass(frozen=True)
class ParsedAnswer:
    """The answer found in a reply."""

    indexes: list[int]
    """Indexes (presentation order) of the chosen choices."""

    start: int
    """Start of the text holding the letter(s)."""

    end: int
    """End of the text holding the letter(s)."""


def parse_answer(
    text: str,
    count: int,
    multiple_correct: bool = False,
    pattern: re.Pattern[str] | None = None,
) -> ParsedAnswer | None:
    """Find the ``ANSWER: X`` (or ``pattern``) answer in ``text``.

    The last match counts. Returns None when there is no answer, a letter is not one of
    the ``count`` choices, or several letters are given without ``multiple_correct``.

    Args:
        text: The model's reply.
        count: Number of choices.
        multiple_correct: Whether several letters are allowed.
        pattern: Regular expression to use instead of the built-in ones.
    """
    match = _last_match(text, pattern)
    if match is None:
        return None
    group = _answer_group(match)
    tokens = [token.upper() for token in _STANDALONE_LETTER.findall(match.group(group))]
    indexes = sorted({ord(token) - ord("A") for token in tokens})
    if not indexes or any(index >= count for index in indexes):
        return None
    if len(indexes) > 1 and not multiple_correct:
        return None
    return ParsedAnswer(indexes=indexes, start=match.start(group), end=match.end(group))


def _last_match(text: str, pattern: re.Pattern[str] | None) -> re.Match[str] | None:
    patterns = [pattern] if pattern is not None else [_ANSWER_LINE, _ANSWER_ANYWHERE]
    for candidate in patterns:
        matches = list(candidate.finditer(text))
        if matches:
            return matches[-1]
    return None


def _answer_group(match: re.Match[str]) -> int | str:
    if "answer" in match.re.groupindex:
        return "answer"
    return 1 if match.re.groups >= 1 else 0


def _mark_choices(choices: Choices, picked: list[int]) -> None:
    for index in range(len(choices)):
        choices.mark_choice(index, index in picked)


def _unshuffle(
    state: TaskState, multiple_correct: bool, pattern: re.Pattern[str] | None, answered: bool
) -> None:
    """Restore the original choice order and rewrite the answer with the original letters."""
    originals = {
        letter(i): letter(choice.original_position) for i, choice in enumerate(state.choices)
    }
    state.choices.unshuffle()
    if not answered:
        return
    count = len(originals)

    def rewrite(text: str) -> str | None:
        answer = parse_answer(text, count, multiple_correct, pattern)
        if answer is None:
            return None
        letters = _STANDALONE_LETTER.sub(
            lambda m: _original_letter(m.group(0), originals), text[answer.start : answer.end]
        )
        return text[: answer.start] + letters + text[answer.end :]

    _rewrite_output(state, rewrite)


def _original_letter(presented: str, originals: dict[str, str]) -> str:
    original = originals.get(presented.upper(), presented.upper())
    return original if presented.isupper() else original.lower()


def _rewrite_output(state: TaskState, rewrite: Callable[[str], str | None]) -> None:
    """Apply ``rewrite`` to the completion, the last assistant message and the output message.

    Messages are replaced by rewritten copies (same id) rather than changed in place, so
    records of the model call keep what the model actually said.
    """
    completion = rewrite(state.output.completion)
    index = _last_assistant_index(state.messages)
    old = state.messages[index] if index is not None else None
    new = _rewritten_message(old, rewrite) if isinstance(old, ChatMessageAssistant) else None
    if index is not None and new is not None:
        state.messages[index] = new
    update: dict[str, Any] = {}
    if completion is not None:
        update["completion"] = completion
    if state.output.choices:
        first = state.output.choices[0]
        message = new if first.message is old else _rewritten_message(first.message, rewrite)
        if message is not None:
            choice = first.model_copy(update={"message": message})
            update["choices"] = [choice, *state.output.choices[1:]]
    if update:
        state.output = state.output.model_copy(update=update)


def _last_assistant_index(messages: list[ChatMessage]) -> int | None:
    for index in range(len(messages) - 1, -1, -1):
        if isinstance(messages[index], ChatMessageAssistant):
            return index
    return None


def _rewritten_message(
    message: ChatMessageAssistant, rewrite: Callable[[str], str | None]
) -> ChatMessageAssistant | None:
    """A copy of ``message`` with its answer rewritten (None if it holds no answer)."""
    if isinstance(message.content, str):
        text = rewrite(message.content)
        return None if text is None else message.model_copy(update={"content": text})
    content = list(message.content)
    for position in range(len(content) - 1, -1, -1):
        item = content[position]
        if isinstance(item, ContentText):
            text = rewrite(item.text)
            if text is not None:
                content[position] = item.model_copy(update={"text": text})
                return message.model_copy(update={"content": content})
    return None
