"""The briefing pack of a filter, built and downloaded from the sidebar in a real browser, under its own file name."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from pptx import Presentation
from pypdf import PdfReader

from briefing.frames import Selection
from briefing.load import Layout
from briefing.pack.build import pack_stem
from briefing.store import load_frames
from tests.conftest import CORPUS

BUILD_TIMEOUT_MS = 120_000  # a build draws two pictures and prints in Chromium: seconds, more on a busy machine
CEASEFIRE = Selection(issues=("ceasefire",))


def test_slides_pdf_and_html_download_with_every_ceasefire_quote_under_a_dated_name(app, exported):
    """For ?issue=ceasefire the sidebar builds the slides and the PDF with their progress shown; they and the HTML
    download as <date>-<brief>-ceasefire.<suffix>, carry every ceasefire position quote verbatim, and the HTML has
    both pictures inline."""
    stem = pack_stem(load_frames(Layout(root=CORPUS)), CEASEFIRE)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+-ceasefire", stem)
    app.goto("/matrix?issue=ceasefire")
    sidebar = app.by_testid("stSidebar")
    sidebar.get_by_text("Share this view").click()
    quotes = [span["quote"] for row in exported["positions"] if row["issue"] == "ceasefire" for span in row["evidence"]]
    assert quotes
    texts = {}
    for build, download, suffix in (("Build slides", "Download Slides (PowerPoint)", "pptx"), ("Build PDF", "Download PDF", "pdf")):
        sidebar.get_by_role("button", name=build).click()
        ready = sidebar.get_by_role("button", name=download)
        expect(ready).to_be_visible(timeout=BUILD_TIMEOUT_MS)
        expect(sidebar.get_by_text(re.compile(r"ready: [\d,]+ KB"))).to_have_count(1)
        with app.page.expect_download() as downloading:
            ready.click()
        path = downloading.value.path()
        assert downloading.value.suggested_filename == f"{stem}.{suffix}"
        if suffix == "pptx":
            deck = Presentation(str(path))
            texts[suffix] = " ".join(
                [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
                + [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
            )
        else:
            texts[suffix] = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    with app.page.expect_download(timeout=BUILD_TIMEOUT_MS) as downloading:
        sidebar.get_by_role("button", name="HTML", exact=True).click()
    assert downloading.value.suggested_filename == f"{stem}.html"
    document = downloading.value.path().read_text(encoding="utf-8")
    assert document.count('<img src="data:image/png;base64,') == 1  # the timeline; no map: no region is assessed on the ceasefire
    for suffix, text in texts.items():
        flat = " ".join(text.split())
        missing = [quote for quote in quotes if " ".join(quote.split()) not in flat]
        assert not missing, (suffix, missing)
    app.assert_clean()
