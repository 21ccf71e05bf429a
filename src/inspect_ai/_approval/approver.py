"""The ``Approver`` protocol and ``@approver``."""

from collections.abc import Callable
from typing import Protocol, TypeVar, overload

from inspect_ai._approval.approval import Approval
from inspect_ai._model.message import ChatMessage
from inspect_ai._registry.factory import registered_factory
from inspect_ai._registry.registry import RegistryInfo, registry_factory_name
from inspect_ai._tool.call import ToolCall, ToolCallView


class Approver(Protocol):
    """Decides whether a tool call may run."""

    async def __call__(
        self,
        message: str,
        call: ToolCall,
        view: ToolCallView,
        history: list[ChatMessage],
    ) -> Approval:
        """Decide on a tool call.

        Args:
            message: Text of the assistant message that made the call.
            call: The tool call.
            view: How the call is shown (the tool's custom view, or a default one).
            history: The conversation so far (ending with the assistant message).
        """
        ...


ApproverFactory = TypeVar("ApproverFactory", bound=Callable[..., Approver])


@overload
def approver(name: ApproverFactory) -> ApproverFactory: ...


@overload
def approver(name: str | None = None) -> Callable[[ApproverFactory], ApproverFactory]: ...


def approver(
    name: str | ApproverFactory | None = None,
) -> ApproverFactory | Callable[[ApproverFactory], ApproverFactory]:
    """Register an approver factory (a function returning an ``Approver``).

    Use as ``@approver`` or ``@approver(name="...")``. Policy files name approvers by
    their registered name; the approvers it creates carry their name and arguments.

    Args:
        name: Name to register under (defaults to the function's name).
    """
    if callable(name):
        factory = name
        info = RegistryInfo(type="approver", name=registry_factory_name(factory, None))
        return registered_factory(factory, info)

    def decorate(factory: ApproverFactory) -> ApproverFactory:
        info = RegistryInfo(type="approver", name=registry_factory_name(factory, name))
        return registered_factory(factory, info)

    return decorate
