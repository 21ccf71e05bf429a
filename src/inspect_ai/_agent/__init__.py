"""Agents: solvers that call the model and its tools in a loop until they submit an answer."""
