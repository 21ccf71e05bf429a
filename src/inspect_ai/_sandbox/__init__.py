"""Sandbox environments in which tools run: the ``SandboxEnvironment`` interface, specs,
``@sandboxenv`` providers (``local``, ``docker``), ``sandbox()`` for the running sample,
and the task and sample lifecycles the runner drives."""
