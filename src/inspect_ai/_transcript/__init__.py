"""The transcript of a sample: the events recorded while it runs, grouped in spans."""
