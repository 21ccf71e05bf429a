"""``groq``: models served by Groq, through the ``groq`` client (OpenAI-style chat completions).

Importing the package checks that the client is installed (one line naming
``pip install groq`` when it is not).
"""

from inspect_ai._model.providers.common.packages import require_package

require_package("groq", "groq", "groq")
