"""``google``: Gemini models through the Google GenAI SDK (``google-genai``).

Importing the package checks that the SDK is installed (one line naming
``pip install google-genai`` when it is not).
"""

from inspect_ai._model.providers.common.packages import require_package

require_package("google.genai", "google-genai", "google")
