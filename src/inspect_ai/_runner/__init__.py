"""The runner: evaluating tasks against models and recording their logs."""
