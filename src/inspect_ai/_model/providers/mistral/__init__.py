"""``mistral``: Mistral models (and Mistral on Azure AI) through the ``mistralai`` client.

Importing the package checks that the client is installed (one line naming
``pip install mistralai`` when it is not).
"""

from inspect_ai._model.providers.common.packages import require_package

require_package("mistralai.client", "mistralai", "mistral")
