"""Click types of ``inspect eval`` option values, checked while options are parsed.

Checking values here (rather than in ``eval()``) means a bad value, given on the command
line or as an ``INSPECT_EVAL_<OPTION>`` variable, is reported before anything is loaded.
"""

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    ParamType = click.ParamType[Any, Any]  # generic since click 8.5
else:
    ParamType = click.ParamType

_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")


class LimitType(ParamType):
    """``--limit``: a count ``N`` or a range ``A-B`` (from 1) of samples."""

    name = "N|A-B"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """An int, or an ``(A, B)`` tuple."""
        if isinstance(value, int | tuple):
            return value
        text = str(value).strip()
        start, separator, end = text.partition("-")
        try:
            if not separator:
                count = int(text)
                if count >= 0:
                    return count
            elif 1 <= int(start) <= int(end):
                return int(start), int(end)
        except ValueError:
            pass
        self.fail(f"'{value}' is not a count (N) or a range (A-B).", param, ctx)


class FailOnErrorType(ParamType):
    """``--fail-on-error``: ``true``/``false``, a proportion below 1, or a count from 1."""

    name = "threshold"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """``True``/``False``, a float proportion (0 < p < 1) or an int count (>= 1)."""
        if isinstance(value, bool | int | float):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        try:
            number = float(text)
        except ValueError:
            number = -1.0
        if 0 < number < 1:
            return number
        if number >= 1 and number.is_integer():
            return int(number)
        if number == 0:
            return True  # no errors tolerated
        self.fail(
            f"'{value}' is not a proportion (below 1) or a count of errors (a whole number).",
            param,
            ctx,
        )


class CommaListType(ParamType):
    """A comma-separated list of strings (blank items dropped)."""

    name = "a,b,..."

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """A list of the stripped, non-empty items."""
        if isinstance(value, list):
            return value
        return [item.strip() for item in str(value).split(",") if item.strip()]


class KeyValueType(ParamType):
    """``key=value``, kept as a ``(key, value)`` pair of strings."""

    name = "key=value"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The stripped key and the value as given."""
        if isinstance(value, tuple):
            return value
        key, separator, text = str(value).partition("=")
        if not separator or not key.strip():
            self.fail(f"'{value}' should be key=value.", param, ctx)
        return key.strip(), text


class LogitBiasType(ParamType):
    """``--logit-bias``: ``token_id=bias`` pairs separated by commas."""

    name = "id=bias,..."

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """A dict of token ids to float biases."""
        if isinstance(value, dict):
            return value
        biases: dict[str, float] = {}
        for item in str(value).split(","):
            token, separator, bias = item.partition("=")
            try:
                if not separator or not token.strip():
                    raise ValueError(item)
                biases[token.strip()] = float(bias)
            except ValueError:
                self.fail(f"'{item}' should be token_id=bias (a number).", param, ctx)
        return biases


class CachePromptType(ParamType):
    """``--cache-prompt``: ``auto``, ``true`` or ``false``."""

    name = "auto|true|false"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """``"auto"``, ``True`` or ``False``."""
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text == "auto":
            return "auto"
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        self.fail(f"'{value}' is not auto, true or false.", param, ctx)


class BatchType(ParamType):
    """``--batch``: ``true``/``false``, or a batch size."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """``True``/``False`` or a positive int."""
        if isinstance(value, bool | int):
            return value
        text = str(value).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        if text.isdigit() and int(text) > 0:
            return int(text)
        self.fail(f"'{value}' is not true, false or a batch size.", param, ctx)


LIMIT = LimitType()
FAIL_ON_ERROR = FailOnErrorType()
COMMA_LIST = CommaListType()
KEY_VALUE = KeyValueType()
LOGIT_BIAS = LogitBiasType()
CACHE_PROMPT = CachePromptType()
BATCH = BatchType()
