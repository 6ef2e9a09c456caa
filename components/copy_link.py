"""The share box's link: its text, selectable at one click, and a visible "Copy link" button that says when it has
copied (st.components.v2, inline, no build). The link is set as text by the script, never parsed as HTML."""

from __future__ import annotations

import streamlit as st

from components.assets import asset

HTML, CSS, JS = (asset(f"copy_link.{kind}") for kind in ("html", "css", "js"))

_copy_link = st.components.v2.component("briefing.copy_link", html=HTML, css=CSS, js=JS)


def copy_link(url: str, key: str) -> None:
    """The link as selectable text with a "Copy link" button under it."""
    _copy_link(data={"url": url}, key=key)
