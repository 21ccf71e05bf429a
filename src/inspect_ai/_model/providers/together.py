"""``together``: Together AI's OpenAI-compatible API (``TOGETHER_API_KEY``, ``TOGETHER_BASE_URL``)."""

from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.endpoint import Service
from inspect_ai._model.providers.openai_compatible.service import ServiceAPI
from inspect_ai._model.registry import modelapi


@modelapi(name="together")
class TogetherAPI(ServiceAPI):
    """Models hosted by Together AI (``together/<org>/<model>``)."""

    service = Service(
        name="together",
        api_key_var="TOGETHER_API_KEY",
        base_url_var="TOGETHER_BASE_URL",
        default_base_url="https://api.together.xyz/v1",
    )
    service_dialect = Dialect(top_k=True)
