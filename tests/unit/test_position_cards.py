"""The matrix's position cards as one drawn element: every value escaped, the words a reader saw in the Markdown
cards, and each "Show in source" a real link to the span, keeping the filter."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from briefing.frames import EvidenceSpan, Selection, select
from briefing.load import Layout
from briefing.store import load_frames
from components.context import PageContext
from components.evidence import linked_quote, linked_quotes
from components.matrix import DISAGREES_NOTE, HEADLINE_NOTE, PositionCard, card_markup, cards_markup, cell_positions, position_cards
from tests.conftest import CORPUS
from tests.support.markup import Parsed

HOSTILE = "<script>alert(\"x\")</script> :red[x] **bold** & 'quoted'"


def span(quote: str = "no ceasefire", span_id: str = "ev-1") -> EvidenceSpan:
    return EvidenceSpan(id=span_id, seed="seed-1", start=0, end=len(quote), quote=quote, brief="brief-1", record_id="rec-1")


def card(summary: str = "Rejects a ceasefire.", *, marks: tuple[str, ...] = (HEADLINE_NOTE,), audit=None) -> PositionCard:
    return PositionCard(
        stance="✖✖ Firmly against",
        summary=summary,
        facts=(("Claim type", "Stated by the party"), ("Confidence", "high"), ("Date", "29 January 2026"), ("Speaker", "Sergey Lavrov")),
        evidence=("ev-1",),
        claim_label="Stated by the party",
        record="rec-1",
        relation="headline",
        marks=marks,
        audit=audit,
    )


class TestEscaping:
    def test_a_hostile_summary_quote_and_mark_are_text(self):
        quotes = linked_quote(span(HOSTILE), HOSTILE, {"issue": ["ceasefire"], "span": "ev-1"}, audit=False)
        markup = cards_markup([card_markup(card(HOSTILE, marks=(HOSTILE,)), quotes)])
        assert "<script>" not in markup and "&lt;script&gt;" in markup
        parsed = Parsed(markup)
        assert not parsed.named("script")
        assert parsed.words.count(" ".join(HOSTILE.split())) == 4  # the mark, the summary, the quote and its caption
        assert ":red[x] **bold**" in parsed.words  # Markdown directives are not read in HTML: shown as written

    def test_a_hostile_span_id_cannot_leave_its_attributes(self):
        parsed = Parsed(linked_quote(span(span_id='x" onclick="alert(1)'), "", {"span": 'x" onclick="alert(1)'}, audit=False))
        (link,) = parsed.named("a")
        assert "onclick" not in link and link["data-pick"] == 'x" onclick="alert(1)'


class TestWords:
    def test_the_card_reads_as_the_markdown_card_did(self):
        markup = card_markup(card(), linked_quote(span(), "Lavrov, 29 January 2026 (own words)", {"span": "ev-1"}, audit=False))
        assert Parsed(markup).words == (
            "Headline of the cell ✖✖ Firmly against — Rejects a ceasefire. Claim type: Stated by the party · "
            "Confidence: high · Date: 29 January 2026 · Speaker: Sergey Lavrov “no ceasefire” "
            "Lavrov, 29 January 2026 (own words) Show in source"
        )

    def test_the_audit_details_name_the_record_and_its_raw_date(self):
        markup = card_markup(card(audit=("rec-1", "2026-01-29", "day")), linked_quote(span(), "", {"span": "ev-1"}, audit=True))
        words = Parsed(markup).words
        assert "Speaker: Sergey Lavrov · Record: rec-1 · date 2026-01-29 (day)" in words
        assert words.endswith("Show in source (ev-1)")

    def test_a_card_without_marks_has_no_badge_line(self):
        parsed = Parsed(card_markup(card(marks=()), linked_quote(span(), "", {"span": "ev-1"}, audit=False)))
        assert parsed.words.startswith("✖✖ Firmly against —")
        assert not [attrs for attrs in parsed.named("p") if attrs.get("class") == "card-marks"]

    def test_the_root_is_marked_as_a_drawn_figure(self):
        (root, *_rest) = Parsed(cards_markup([card_markup(card(), linked_quote(span(), "", {}, audit=False))])).tags
        assert root == ("div", {"class": "svg-figure position-cards"})


class TestSourceLink:
    def test_the_link_opens_the_source_viewer_at_the_span_with_the_filter(self):
        params = {"issue": ["ceasefire", "energy-truce"], "party": ["russia"], "span": "ev-1"}
        (link,) = Parsed(linked_quote(span(), "", params, audit=False)).named("a")
        href = urlsplit(str(link["href"]))
        assert href.path == "sources"  # relative: it holds under any base URL path
        assert parse_qs(href.query) == {"issue": ["ceasefire", "energy-truce"], "party": ["russia"], "span": ["ev-1"]}
        assert link["data-pick"] == "ev-1"


@pytest.fixture(scope="module")
def corpus_context() -> PageContext:
    frames = load_frames(Layout(root=CORPUS))
    selection = Selection(issues=("ceasefire",))
    return PageContext(frames=frames, view=select(frames, selection), selection=selection)


class TestCorpusCell:
    def test_russia_on_the_ceasefire_reads_as_before(self, corpus_context):
        positions = cell_positions(corpus_context.view.positions, "russia", "ceasefire")
        cards = position_cards(positions, corpus_context.frames.illustrative_briefs)
        first = Parsed(card_markup(cards[0], linked_quotes(corpus_context, cards[0].evidence, cards[0].claim_label)))
        assert first.words.startswith(
            "Headline of the cell ✖✖ Firmly against — In Lavrov's own words, even a ceasefire of 60 days or longer, as "
            'Zelenskyy seeks, "is unacceptable to us". Claim type: Stated by the party · Confidence: high · '
            "Date: 29 January 2026 · Speaker: Sergey Lavrov “even a 60-day or longer ceasefire"
        )
        links = first.named("a")
        assert links and all(parse_qs(urlsplit(str(a["href"])).query)["issue"] == ["ceasefire"] for a in links)
        assert [parse_qs(urlsplit(str(a["href"])).query)["span"] for a in links] == [[a["data-pick"]] for a in links]
        assert all(DISAGREES_NOTE not in card.marks for card in cards if card.relation != "disagrees")
