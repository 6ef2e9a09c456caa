"""The one Markdown escaper (briefing/markdown.py): on screen nothing formats; the pack's .md stays readable raw."""

from __future__ import annotations

import re
import string

from briefing.markdown import markdown_escape

HOSTILE = "**bold** _it_ `code` [link](http://x) <b>html</b> # head | cell ~~gone~~ $x^2$ :red[alarm] :material/home: :smile:"
MARKDOWN_READS = "\\`*_[]<>#|~$"  # what CommonMark and GitHub's Markdown read as something


def bare(escaped: str) -> list[str]:
    """The punctuation marks left without a backslash before them."""
    return re.findall(r"(?<!\\)[" + re.escape(string.punctuation) + "]", re.sub(r"\\.", "", escaped))


class TestOnScreen:
    def test_every_ascii_punctuation_mark_is_escaped(self):
        assert markdown_escape(string.punctuation) == "".join(f"\\{mark}" for mark in string.punctuation)
        assert bare(markdown_escape(HOSTILE)) == []

    def test_the_escapes_give_back_the_text(self):
        assert re.sub(r"\\(.)", r"\1", markdown_escape(HOSTILE)) == HOSTILE

    def test_letters_digits_and_spaces_are_left_alone(self):
        assert markdown_escape("Lavrov 29 January 2026") == "Lavrov 29 January 2026"


class TestReadable:
    def test_only_what_markdown_reads_is_escaped(self):
        said = "Lavrov, 29 January 2026 (own words): no."
        assert markdown_escape(said, readable=True) == said
        assert set(bare(markdown_escape(HOSTILE, readable=True))).isdisjoint(MARKDOWN_READS)

    def test_the_escapes_give_back_the_text(self):
        assert re.sub(r"\\(.)", r"\1", markdown_escape(HOSTILE, readable=True)) == HOSTILE
