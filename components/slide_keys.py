"""Briefing mode's step dots and keys: one dot per step, and the keys a presenter's clicker sends.

ArrowRight, PageDown and Space step forward; ArrowLeft, PageUp and Shift+Space back; Home and End go to the first and
last step. B or . blanks the screen (black) until the next key or click, which does nothing else; Escape asks to leave.
These are the keys a clicker's buttons send (next, previous, blank, start/stop). The keys are heard on the whole page
but never while the focus is in a field, a list, an editable text or a dialog, and never with Ctrl, Alt or Meta held,
so typing and the browser's own shortcuts keep working. At either end a key does nothing: the deck never wraps. A dot
is a button to its step; the current one is filled and larger, and says "current" to a screen reader.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.assets import asset

HTML, CSS, JS = (asset(f"slide_keys.{kind}") for kind in ("html", "css", "js"))

_slide_keys = st.components.v2.component("briefing.slide_keys", html=HTML, css=CSS, js=JS)


def slide_keys(steps: list[tuple[str, str]], current: int, *, key: str, on_go: Callable[[], None], filter_key: str = "") -> bool:
    """Draw the dots of ``steps`` ((id, label) each) with ``current`` marked and listen for the keys; a step chosen
    by key or dot is in ``st.session_state[key]["go"]`` when ``on_go`` runs. True in the run after Escape was
    pressed, for the page to leave (st.switch_page cannot run in a callback). When ``filter_key`` (the filter, in
    words) differs from the last one drawn, a filter field that still holds the focus gives it up: the briefer chose,
    and the clicker's next key is for the slides, not for the filter's open list."""
    result = _slide_keys(
        key=key,
        data={"steps": [{"id": step, "label": label} for step, label in steps], "current": current, "filter": filter_key},
        on_go_change=on_go,
        on_leave_change=lambda: None,
    )
    return bool(result.get("leave"))
