"""The slides and the PDF of the pack, built and downloaded from the sidebar in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pptx import Presentation
from pypdf import PdfReader

BUILD_TIMEOUT_MS = 120_000  # a build draws two pictures and prints in Chromium: seconds, more on a busy machine


@pytest.mark.browser
def test_slides_and_pdf_download_with_every_ceasefire_quote(app, exported):
    """For ?issue=ceasefire the sidebar builds the slides and the PDF with their progress shown, and both download and
    carry every ceasefire position quote verbatim."""
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
        assert downloading.value.suggested_filename == f"briefing-pack.{suffix}"
        if suffix == "pptx":
            deck = Presentation(str(path))
            texts[suffix] = " ".join(
                [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
                + [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
            )
        else:
            texts[suffix] = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    for suffix, text in texts.items():
        flat = " ".join(text.split())
        missing = [quote for quote in quotes if " ".join(quote.split()) not in flat]
        assert not missing, (suffix, missing)
    app.assert_clean()
