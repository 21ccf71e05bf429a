"""``vllm``: a running vLLM server's OpenAI-compatible API (``VLLM_BASE_URL``; key optional)."""

from inspect_ai._model.providers.openai_compatible.dialect import Dialect
from inspect_ai._model.providers.openai_compatible.endpoint import Service
from inspect_ai._model.providers.openai_compatible.service import ServiceAPI
from inspect_ai._model.registry import modelapi


@modelapi(name="vllm")
class VLLMAPI(ServiceAPI):
    """Models served by vLLM (``vllm/<model>``, the name the server was started with)."""

    service = Service(
        name="vllm",
        api_key_var="VLLM_API_KEY",
        base_url_var="VLLM_BASE_URL",
        default_base_url="http://localhost:8000/v1",
        api_key_required=False,
    )
    service_dialect = Dialect(top_k=True, reasoning_effort=True)
