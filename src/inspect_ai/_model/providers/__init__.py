"""Model providers, each a small adapter over the shared request/retry core."""
