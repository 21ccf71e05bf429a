"""The registry: named tasks, solvers, scorers, metrics, reducers and model providers."""
