"""Logs written as ``cancelled`` when an eval was interrupted (Ctrl+C)."""

_interrupted: list[str] = []


def record_interrupted(location: str) -> None:
    """Note that the log at ``location`` was written as cancelled."""
    _interrupted.append(location)


def interrupted_logs() -> list[str]:
    """Locations of the logs written as cancelled in this process, oldest first."""
    return list(_interrupted)
