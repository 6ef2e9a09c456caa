"""The pack as PDF, opened with pypdf: page 1 a handout (the subject, the bottom line, no hashes or file names), A4 and
Letter pages, the title and page numbers in every footer, the ceasefire quotes and the pictures inside, and hostile
text printed as text; `python -m briefing pack` writes the slides and the PDF with their pictures."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.pack import build_pack
from briefing.pack.drawing import pack_pictures
from briefing.pack.pdf import build_pdf, print_html
from briefing.store import load_frames
from scripts.harness import launch_options
from tests.pack_corpora import HOSTILE, hostile_corpus

PROJECT = Path(__file__).resolve().parents[2]
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
        assert first.startswith(pack.title) and pack.title.startswith("Ceasefire: Lavrov Draws the Red Line — briefing, ")
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
        assert len(images) == 1  # the timeline; no map, since no region the map draws is assessed on the ceasefire


MARGIN_MM = 16  # the PDF's left and right margins (briefing.pack.pdf.MARGINS)
DPI = 60


def ink_in_the_margins(pdf: bytes, folder) -> list[str]:
    """Every page with a dark pixel in its left or right margin: something printed wider than the page's text."""
    (folder / "pack.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(folder / "pack.pdf"), str(folder / "page")], check=True, timeout=120)
    found = []
    margin = int(MARGIN_MM / 25.4 * DPI) - 1  # a pixel inside the margin, for rounding
    for path in sorted(folder.glob("page-*.png")):
        image = Image.open(path).convert("L")
        width, height = image.size
        strips = [image.crop((0, 0, margin, height)), image.crop((width - margin, 0, width, height))]
        if any(strip.getextrema()[0] < 200 for strip in strips):
            found.append(path.name)
    return found


TEXT_WIDTH_PX = {"a4": round((210 - 2 * MARGIN_MM) / 25.4 * 96), "letter": round((215.9 - 2 * MARGIN_MM) / 25.4 * 96)}
WIDER_THAN_THE_PAGE = """() => [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map(e => e.tagName.toLowerCase() + '.' + e.className + ': ' + e.textContent.slice(0, 40))"""


def wider_than_the_page(document: str, paper: str) -> list[str]:
    """The elements of the print layout that reach past the page's text width. Chromium's print shrinks a page whose
    content is too wide rather than cutting it, so an overflow shows as smaller type, not as ink in the margin.

    Measured in a thread of its own: Playwright's sync API refuses to start where another sync session (a browser
    test's session-wide browser, earlier in the same run) keeps an event loop running."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_measured_overflow, document, paper).result()


def _measured_overflow(document: str, paper: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            page = browser.new_page(viewport={"width": TEXT_WIDTH_PX[paper], "height": 1000})
            page.emulate_media(media="print")
            page.set_content(document)
            return page.evaluate(WIDER_THAN_THE_PAGE)
        finally:
            browser.close()


@pytest.fixture(scope="module")
def whole_pdf(frames) -> bytes:
    """Every issue's pack as a PDF, without pictures."""
    return build_pdf(build_pack(frames, Selection()))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm to draw the pages")
class TestNothingOverflows:
    def test_no_page_prints_into_its_side_margins(self, printed, whole_pdf, tmp_path):
        paper, reader = printed
        (tmp_path / paper).mkdir()
        (tmp_path / "whole").mkdir()
        assert ink_in_the_margins(reader.stream.getvalue(), tmp_path / paper) == []
        assert ink_in_the_margins(whole_pdf, tmp_path / "whole") == []

    @pytest.mark.parametrize("paper", ["a4", "letter"])
    def test_nothing_in_the_print_layout_is_wider_than_the_page(self, frames, pictures, paper):
        for selection, drawn in ((CEASEFIRE, pictures), (Selection(), None)):
            assert wider_than_the_page(str(print_html(build_pack(frames, selection), drawn)), paper) == []

    def test_page_one_holds_the_bottom_line_the_matrix_and_the_sources_for_every_issue(self, frames, whole_pdf):
        pack = build_pack(frames, Selection())
        first = flat(PdfReader(io.BytesIO(whole_pdf)).pages[0].extract_text())
        assert flat(pack.bottom_line.issues[-1]) in first and "Where the parties stand" in first
        assert all(flat(name) in first for name, _cells in pack.matrix.rows)
        assert all(flat(f"{brief.title}, published {brief.published}") in first for brief in pack.briefs)


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
        assert document.count('<img src="data:image/png;base64,') == 1  # the timeline; the ceasefire has no regional map
        every = print_html(build_pack(frames, Selection()), pack_pictures(frames, Selection()))
        assert every.count('<img src="data:image/png;base64,') == 2  # the timeline and the map, with impacts assessed
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


def test_the_pack_command_writes_slides_and_pdf_with_their_pictures(tmp_path):
    """`python -m briefing pack` draws the pictures and prints the PDF in Chromium: both files carry a ceasefire quote."""
    quote = "even a 60-day or longer ceasefire"
    for kind in ("pptx", "pdf"):
        out = tmp_path / f"x.{kind}"
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--format", kind, "--out", str(out)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert "drawing the timeline and the map" in result.stderr and "note:" not in result.stderr
        if kind == "pptx":
            deck = Presentation(str(out))
            text = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)  # the quotes are in the notes
        else:
            text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
        assert quote in " ".join(text.split()), kind
