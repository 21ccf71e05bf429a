"""Models: messages, content, generation config and outputs (providers come later)."""
