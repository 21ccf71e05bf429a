"""Tasks: the ``Task`` definition, ``@task``, task arguments, and loading tasks from files."""
