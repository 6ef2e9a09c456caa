"""The pack as PDF, opened with pypdf: page 1 a handout (the subject, the bottom line, no hashes or file names), A4 and
Letter pages, the title and page numbers in every footer, the ceasefire quotes and the pictures inside, and hostile
text printed as text."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.pack import build_pack
from briefing.pack.pdf import build_pdf, print_html
from briefing.store import load_frames
from components.pack_pictures import pack_pictures
from tests.pack_corpora import HOSTILE, hostile_corpus

CEASEFIRE = Selection(issues=("ceasefire",))
POINTS = {"a4": (595, 842), "letter": (612, 792)}  # page sizes in points, rounded


@pytest.fixture(scope="module")
def frames():
    return load_frames()


@pytest.fixture(scope="module")
def pictures(frames):
    return pack_pictures(frames, CEASEFIRE)


@pytest.fixture(scope="module", params=["a4", "letter"])
def printed(request, frames, pictures) -> tuple[str, PdfReader]:
    return request.param, PdfReader(io.BytesIO(build_pdf(build_pack(frames, CEASEFIRE), pictures, paper=request.param)))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


class TestPrinted:
    def test_every_page_is_the_paper_asked_for(self, printed):
        paper, reader = printed
        assert len(reader.pages) >= 3
        for page in reader.pages:
            # Chromium rounds the page to whole CSS pixels: within a point of the paper's size
            assert abs(float(page.mediabox.width) - POINTS[paper][0]) <= 1.5
            assert abs(float(page.mediabox.height) - POINTS[paper][1]) <= 1.5

    def test_every_footer_has_the_title_and_the_page_number(self, printed, frames):
        _paper, reader = printed
        total = len(reader.pages)
        title = build_pack(frames, CEASEFIRE).title
        for number, text in enumerate(page_texts(reader), start=1):
            assert f"Page {number} of {total}" in text
            assert title in flat(text)

    def test_page_one_is_the_finding_without_hashes_or_file_names(self, printed, frames):
        _paper, reader = printed
        pack = build_pack(frames, CEASEFIRE)
        first = flat(reader.pages[0].extract_text())
        assert first.startswith(pack.title) and pack.title.startswith("Ceasefire — briefing, ")
        assert "Bottom line" in first and flat(pack.bottom_line.issues[0]) in first
        assert not re.search(r"\b[0-9a-f]{64}\b", first), "a sha256 on page 1"
        assert ".txt" not in first and frames.version not in first and "Editor's note" not in first
        assert "Annex" not in first

    def test_each_issue_starts_a_page_with_its_action_title(self, printed, frames):
        _paper, reader = printed
        titles = [section.title for section in build_pack(frames, CEASEFIRE).sections]
        starts = [flat(text).strip() for text in page_texts(reader)]
        for title in titles:
            assert any(start.startswith(flat(title)) for start in starts), title

    def test_every_ceasefire_quote_is_in_the_text(self, printed, frames):
        _paper, reader = printed
        text = flat(" ".join(page_texts(reader)))
        spans = select(frames, CEASEFIRE).evidence
        assert len(spans) >= 10
        unbroken = re.sub(r"-\s+", "-", text)  # a line may break after a hyphen inside an evidence id
        annex = unbroken[unbroken.index("Annex: about the sources") :]
        for span in spans.itertuples(index=False):
            assert flat(span.quote) in text, span.id
            assert f"(evidence {span.id})" in annex

    def test_the_pictures_are_printed(self, printed):
        _paper, reader = printed
        images = [image for page in reader.pages for image in page.images]
        assert len(images) == 2  # the timeline and the map


class TestNothingToShow:
    def test_no_map_page_and_no_timeline_page_without_impacts_or_events(self, frames):
        empty = dataclasses.replace(frames, impacts=frames.impacts.iloc[:0], events=frames.events.iloc[:0])
        pictures = pack_pictures(empty, CEASEFIRE)
        assert pictures.map is None and pictures.timeline is None and pictures.missing == ()
        reader = PdfReader(io.BytesIO(build_pdf(build_pack(empty, CEASEFIRE), pictures)))
        texts = [flat(text) for text in page_texts(reader)]
        assert not any(text.startswith(("Poland and the Baltic states", "Timeline")) for text in texts)
        assert not any("Poland and the Baltic states" in text.split("Annex")[0] for text in texts)
        assert [image for page in reader.pages for image in page.images] == []


class TestPrintLayout:
    def test_the_print_html_carries_both_pictures_inline_and_nothing_from_outside(self, frames, pictures):
        document = print_html(build_pack(frames, CEASEFIRE), pictures)
        assert document.count('<img src="data:image/png;base64,') == 2
        assert not re.search(r'(src|href)="(?!data:)', document)
        assert pictures.timeline.alt in document and "<script" not in document


class TestHostileText:
    def test_markup_in_a_summary_is_printed_as_text(self, tmp_path):
        hostile = load_frames(Layout(root=hostile_corpus(tmp_path / "corpus")))
        assert hostile.problems == ()
        pack = build_pack(hostile, CEASEFIRE)
        document = print_html(pack)
        assert "<script>alert(1)</script>" not in document and "&lt;script&gt;alert(1)&lt;/script&gt;" in document
        text = flat(" ".join(page_texts(PdfReader(io.BytesIO(build_pdf(pack))))))
        assert flat(HOSTILE) in text  # shown as written: neither run nor dropped
        assert "bold bold" not in text  # the <b> tag was not drawn as bold text in place of the words


def test_an_unknown_paper_is_refused(frames):
    with pytest.raises(ValueError, match="unknown paper 'a3'"):
        build_pdf(build_pack(frames, CEASEFIRE), paper="a3")
