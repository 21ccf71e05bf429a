"""The ``local`` sandbox: a temporary directory on this machine per sample."""
