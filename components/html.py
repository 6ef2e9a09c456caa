"""Rendering trusted markup in Streamlit. Markup is built with MarkupSafe: ``Markup(template).format(...)`` escapes
every value it inserts, and ``Markup("").join(parts)`` every part, unless that value is already Markup."""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup, escape

from briefing.frames import each_row
from components.assets import stylesheet

__all__ = ["Markup", "escape", "html_table", "label_margin", "render_html", "render_script"]


def render_html(fragment: Markup) -> None:
    """Render trusted markup; refuses plain strings so nothing unescaped reaches the page."""
    if not isinstance(fragment, Markup):
        raise TypeError("render_html takes Markup built with Markup.format or a template, not a plain string")
    st.html(fragment)


_PLAIN = stylesheet("plain_table.css")  # the cells' padding, rule and alignment, once per table
_STACKED = stylesheet("stack_table.css")  # a stackable table's rule for a narrow box


def html_table(frame, caption: str, nowrap: tuple[str, ...] = (), min_width: str = "0", stacked: bool = False) -> Markup:
    """A static table of plain text, every value escaped: one element for the browser to draw, where st.table
    renders each cell as Markdown. Columns named in `nowrap` keep their values on one line; below `min_width` (a
    CSS length) the table scrolls sideways in its box rather than squeezing its columns to a word each; `stacked`:
    in a narrow box (a phone) each row is a block instead, the first value bold, each other under its column's name.
    The cells' look is a style sheet's, not a style attribute on every cell (15 rows: 18.5 → 7 KB)."""
    head = Markup("").join(Markup('<th scope="col">{c}</th>').format(c=column) for column in frame.columns)
    cells = {
        column: Markup("<td{label}{kind}>").format(
            label=Markup(' data-label="{}"').format(column) if stacked else "",
            kind=Markup(' class="nowrap"') if column in nowrap else "",
        )
        for column in frame.columns
    }
    rows = Markup("").join(
        Markup("<tr>{cells}</tr>").format(
            cells=Markup("").join(cells[column] + Markup("{}</td>").format(value) for column, value in zip(frame.columns, row, strict=True))
        )
        for row in each_row(frame)
    )
    # the box scrolls sideways on a narrow screen, so a wide table never widens the page
    table = Markup(
        '<div class="{box}" style="overflow-x:auto"><table class="plain-table {kind}" '
        'style="border-collapse:collapse;width:100%;min-width:{min_width};font-size:0.9rem">'
        '<caption style="position:absolute;left:-9999px">{caption}</caption>'
        "<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    ).format(
        caption=caption,
        head=head,
        rows=rows,
        min_width=min_width,
        box="stack-table-box" if stacked else "",
        kind="stack-table" if stacked else "",
    )
    return _PLAIN + (_STACKED if stacked else Markup("")) + table


def render_script(script: str) -> None:
    """Run a fixed script of the app's own; never pass it anything from data or the URL."""
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")


def label_margin(labels, font_px: float = 12, most: int = 360) -> int:
    """Pixels a chart margin needs for these Plotly labels (lines split at <br>), so Plotly need not measure and
    redraw (automargin) before the chart appears."""
    longest = max((len(line) for label in labels for line in str(label).split("<br>")), default=0)
    return min(most, int(longest * font_px * 0.52) + 16)
