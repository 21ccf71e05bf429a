"""Putting attached content back into a sample."""

from inspect_ai._json.encode import model_to_jsonable
from inspect_ai._log.attachments import resolve_sample_data
from inspect_ai._log.model.sample import EvalSample
from inspect_ai._model.message import stored_message_ids


def resolve_sample_attachments(sample: EvalSample) -> EvalSample:
    """A copy of ``sample`` with every ``attachment://`` reference replaced by its content."""
    if not sample.attachments:
        return sample
    with stored_message_ids():
        return EvalSample.model_validate(resolve_sample_data(model_to_jsonable(sample)))
