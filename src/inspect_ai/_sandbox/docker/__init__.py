"""The ``docker`` sandbox: Docker Compose projects, one per sample."""
