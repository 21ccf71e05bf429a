"""The ``TaskState`` a scorer sees, rebuilt from a logged sample."""

from inspect_ai._log.model.sample import EvalSample
from inspect_ai._log.resolve import resolve_sample_attachments
from inspect_ai._solver.state import TaskState
from inspect_ai._store.store import Store


def sample_state(sample: EvalSample, model: str) -> TaskState:
    """The state of ``sample`` as its solvers left it, for scoring it again.

    Attached content is put back in place, so scorers see the real text. The state holds
    its own lists and dicts: a scorer that adds messages, metadata or store keys leaves
    the logged sample as it was.

    Args:
        sample: A sample read from a log.
        model: The model the sample was evaluated with.
    """
    resolved = resolve_sample_attachments(sample)
    return TaskState(
        model=model,
        sample_id=resolved.id,
        epoch=resolved.epoch,
        input=list(resolved.input) if isinstance(resolved.input, list) else resolved.input,
        messages=list(resolved.messages),
        target=list(resolved.target) if isinstance(resolved.target, list) else resolved.target,
        choices=list(resolved.choices) if resolved.choices is not None else None,
        output=resolved.output.model_copy(),
        message_limit=resolved.message_limit,
        token_limit=resolved.token_limit,
        completed=True,
        metadata=dict(resolved.metadata),
        store=Store(dict(resolved.store)),
    )
