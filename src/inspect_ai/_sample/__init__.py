"""The context of the running sample: its usage, its limits and its transcript."""
