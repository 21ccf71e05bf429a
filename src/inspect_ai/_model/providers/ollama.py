"""``ollama``: a running Ollama server's OpenAI-compatible API (``OLLAMA_BASE_URL``; key optional)."""

from inspect_ai._model.providers.openai_compatible.endpoint import Service
from inspect_ai._model.providers.openai_compatible.service import ServiceAPI
from inspect_ai._model.registry import modelapi


@modelapi(name="ollama")
class OllamaAPI(ServiceAPI):
    """Models served by Ollama (``ollama/<model>``, e.g. ``ollama/llama3.1``)."""

    service = Service(
        name="ollama",
        api_key_var="OLLAMA_API_KEY",
        base_url_var="OLLAMA_BASE_URL",
        default_base_url="http://localhost:11434/v1",
        api_key_required=False,
    )
