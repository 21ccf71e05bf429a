"""A sample of a dataset: input, target, choices, id, metadata and sandbox setup."""

from typing import Any

from pydantic import field_validator

from inspect_ai._json.model import LogModel
from inspect_ai._model.message import ChatMessage
from inspect_ai._sandbox.spec import (
    SandboxEnvironmentSpec,
    SandboxEnvironmentType,
    resolve_sandbox_spec,
)


class Sample(LogModel):
    """A sample of a dataset.

    Args:
        input: The input: a prompt, or a list of chat messages.
        choices: Choices for multiple-choice questions.
        target: Ideal target output: a string or a list of strings.
        id: Unique identifier for the sample.
        metadata: Arbitrary metadata associated with the sample.
        sandbox: Sandbox environment type and optional config file.
        files: Files to copy into the sandbox (path in sandbox -> contents or source).
        setup: Setup script to run in the sandbox.
    """

    input: str | list[ChatMessage]
    choices: list[str] | None = None
    target: str | list[str] = ""
    id: int | str | None = None
    metadata: dict[str, Any] | None = None
    sandbox: SandboxEnvironmentSpec | None = None
    files: dict[str, str] | None = None
    setup: str | None = None
    description: str | None = None

    def __init__(
        self,
        input: str | list[ChatMessage],
        choices: list[str] | None = None,
        target: str | list[str] = "",
        id: int | str | None = None,
        metadata: dict[str, Any] | None = None,
        sandbox: SandboxEnvironmentType | None = None,
        files: dict[str, str] | None = None,
        setup: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            input=input,
            choices=choices,
            target=target,
            id=id,
            metadata=metadata,
            sandbox=resolve_sandbox_spec(sandbox),
            files=files,
            setup=setup,
            **kwargs,
        )

    @field_validator("sandbox", mode="before")
    @classmethod
    def _resolve_sandbox(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"type": value}
        return value

    def metadata_as(self, metadata_cls: type[Any]) -> Any:
        """The metadata validated as an instance of a pydantic model class."""
        return metadata_cls.model_validate(self.metadata or {})
