"""Rendering trusted markup in Streamlit; the markup itself is built by briefing.markup."""

from __future__ import annotations

import streamlit as st

from briefing.markup import Html, escape, html_fragment, join_html

__all__ = ["Html", "escape", "html_fragment", "join_html", "render_html", "render_script"]


def render_html(fragment: Html) -> None:
    """Render trusted markup; refuses plain strings so nothing unescaped reaches the page."""
    if not isinstance(fragment, Html):
        raise TypeError("render_html takes Html built by html_fragment, not a plain string")
    st.html(fragment)


def render_script(script: str) -> None:
    """Run a fixed script of the app's own; never pass it anything from data or the URL."""
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")
