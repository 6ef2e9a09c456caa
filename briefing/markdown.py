"""The one Markdown escaper: text from the data shown as itself, never read as formatting, a link, HTML or a formula."""

from __future__ import annotations

import re

# every ASCII punctuation mark: CommonMark lets any of them be escaped with a backslash, which then shows the mark
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# the marks CommonMark and GitHub's Markdown read as something: emphasis, code, links, raw HTML, headings, tables,
# strikethrough and formulas
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~])")


def markdown_escape(value: object, *, readable: bool = False) -> str:
    """Text that formats nothing in Markdown.

    By default every ASCII punctuation mark is escaped: Streamlit's Markdown reads more than CommonMark (``:red[…]``
    and ``:material/…:`` directives, ``:smile:`` emoji, ``$…$`` formulas), and escaping them all stays safe whatever
    it comes to read. ``readable`` escapes only what CommonMark and GitHub's Markdown read, for a Markdown file people
    read raw (the pack's .md, pasted into notes), where "Lavrov\\, 29 January 2026 \\(own words\\)" would not do.
    """
    return (_SPECIAL if readable else _PUNCTUATION).sub(r"\\\1", str(value))
