"""``azureai``: models deployed on Azure AI, over its chat-completions REST API (httpx)."""
