"""Rendering trusted markup in Streamlit; the markup itself is built by briefing.markup."""

from __future__ import annotations

import streamlit as st

from briefing.markup import Html, escape, html_fragment, join_html

__all__ = ["Html", "escape", "html_fragment", "join_html", "label_margin", "render_html", "render_script", "wrap_label"]


def render_html(fragment: Html) -> None:
    """Render trusted markup; refuses plain strings so nothing unescaped reaches the page."""
    if not isinstance(fragment, Html):
        raise TypeError("render_html takes Html built by html_fragment, not a plain string")
    st.html(fragment)


def render_script(script: str) -> None:
    """Run a fixed script of the app's own; never pass it anything from data or the URL."""
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")


def wrap_label(text: str, width: int = 14) -> str:
    """Plotly-escaped text broken into lines of about `width` characters, so narrow columns stay legible."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(escape(line) for line in lines)


def label_margin(labels, font_px: float = 12, most: int = 360) -> int:
    """Pixels a chart margin needs for these Plotly labels (lines split at <br>), so Plotly need not measure and
    redraw (automargin) before the chart appears."""
    longest = max((len(line) for label in labels for line in str(label).split("<br>")), default=0)
    return min(most, int(longest * font_px * 0.52) + 16)
