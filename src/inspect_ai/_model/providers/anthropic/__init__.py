"""``anthropic``: Claude through the Anthropic Messages API (and Anthropic on Bedrock).

Every module here uses the ``anthropic`` package, so importing the provider without it
fails at once with one line naming ``pip install anthropic``.
"""

from inspect_ai._model.providers.common.packages import require_package

require_package("anthropic", "anthropic", "anthropic")
