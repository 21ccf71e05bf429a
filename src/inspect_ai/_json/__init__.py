"""JSON conventions shared by every model that appears in a log file."""
