"""A figure drawn on the server (briefing/figures) as escaped SVG and HTML, in a two-way component (st.components.v2,
inline, no build): no chart library is loaded in the browser. Elements marked ``data-pick`` are buttons: a click or
Enter sends their value as the ``pick`` trigger; ``data-tip`` is their hover text."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.assets import asset
from components.html import Markup

# the drawn figure carries data-drawn once the script has put it in: the tests' and the bench's settle condition
DRAWN = ".svg-figure[data-drawn]"


def _drawn_markup(name: str, stylesheet: str):
    """A two-way component that puts server-drawn markup into the page and sends its picks (svg_figure.js)."""
    return st.components.v2.component(
        name, html='<div class="svg-figure-host"></div>', css=asset(stylesheet), js=asset("svg_figure.js"), isolate_styles=False
    )


_svg_figure = _drawn_markup("briefing.svg_figure", "svg_figure.css")


def svg_figure(markup: Markup, *, key: str, on_pick: Callable[[str], None] | None = None) -> None:
    """Draw the figure; `on_pick` runs with the value of the element picked."""
    if not isinstance(markup, Markup):
        raise TypeError("svg_figure takes Markup built by briefing.figures, not a plain string")

    def picked() -> None:
        value = st.session_state[key].get("pick")
        if value and on_pick is not None:
            on_pick(str(value))

    _svg_figure(key=key, data={"markup": str(markup)}, on_pick_change=picked)


_linked_markup = _drawn_markup("briefing.linked_markup", "linked_markup.css")


def linked_markup(markup: Markup, *, key: str) -> str | None:
    """Draw server-built markup whose ``<a data-pick>`` links the page follows within the session; returns the value
    of the link followed in this run, for the page to switch to (st.switch_page cannot run in a callback)."""
    if not isinstance(markup, Markup):
        raise TypeError("linked_markup takes Markup built with MarkupSafe, not a plain string")
    result = _linked_markup(key=key, data={"markup": str(markup)}, on_pick_change=lambda: None)
    value = result.get("pick")
    return str(value) if value else None
