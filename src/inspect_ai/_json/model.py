"""The pydantic base class for every model that is written to a log file."""

from pydantic import BaseModel, ConfigDict


class LogModel(BaseModel):
    """Base class for log data models.

    Unknown keys (written by newer versions) are ignored on read, non-finite
    floats are written as the bare tokens ``NaN``/``Infinity``, and field names
    beginning with ``model_`` are allowed (``model_usage``, ``model_args``).
    """

    model_config = ConfigDict(
        extra="ignore",
        ser_json_inf_nan="constants",
        protected_namespaces=(),
        populate_by_name=True,
        defer_build=True,
    )
