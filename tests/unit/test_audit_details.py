"""What the audit details add to readers' words, and which pages the navigation lists."""

from __future__ import annotations

import re

from briefing.frames import EvidenceSpan
from components.evidence import quote_caption
from components.pages import navigation, page
from components.provenance import reader_line

SPAN = EvidenceSpan("lrl-quote", "lavrov-red-line", 3878, 4084, "a quote", "lavrov-red-line-2026-01", "pos-russia-guarantees-stated")
LABEL = "Lavrov, 29 January 2026 (own words)"


class TestQuoteCaption:
    def test_readers_get_who_when_and_whose_words_only(self):
        assert quote_caption(LABEL, SPAN, illustrative=False, audit=False) == LABEL

    def test_an_illustrative_brief_is_said_in_words(self):
        assert quote_caption(LABEL, SPAN, illustrative=True, audit=False) == f"{LABEL} · from an illustrative brief"

    def test_audit_details_add_offsets_source_and_ids(self):
        caption = quote_caption(LABEL, SPAN, illustrative=False, audit=True)
        assert caption.startswith(LABEL)
        assert re.search(r"characters 3878–4084 of lavrov-red-line", caption)
        assert "lrl-quote" in caption and "pos-russia-guarantees-stated" in caption


class TestNavigation:
    def test_the_workbench_is_listed_only_while_editing_is_on(self):
        assert page("workbench") not in navigation(editing=False)
        assert page("workbench") in navigation(editing=True)

    def test_every_other_view_is_listed_either_way(self):
        assert [p for p in navigation(editing=True) if p is not page("workbench")] == list(navigation(editing=False))


class TestWarningLines:
    def test_readers_get_the_message_without_the_record_path(self):
        line = "positions[3] (pos-x).confidence: a hedged quote read at high confidence"
        assert reader_line(line, audit=False) == "a hedged quote read at high confidence"
        assert reader_line(line, audit=True) == line
