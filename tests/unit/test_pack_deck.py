"""The pack as slides, opened with python-pptx: its slides, every quote with its source in the notes, the matrix as a
table, the pictures, no text box holding more than it can show, and hostile text kept as text."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pandas as pd
import pytest
from pptx import Presentation
from pptx.util import Emu

from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.pack import build_pack
from briefing.pack.deck import build_deck
from briefing.pack.drawing import pack_pictures, timeline_picture_figure
from briefing.pack.layout import CHAR_WIDTH, INSET, LINE_HEIGHT
from briefing.pack.model import Finding, Matrix, Said
from briefing.periods import brief_period
from briefing.store import load_frames
from briefing.vocabulary import STANCES
from tests.pack_corpora import HOSTILE, hostile_corpus

CEASEFIRE = Selection(issues=("ceasefire",))


@pytest.fixture(scope="module")
def frames():
    return load_frames()


@pytest.fixture(scope="module")
def deck(frames):
    """The ceasefire deck with its pictures, drawn by kaleido through the machine's Chromium."""
    return Presentation(io.BytesIO(build_deck(build_pack(frames, CEASEFIRE), pack_pictures(frames, CEASEFIRE))))


def title(slide) -> str:
    return slide.shapes.title.text_frame.text


def slide_text(slide) -> str:
    parts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    parts += [cell.text for shape in slide.shapes if shape.has_table for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def lines_needed(text: str, width_pt: float, size_pt: float) -> int:
    """Lines a paragraph takes at CHAR_WIDTH of its size per character, wrapped between words."""
    per_line = max(1, int(width_pt / (size_pt * CHAR_WIDTH)))
    lines, length = 1, 0
    for word in text.split():
        while len(word) > per_line:  # a word longer than the line is broken, as the slide breaks it
            lines += 1 if length else 0
            word, length = word[per_line:], 0
            lines += 1
        if length and length + 1 + len(word) > per_line:
            lines, length = lines + 1, len(word)
        else:
            length += (1 if length else 0) + len(word)
    return lines


def overflowing(presentation) -> list[str]:
    """Every text box whose paragraphs, at their font size and spacing, are taller than the box."""
    found = []
    for number, slide in enumerate(presentation.slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            width = Emu(shape.width - 2 * INSET).pt
            height = Emu(shape.height - INSET).pt
            needed = 0.0
            for paragraph in shape.text_frame.paragraphs:
                size = paragraph.runs[0].font.size.pt if paragraph.runs else 18
                gap = paragraph.space_before.pt if paragraph.space_before is not None else 0
                needed += gap + lines_needed(paragraph.text, width, size) * size * LINE_HEIGHT
            if needed > height:
                found.append(f"slide {number} ({title(slide)}): {needed:.0f} pt of text in {height:.0f} pt")
    return found


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


def tables_of(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]


@pytest.fixture(scope="module")
def whole_deck(frames):
    """The deck of every issue, without pictures."""
    pack = build_pack(frames, Selection())
    return pack, Presentation(io.BytesIO(build_deck(pack)))


class TestEveryIssue:
    def test_the_first_issue_is_on_slide_three(self, whole_deck):
        pack, deck = whole_deck
        titles = [title(slide) for slide in deck.slides]
        assert len(pack.sections) > 4
        assert titles[0] == pack.title and titles[1].startswith("Where the parties stand") and titles[2] == pack.sections[0].title

    def test_slide_one_says_the_first_issues_and_the_notes_hold_what_it_leaves_out(self, whole_deck):
        pack, deck = whole_deck
        shown, spoken = flat(slide_text(deck.slides[0])), flat(notes(deck.slides[0]))
        assert flat(pack.bottom_line.issues[0]) in shown
        for line in (*pack.bottom_line.issues, *(red.text for red in pack.bottom_line.red_lines)):
            assert flat(line) in shown or flat(line) in spoken, line
        assert "more items in the speaker notes." in shown
        for line in pack.bottom_line.outlook:
            assert flat(line.text) in spoken, line.text

    def test_slide_two_holds_the_whole_matrix_under_short_names(self, whole_deck, frames):
        pack, deck = whole_deck
        (table,) = tables_of(deck.slides[1])
        headers = [table.cell(0, c).text.split("\n")[0] for c in range(1, len(table.columns))]
        assert headers == list(pack.matrix.headers)  # the issues' labels, as the filter names them
        assert [table.cell(r, 0).text for r in range(1, len(table.rows))] == [name for name, _cells in pack.matrix.rows]
        assert not [t for t in (title(s) for s in deck.slides) if t.startswith("Annex: where")]

    def test_nothing_overflows(self, whole_deck):
        assert overflowing(whole_deck[1]) == []


@pytest.fixture(scope="module")
def crowded(frames):
    """The ceasefire pack with far more bottom line and matrix than a slide holds."""
    pack = build_pack(frames, CEASEFIRE)
    mark = pack.matrix.marks[0][0]
    found = Finding(
        issues=tuple(f"Issue {n}: Russia firmly against; Ukraine for; no overlap between the two" for n in range(30)),
        red_lines=tuple(Said(f"Russia — red line number {n}, in Lavrov's words: nothing of the kind", 1) for n in range(20)),
        outlook=(Said("The outlook in one long sentence " * 5, 1),),
    )
    headers = tuple(f"Issue {n}" for n in range(12))
    rows = tuple((f"Party {n}", tuple(f"✖ Against (stated), {n} records" for _ in headers)) for n in range(40))
    matrix = Matrix(headers=headers, rows=rows, marks=tuple((mark,) * 12 for _ in rows), shorts=headers)
    crowded = dataclasses.replace(pack, bottom_line=found, matrix=matrix)
    return crowded, Presentation(io.BytesIO(build_deck(crowded)))


class TestTooMuchForOneSlide:
    """A bottom line of 30 issues and 20 red lines, and a matrix of 40 parties and 12 issues: slide 1 and slide 2 stay
    one slide each, and what they cannot show is in the notes and the annex."""

    def test_slide_one_is_one_slide_and_its_notes_say_the_rest(self, crowded):
        pack, deck = crowded
        titles = [title(slide) for slide in deck.slides]
        assert titles[0] == pack.title and titles[1].startswith("Where the parties stand") and titles[2] == pack.sections[0].title
        shown, spoken = flat(slide_text(deck.slides[0])), flat(notes(deck.slides[0]))
        assert "more items in the speaker notes" in shown
        for line in (*pack.bottom_line.issues, *(red.text for red in pack.bottom_line.red_lines)):
            assert flat(line) in shown or flat(line) in spoken, line
        assert flat(pack.bottom_line.outlook[0].text) in spoken

    def test_the_matrix_shows_what_fits_and_the_annex_all_of_it(self, crowded):
        pack, deck = crowded
        assert "the whole matrix is in the annex" in slide_text(deck.slides[1]) and len(tables_of(deck.slides[1])) == 1
        annex = [s for s in deck.slides if title(s).startswith("Annex: where the parties stand")]
        assert annex and title(deck.slides[-1]) == "Annex: the sources, their files and hashes"
        seen = {
            (t.cell(r, 0).text, t.cell(0, c).text)
            for s in annex
            for t in tables_of(s)
            for r in range(1, len(t.rows))
            for c in range(1, len(t.columns))
        }
        assert seen == {(name, header) for name, _cells in pack.matrix.rows for header in pack.matrix.headers}

    def test_nothing_overflows(self, crowded):
        assert overflowing(crowded[1]) == []


@pytest.fixture(scope="module")
def long_deck(frames):
    """Every ceasefire quote made about 3,000 characters long: far more than one slide holds."""
    evidence = frames.evidence.copy()
    ceasefire = select(frames, CEASEFIRE).evidence["id"]
    long = evidence["id"].isin(ceasefire)
    evidence.loc[long, "quote"] = evidence.loc[long, "quote"].map(lambda q: " ".join([q] * (3000 // len(q) + 1)))
    changed = dataclasses.replace(frames, evidence=evidence)
    pack = build_pack(changed, CEASEFIRE)
    return pack, Presentation(io.BytesIO(build_deck(pack)))


class TestLongQuotes:
    def test_a_long_quote_is_whole_in_the_notes_and_nothing_overflows(self, long_deck):
        pack, deck = long_deck
        assert overflowing(deck) == []
        quote = next(p for p in pack.positions if p.issue == "ceasefire").quotes[0]
        # the quotes are in the speaker notes, whole and with their source, however long
        assert any(quote.text in notes(s) and quote.source_line in notes(s) for s in deck.slides)

    def test_without_pictures_the_deck_says_why(self, long_deck):
        _pack, deck = long_deck
        slide = next(s for s in deck.slides if title(s).startswith("Timeline: "))
        assert "could not be drawn" in slide_text(slide)


class TestNothingToShow:
    def test_no_map_or_timeline_slide_without_impacts_or_events(self, frames):
        empty = dataclasses.replace(frames, impacts=frames.impacts.iloc[:0], events=frames.events.iloc[:0])
        deck = Presentation(io.BytesIO(build_deck(build_pack(empty, CEASEFIRE))))
        titles = [title(s) for s in deck.slides]
        assert not [t for t in titles if t.startswith(("Timeline", "Poland", "Regional"))], titles
        assert titles[2].startswith("Ceasefire: ") and titles[-1] == "Annex: the sources, their files and hashes"


class TestHostileText:
    def test_markup_in_a_summary_is_text_in_the_slides_and_the_file(self, tmp_path):
        hostile = load_frames(Layout(root=hostile_corpus(tmp_path / "corpus")))
        assert hostile.problems == ()
        data = build_deck(build_pack(hostile, CEASEFIRE))
        deck = Presentation(io.BytesIO(data))
        assert any(HOSTILE in slide_text(s) for s in deck.slides)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = "".join(package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml"))
        assert "<script" not in xml and "<b>" not in xml
        assert '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quoted" &lt;b&gt;bold&lt;/b&gt;' in xml
