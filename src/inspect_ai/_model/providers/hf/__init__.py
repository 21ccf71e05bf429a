"""``hf``: Hugging Face ``transformers`` models run locally (``hf/<repo>``, ``hf/local``).

Importing the package checks that torch and transformers are installed (one line naming
the ``pip install`` when one is not); they are imported only when the provider is used.
"""

from inspect_ai._model.providers.common.packages import require_package

require_package("torch", "torch", "hf")
require_package("transformers", "transformers", "hf")
