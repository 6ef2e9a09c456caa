"""Rendering trusted markup in Streamlit; the markup itself is built by briefing.markup."""

from __future__ import annotations

import streamlit as st

from briefing.markup import Html, escape, html_fragment, join_html

__all__ = ["Html", "escape", "html_fragment", "html_table", "join_html", "label_margin", "render_html", "render_script",
           "wrap_label"]


def render_html(fragment: Html) -> None:
    """Render trusted markup; refuses plain strings so nothing unescaped reaches the page."""
    if not isinstance(fragment, Html):
        raise TypeError("render_html takes Html built by html_fragment, not a plain string")
    st.html(fragment)


_CELL = "padding:0.35rem 0.6rem;border-bottom:1px solid rgba(49,51,63,0.15);text-align:left;vertical-align:top"


def html_table(frame, caption: str, nowrap: tuple[str, ...] = ()) -> Html:
    """A static table of plain text, every value escaped: one element for the browser to draw, where st.table
    renders each cell as Markdown. Columns named in `nowrap` keep their values on one line."""
    head = join_html(html_fragment(f'<th scope="col" style="{_CELL}">$c</th>', c=column) for column in frame.columns)
    cell = {column: f'<td style="{_CELL}{";white-space:nowrap" if column in nowrap else ""}">$v</td>' for column in frame.columns}
    rows = join_html(
        html_fragment("<tr>$cells</tr>", cells=join_html(html_fragment(cell[column], v=value)
                                                          for column, value in zip(frame.columns, row, strict=True)))
        for row in frame.itertuples(index=False)
    )
    # the box scrolls sideways on a narrow screen, so a wide table never widens the page
    return html_fragment('<div style="overflow-x:auto"><table style="border-collapse:collapse;width:100%;font-size:0.9rem">'
                         '<caption style="position:absolute;left:-9999px">$caption</caption>'
                         "<thead><tr>$head</tr></thead><tbody>$rows</tbody></table></div>", caption=caption, head=head,
                         rows=rows)


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
