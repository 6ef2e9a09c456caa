"""Slides a briefer presents from, opened with python-pptx and pypdf: every slide's title is in its title placeholder and
states its message, the body before the annex is at most ~60 words in 18 pt or larger with no ids or hashes, no near
empty continuation slide, no blank map under a filter whose regions are not assessed, and the title names subject and
date."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pypdf import PdfReader

from briefing.frames import Selection, select
from briefing.pack import build_pack
from briefing.pack.deck import build_deck
from briefing.pack.drawing import pack_pictures
from briefing.pack.pdf import build_pdf
from briefing.regions import regional_parties
from briefing.store import load_frames

CEASEFIRE = Selection(issues=("ceasefire",))
MOST_WORDS = 60
LABELS_ONLY = {"Key judgments", "Timeline", "Timeline in words", "About the sources", "Regional impacts", "Where the parties stand"}
HIDDEN = re.compile(r"sha256|[0-9a-f]{12,}|characters \d+–\d+|evidence \w+-\w+|\.txt\b|\.md\b")


@pytest.fixture(scope="module")
def frames():
    return load_frames()


@pytest.fixture(scope="module", params=["ceasefire", "every issue"])
def deck(request, frames):
    selection = CEASEFIRE if request.param == "ceasefire" else Selection()
    pack = build_pack(frames, selection)
    return pack, Presentation(io.BytesIO(build_deck(pack, pack_pictures(frames, selection))))


def body_runs(slide):
    """The runs of the slide's body: not its title placeholder, not its footer."""
    for shape in slide.shapes:
        if not shape.has_text_frame or shape == slide.shapes.title or " · slide " in shape.text_frame.text:
            continue
        for paragraph in shape.text_frame.paragraphs:
            yield from (run for run in paragraph.runs if run.text.strip())


def reader_slides(presentation):
    """The slides before the annex."""
    for slide in presentation.slides:
        if slide.shapes.title is not None and slide.shapes.title.text_frame.text.startswith("Annex"):
            return
        yield slide


def test_every_slide_has_a_title_placeholder_with_text(deck):
    _pack, presentation = deck
    for number, slide in enumerate(presentation.slides, start=1):
        assert slide.shapes.title is not None, f"slide {number} has no title placeholder"
        assert slide.shapes.title.text_frame.text.strip(), f"slide {number}'s title is empty"


def test_titles_state_a_message_not_a_label(deck):
    _pack, presentation = deck
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    assert not set(titles) & LABELS_ONLY, titles
    assert all(":" in title or "—" in title for title in titles), titles


def test_the_key_judgments_title_is_the_top_judgment(deck):
    pack, presentation = deck
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    judged = [title for title in titles if title.startswith("Key judgments: ")]
    assert len(judged) == 1
    first_words = " ".join(pack.judgments[0].text.split()[:5])
    assert first_words.lower() in judged[0].lower()


def test_the_timeline_title_names_the_latest_event_of_the_period(deck):
    pack, presentation = deck
    recent = [event for event in pack.events if event.period == "recent" and event.dated]
    titles = [slide.shapes.title.text_frame.text for slide in presentation.slides]
    pictured = [title for title in titles if title.startswith("Timeline: ")]
    assert pictured and recent[-1].when in pictured[0]


def test_no_body_over_sixty_words_or_under_18_pt_before_the_annex(deck):
    _pack, presentation = deck
    for number, slide in enumerate(reader_slides(presentation), start=1):
        runs = list(body_runs(slide))
        said = sum(len(run.text.split()) for run in runs)
        small = [run.text[:40] for run in runs if run.font.size is not None and run.font.size.pt < 18]
        assert said <= MOST_WORDS, f"slide {number}: {said} words"
        assert not small, f"slide {number}: under 18 pt: {small}"


def test_no_near_empty_continuation_slide(deck):
    _pack, presentation = deck
    for slide in presentation.slides:
        if "(continued)" in slide.shapes.title.text_frame.text:
            lines = sum(len(shape.text_frame.paragraphs) for shape in slide.shapes if shape.has_text_frame) - 2
            tables = sum(len(shape.table.rows) for shape in slide.shapes if shape.has_table)
            assert lines + tables >= 3, slide.shapes.title.text_frame.text


def test_the_reader_slides_carry_no_ids_offsets_or_hashes(deck):
    _pack, presentation = deck
    for slide in reader_slides(presentation):
        text = " ".join(run.text for run in body_runs(slide)) + " " + slide.shapes.title.text_frame.text
        assert not HIDDEN.search(text), HIDDEN.search(text)


def test_the_annex_keeps_the_hashes_and_files(frames):
    pack = build_pack(frames, CEASEFIRE)
    presentation = Presentation(io.BytesIO(build_deck(pack)))
    annex = " ".join(
        shape.text_frame.text
        for slide in presentation.slides
        if slide.shapes.title.text_frame.text.startswith("Annex")
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "sha256" in annex and all(brief.seed_sha256[0] in annex for brief in pack.briefs)


def test_the_ceasefire_regions_of_the_test_corpus_have_no_impact(frames):
    """The premise of the next test, checked: under the ceasefire filter no region the map draws is assessed."""
    impacts = select(frames, CEASEFIRE).impacts
    assert not impacts["region"].isin(set(regional_parties(frames.parties))).any()
    assert not select(frames, Selection()).impacts.empty


def test_no_map_when_no_region_is_assessed_and_a_map_when_one_is(frames):
    ceasefire = pack_pictures(frames, CEASEFIRE)
    assert ceasefire.map is None
    deck = Presentation(io.BytesIO(build_deck(build_pack(frames, CEASEFIRE), ceasefire)))
    assert not any(slide.shapes.title.text_frame.text.startswith("Poland and the Baltic states") for slide in deck.slides)
    every = pack_pictures(frames, Selection())
    assert every.map is not None
    whole = Presentation(io.BytesIO(build_deck(build_pack(frames, Selection()), every)))
    mapped = [s for s in whole.slides if s.shapes.title.text_frame.text.startswith("Poland and the Baltic states")]
    assert mapped and any(shape.shape_type == 13 for shape in mapped[0].shapes)  # 13: a picture


def test_no_map_page_in_the_ceasefire_pdf(frames):
    pdf = PdfReader(io.BytesIO(build_pdf(build_pack(frames, CEASEFIRE), pack_pictures(frames, CEASEFIRE))))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "The map" not in text
    images = sum(len(page.images) for page in pdf.pages)
    assert images == 1  # the timeline only


def test_the_title_names_subject_and_date(frames):
    pack = build_pack(frames, CEASEFIRE)
    dominant = [brief.title for brief in pack.briefs if not brief.illustrative]
    assert pack.title == f"Ceasefire: {dominant[0].split(':')[0]} — briefing, {pack.dated}"
    deck = Presentation(io.BytesIO(build_deck(pack)))
    assert deck.slides[0].shapes.title.text_frame.text == pack.title
    pdf = PdfReader(io.BytesIO(build_pdf(pack)))
    assert re.sub(r"\s+", " ", pack.title) in re.sub(r"\s+", " ", pdf.pages[0].extract_text())


@pytest.mark.parametrize("selection", [CEASEFIRE, Selection()], ids=["ceasefire", "every issue"])
def test_the_pdf_body_before_the_annex_carries_no_ids_offsets_or_hashes(frames, selection):
    pdf = PdfReader(io.BytesIO(build_pdf(build_pack(frames, selection))))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    body, _, annex = text.partition("Annex: about the sources")
    assert annex and "sha256" in annex and "(evidence " in annex
    assert not HIDDEN.search(body), HIDDEN.search(body)
