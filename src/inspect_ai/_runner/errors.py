"""Errors as logs record them, and the threshold at which sample errors fail an eval."""

import traceback

from inspect_ai._event.error import EvalError


def eval_error(ex: BaseException) -> EvalError:
    """An ``EvalError`` for ``ex``: its repr as message, and its traceback."""
    text = "".join(traceback.format_exception(ex))
    return EvalError(message=repr(ex), traceback=text, traceback_ansi=text)


def fails_eval(fail_on_error: bool | float | None, errors: int, total: int) -> bool:
    """Whether ``errors`` failed samples out of ``total`` fail the eval.

    ``True`` (the default, None) fails on the first error, ``False`` never; a value
    below 1 is the tolerated proportion of samples, 1 or more the tolerated count.
    """
    if errors == 0 or fail_on_error is False:
        return False
    if fail_on_error is None or fail_on_error is True:
        return True
    if fail_on_error < 1:
        return errors / max(total, 1) > fail_on_error
    return errors > fail_on_error
