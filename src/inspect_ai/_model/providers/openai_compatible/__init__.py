"""What providers speaking OpenAI's Chat Completions format share (the ``openai``,
``together``, ``vllm``, ``ollama`` and ``openai-api`` providers through the ``openai``
client; ``groq``, ``azureai``, ``mistral`` and ``cf`` through their own clients).

``api.py`` is the provider base class (request body, ``ModelCall``, error classification),
``service.py`` a base for services described by their environment variables alone. The
other modules each do one thing: ``messages.py``, ``tools.py`` and ``config.py`` build the
request (``request.py`` puts them together), ``response.py`` reads the ``ModelOutput``
back, ``errors.py`` classifies failures (retry, rate limit, wait, context overflow),
``endpoint.py`` finds the API key and base URL, ``dialect.py`` says what a service takes
beyond the common fields, and ``client.py`` makes the ``openai`` client (one per event
loop). Nothing here imports ``openai`` at module level, so a missing package is reported
in one line when a model is created.
"""
