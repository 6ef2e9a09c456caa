"""The pack as slides without pictures, opened with python-pptx: every issue's deck, a bottom line and a matrix too big
for one slide, quotes too long for one, nothing to draw, and hostile text kept as text; no text box holding more than it
can show. The ceasefire deck drawn with its pictures (in Chromium) is tested in tests/browser/test_pack_deck_pictures.py."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from pptx import Presentation

from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.pack import build_pack
from briefing.pack.deck import build_deck
from briefing.pack.model import Finding, Matrix, Said
from briefing.store import load_frames
from tests.pack_corpora import HOSTILE, hostile_corpus
from tests.support.slides import flat, notes, overflowing, slide_text, tables_of, title

CEASEFIRE = Selection(issues=("ceasefire",))


@pytest.fixture(scope="module")
def frames():
    return load_frames()


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


class TestShortened:
    """A line too long for a slide keeps its whole sentences where they hold at least half the words it may keep."""

    def test_whole_sentences_first(self):
        from briefing.pack.brevity import shortened
        from briefing.pack.layout import Line

        text = "Russia rejects the ceasefire outright and without conditions. It says a pause would let Ukraine regroup."
        assert shortened(Line(text, 20), 14).text == "Russia rejects the ceasefire outright and without conditions. …"
        assert shortened(Line(text, 20), 16).text == text
        # a first sentence shorter than half of what may be kept: the words, cut
        short_first = "Russia says no. It says a pause would let Ukraine regroup and rearm for a spring offensive."
        assert shortened(Line(short_first, 20), 10).text == "Russia says no. It says a pause would let Ukraine …"

    def test_words_when_the_first_sentence_is_too_long_and_never_inside_a_quotation(self):
        from briefing.pack.brevity import shortened
        from briefing.pack.layout import Line

        text = "In his own words, the proposal “is unacceptable to us in every form it has taken so far”, he said. More."
        cut = shortened(Line(text, 20), 9).text
        assert cut == "In his own words, the proposal …"
        assert shortened(Line("One two three.", 20), 5).text == "One two three."
