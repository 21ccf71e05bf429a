"""The ``EvalLog`` model tree."""
