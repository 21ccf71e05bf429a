"""A prompt on the console (the human approver's) pauses the live display while it waits."""

import io

from rich.console import Console
from rich.live import Live
from rich.text import Text

from inspect_ai._display.pause import paused_display, set_live


def test_the_live_display_stops_for_the_prompt_and_resumes() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with Live(Text("progress"), console=console, transient=True) as live:
        set_live(live)
        try:
            with paused_display():
                assert not live.is_started
                console.print("Approve call to bash?")
            assert live.is_started
        finally:
            set_live(None)
    assert "Approve call to bash?" in console.file.getvalue()  # type: ignore[attr-defined]


def test_without_a_live_display_nothing_happens() -> None:
    with paused_display():
        pass


def test_a_display_that_ended_meanwhile_is_not_restarted() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    live = Live(Text("progress"), console=console)
    live.start()
    set_live(live)
    with paused_display():
        set_live(None)
    assert not live.is_started
