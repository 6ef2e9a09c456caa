"""The ceasefire pack as slides with its pictures, drawn by kaleido through the machine's Chromium and opened with
python-pptx: the finding first and the sources last, every quote with its source in the notes, the matrix as a table, the
timeline and the map as pictures with alt text, and no text box holding more than it can show."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from pptx import Presentation

from briefing.frames import Selection, select
from briefing.pack import build_pack
from briefing.pack.deck import build_deck
from briefing.pack.drawing import pack_pictures, timeline_picture_figure
from briefing.periods import brief_period
from briefing.store import load_frames
from briefing.vocabulary import STANCES
from tests.support.slides import flat, notes, overflowing, slide_text, title

CEASEFIRE = Selection(issues=("ceasefire",))


@pytest.fixture(scope="module")
def frames():
    return load_frames()


@pytest.fixture(scope="module")
def deck(frames):
    """The ceasefire deck with its pictures, drawn by kaleido through the machine's Chromium."""
    return Presentation(io.BytesIO(build_deck(build_pack(frames, CEASEFIRE), pack_pictures(frames, CEASEFIRE))))


class TestCeasefireDeck:
    def test_the_finding_first_and_the_sources_last(self, deck, frames):
        pack = build_pack(frames, CEASEFIRE)
        titles = [title(slide) for slide in deck.slides]
        assert titles[0] == pack.title and pack.title.startswith("Ceasefire: ") and pack.title.endswith(f" — briefing, {pack.dated}")
        assert titles[1].startswith("Where the parties stand: ")
        # the issue's content starts by slide 3, under its action title
        assert titles[2] == pack.sections[0].title and titles[2].startswith("Ceasefire: ")
        for expected in ("Key judgments: ", "Timeline: ", "Regional impacts: "):  # no map: no region is assessed
            assert any(t.startswith(expected) for t in titles), expected
        assert titles[-1] == "Annex: the sources, their files and hashes"
        assert len(deck.slides) == len(titles) >= 7

    def test_slide_one_holds_the_bottom_line_and_no_hashes(self, deck, frames):
        pack = build_pack(frames, CEASEFIRE)
        text = flat(slide_text(deck.slides[0]))
        assert flat(pack.bottom_line.issues[0]) in text
        assert not re.search(r"\b[0-9a-f]{64}\b", text) and ".txt" not in text and frames.version not in text

    def test_the_sources_slide_names_the_filter_the_files_and_the_data_version(self, deck, frames):
        text = flat(" ".join(slide_text(s) for s in deck.slides if title(s).startswith("Annex: the sources")))
        assert "Issues: Ceasefire · Parties: all · Briefs: all" in text and f"Data version {frames.version}" in text
        for digest in frames.briefs["seed_sha256"].explode():
            assert digest in text

    def test_the_issue_slide_has_a_stance_strip_in_colour_symbol_and_word(self, deck, frames):
        section = build_pack(frames, CEASEFIRE).sections[0]
        slide = deck.slides[2]
        strip = {shape.name: shape for shape in slide.shapes if shape.name.startswith("stance ")}
        assert sorted(strip) == sorted(f"stance {part.party_name}" for part in section.strip)
        for part in section.strip:
            shape = strip[f"stance {part.party_name}"]
            assert shape.text_frame.text == f"{part.party_name}\n{part.mark.label}"
            assert f"#{shape.fill.fore_color.rgb}".lower() == part.mark.colour.lower()
            assert any(part.mark.word == stance.word and part.mark.colour == stance.colour for stance in STANCES.values())

    def test_every_ceasefire_quote_is_on_a_slide_or_in_its_notes(self, deck, frames):
        spans = select(frames, CEASEFIRE).evidence
        assert len(spans) >= 10
        everything = flat(" ".join(slide_text(s) + " " + notes(s) for s in deck.slides))
        for span in spans.itertuples(index=False):
            assert flat(span.quote) in everything, span.id

    def test_every_quote_has_its_source_in_the_notes(self, deck, frames):
        pack = build_pack(frames, CEASEFIRE)
        all_notes = flat(" ".join(notes(s) for s in deck.slides))
        for quote in pack.quotes:
            assert (
                flat(
                    f"“{quote.text}” — {quote.brief_title} — {quote.seed_file}, characters {quote.start}–{quote.end} (evidence {quote.id})"
                )
                in all_notes
            ), quote.id

    def test_the_issue_slide_gives_the_verdict_its_confidence_and_every_position(self, deck, frames):
        pack = build_pack(frames, CEASEFIRE)
        section = pack.sections[0]
        slides = [s for s in deck.slides if title(s).startswith(section.title)]
        first = slide_text(slides[0])
        assert f"{section.verdict.label} · {section.verdict.confidence} confidence" in first
        assert len(slides) == 1  # no continuation: what the slide cannot hold is in its notes
        shown, spoken = flat(slide_text(slides[0])), flat(notes(slides[0]))
        assert f"{section.positions[0].party_name}: {section.positions[0].mark.label} — " in shown
        for position in section.positions:
            assert flat(f"{position.party_name}: {position.mark.label} — {position.summary}") in shown + spoken
            assert all(flat(q.text) in spoken for q in position.quotes)

    def test_the_matrix_is_a_table_with_stance_in_symbols_and_words(self, deck, frames):
        matrix = build_pack(frames, CEASEFIRE).matrix
        tables = [
            shape.table for s in deck.slides if title(s).startswith("Where the parties stand") for shape in s.shapes if shape.has_table
        ]
        assert tables
        cells = {
            table.cell(row, 0).text: [table.cell(row, c).text for c in range(1, len(table.columns))]
            for table in tables
            for row in range(1, len(table.rows))
        }
        headers = [tables[0].cell(0, c).text for c in range(1, len(tables[0].columns))]
        # the issue's label, as the filter names it, over the taxonomy's proposition
        assert len(tables) == 1 and headers == [f"{h}\n{s}" for h, s in zip(matrix.headers, matrix.shorts, strict=True)]
        for name, words in matrix.rows:
            assert cells[name] == list(words)
        assert any(re.match(r"^[✖✔◐?]+ \w", word) for words in cells.values() for word in words)

    def test_the_timeline_and_the_map_are_pictures_with_alt_text(self, deck):
        for name in ("Timeline: ",):  # the map: test_pack_slides_readable, with every issue
            slide = next(s for s in deck.slides if title(s).startswith(name))
            pictures = [shape for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
            assert len(pictures) == 1, name
            assert pictures[0].image.content_type == "image/png" and len(pictures[0].image.blob) > 10_000
            assert pictures[0]._element.nvPicPr.cNvPr.get("descr")
            assert pictures[0].left + pictures[0].width <= deck.slide_width
            assert pictures[0].top + pictures[0].height <= deck.slide_height

    def test_no_text_box_holds_more_than_it_can_show(self, deck):
        assert overflowing(deck) == []

    def test_the_timeline_is_drawn_over_the_reporting_period_and_names_the_events_outside_it(self, deck, frames):
        view = select(frames, CEASEFIRE)
        period = brief_period(view.events, view.briefs)
        figure, alt = timeline_picture_figure(frames, CEASEFIRE)
        first, last = (pd.Timestamp(day) for day in figure.layout.xaxis.range)
        assert first >= period[0] - pd.Timedelta(days=30) and last <= period[1] + pd.Timedelta(days=30)  # not 2022–2026
        pack = build_pack(frames, CEASEFIRE)
        background = pack.events_in("background")
        assert background and pack.reporting_period in alt and f"{len(background)} dated events outside it" in alt
        caption = flat(slide_text(next(s for s in deck.slides if title(s).startswith("Timeline: "))))
        assert f"Drawn over the reporting period, {pack.reporting_period}." in caption
        named = [event for event in background if flat(f"{event.title}, {event.when}") in caption]
        assert named and (len(named) == len(background) or f"and {len(background) - len(named)} more" in caption)
