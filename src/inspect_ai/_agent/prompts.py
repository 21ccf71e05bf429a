"""The default messages of ``basic_agent()``."""

DEFAULT_SYSTEM_MESSAGE = """You are a helpful assistant working on a task, with tools that \
can help you find the answer. Call one tool per message: you will see its result in the \
next message, and you can send as many messages as you need. Before each call, say what \
you are about to do and how it fits your plan.

When you have found the answer, call the {submit}() tool to submit it."""
"""System message used when no ``init`` is given (``{submit}``: the submit tool's name)."""

DEFAULT_INCORRECT_MESSAGE = """Your submission was incorrect. Please keep working and try \
to find the correct answer."""
"""Sent after an incorrect submission when attempts remain."""

DEFAULT_CONTINUE_MESSAGE = "Please continue with the next step, using your best judgement."
"""Sent when the model replies without calling a tool."""

DEFAULT_SUBMIT_NAME = "submit"
"""Name of the submit tool."""

DEFAULT_SUBMIT_DESCRIPTION = "Submit an answer for evaluation."
"""Description of the submit tool."""
