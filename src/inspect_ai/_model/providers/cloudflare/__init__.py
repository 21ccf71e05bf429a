"""``cf``: Cloudflare Workers AI models, over its REST API (httpx)."""
