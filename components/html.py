"""The one place raw HTML is built: every inserted value is escaped unless it is already Html."""

from __future__ import annotations

import html
import string

import streamlit as st


class Html(str):
    """Markup that is already safe: produced only by html_fragment or join_html."""

    __slots__ = ()


def escape(value) -> Html:
    return value if isinstance(value, Html) else Html(html.escape(str(value), quote=True))


def html_fragment(template: str, **values) -> Html:
    """Fill a $name template, escaping each value; the template itself must be a literal."""
    return Html(string.Template(template).substitute({key: escape(value) for key, value in values.items()}))


def join_html(parts) -> Html:
    return Html("".join(escape(part) for part in parts))


def render_html(fragment: Html) -> None:
    """Render trusted markup; refuses plain strings so nothing unescaped reaches the page."""
    if not isinstance(fragment, Html):
        raise TypeError("render_html takes Html built by html_fragment, not a plain string")
    st.html(fragment)


def render_script(script: str) -> None:
    """Run a fixed script of the app's own; never pass it anything from data or the URL."""
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")
