"""The state of a sample as solvers work on it."""

from collections.abc import Sequence
from random import Random
from typing import Any, TypeVar

from pydantic import BaseModel

from inspect_ai._model.message import ChatMessage, ChatMessageUser
from inspect_ai._model.model_name import ModelName
from inspect_ai._model.output import ModelOutput
from inspect_ai._scorer.target import Target
from inspect_ai._solver.choices import Choices
from inspect_ai._store.store import Store
from inspect_ai._store.store_model import StoreModel
from inspect_ai._tool.info import ToolChoice
from inspect_ai._tool.tool import Tool

MT = TypeVar("MT", bound=BaseModel)
SMT = TypeVar("SMT", bound=StoreModel)


class TaskState:
    """The state of one sample (in one epoch) while its solvers run.

    Solvers read and change ``messages`` (the conversation), call the model through
    ``generate`` (which appends the reply and sets ``output``), and may set
    ``completed`` to skip the remaining solvers.

    Args:
        model: Name of the model being evaluated.
        sample_id: Id of the sample.
        epoch: Epoch (from 1).
        input: The sample input (a prompt or chat messages).
        messages: The conversation so far.
        target: The sample target.
        choices: The sample's choices (multiple-choice questions).
        output: The latest model output.
        message_limit: Maximum messages in the conversation.
        token_limit: Maximum tokens the sample may use.
        completed: Whether the solvers should stop.
        metadata: The sample metadata.
        store: The sample store.
    """

    def __init__(
        self,
        model: str | ModelName,
        sample_id: int | str,
        epoch: int,
        input: str | list[ChatMessage],
        messages: list[ChatMessage],
        target: Target | str | list[str] = "",
        choices: Sequence[str] | None = None,
        output: ModelOutput | None = None,
        message_limit: int | None = None,
        token_limit: int | None = None,
        completed: bool = False,
        metadata: dict[str, Any] | None = None,
        store: Store | None = None,
    ) -> None:
        self.model = model if isinstance(model, ModelName) else ModelName(model)
        self.sample_id = sample_id
        self.epoch = epoch
        self._input = input
        self.messages: list[ChatMessage] = messages
        self.target = target if isinstance(target, Target) else Target(target)
        self.choices = Choices(list(choices or []))
        self.output = output if output is not None else ModelOutput(model=str(self.model))
        self.message_limit = message_limit
        self.token_limit = token_limit
        self._completed = completed
        self.metadata: dict[str, Any] = metadata if metadata is not None else {}
        self.store = store if store is not None else Store()
        self.tools: list[Tool] = []
        self.tool_choice: ToolChoice | None = None
        self._random: Random | None = None
        self._snapshots: (
            tuple[dict[str, Any], dict[str, Any], tuple[int, int, int, bool]] | None
        ) = None

    @property
    def random(self) -> Random:
        """A random number generator for this sample (e.g. to shuffle choices)."""
        if self._random is None:
            self._random = Random()
        return self._random

    @random.setter
    def random(self, random: Random) -> None:
        self._random = random

    @property
    def input(self) -> str | list[ChatMessage]:
        """The sample input, as it was in the dataset."""
        return self._input

    @property
    def input_text(self) -> str:
        """The sample input as text (the last user message's text for chat input)."""
        if isinstance(self._input, str):
            return self._input
        users = [message for message in self._input if isinstance(message, ChatMessageUser)]
        if not users:
            raise ValueError("The sample input has no user message to take the text of.")
        return users[-1].text

    @property
    def user_prompt(self) -> ChatMessageUser:
        """The first user message of the conversation."""
        for message in self.messages:
            if isinstance(message, ChatMessageUser):
                return message
        raise ValueError("The conversation has no user message.")

    @property
    def completed(self) -> bool:
        """Whether the solvers should stop (set by a solver, or the message limit reached)."""
        if self._completed:
            return True
        return self.message_limit is not None and len(self.messages) >= self.message_limit

    @completed.setter
    def completed(self, completed: bool) -> None:
        self._completed = completed

    def metadata_as(self, metadata_cls: type[MT]) -> MT:
        """The metadata validated as an instance of a pydantic model class."""
        return metadata_cls.model_validate(self.metadata)

    def store_as(self, model_cls: type[SMT], instance: str | None = None) -> SMT:
        """A typed view of the store."""
        return model_cls(store=self.store, instance=instance)
