"""Tools: calls made by models, their schemas and their errors."""
