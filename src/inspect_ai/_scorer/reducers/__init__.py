"""The built-in score reducers."""
