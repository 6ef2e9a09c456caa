"""The pack as PDF, opened with pypdf: A4 and Letter pages, page numbers and the data version in every footer, the
ceasefire quotes and the pictures inside, and hostile text printed as text."""

from __future__ import annotations

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

    def test_every_footer_has_the_page_number_and_the_data_version(self, printed, frames):
        _paper, reader = printed
        total = len(reader.pages)
        for number, text in enumerate(page_texts(reader), start=1):
            assert f"Page {number} of {total}" in text
            assert f"data version {frames.version}" in text

    def test_every_ceasefire_quote_is_in_the_text(self, printed, frames):
        _paper, reader = printed
        text = flat(" ".join(page_texts(reader)))
        spans = select(frames, CEASEFIRE).evidence
        assert len(spans) >= 10
        unbroken = re.sub(r"-\s+", "-", text)  # a line may break after a hyphen inside an evidence id
        for span in spans.itertuples(index=False):
            assert flat(span.quote) in text, span.id
            assert f"(evidence {span.id})" in unbroken

    def test_the_pictures_are_printed(self, printed):
        _paper, reader = printed
        images = [image for page in reader.pages for image in page.images]
        assert len(images) == 2  # the timeline and the map


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
