"""The pack as a PDF: the print layout of the HTML pack (pictures included) printed by headless Chromium through
Playwright, on A4 or Letter, with the title and the page number in every footer.

Why Chromium: the slides' pictures already need it (kaleido), so the PDF adds no second layout engine or system
library; it is the engine the pages are drawn and tested with; and its print is driven through Playwright's
documented API. docs/deploy.md says more.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from markupsafe import Markup

from briefing.chromium import chromium
from briefing.pack.model import PackContent
from briefing.pack.pictures import Pictures
from briefing.pack.render import render_footer, render_pack_html

if TYPE_CHECKING:
    from playwright.sync_api import PdfMargins

PAPERS = {"a4": "A4", "letter": "Letter"}
MARGINS: PdfMargins = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
PRINT_TIMEOUT_MS = 60_000


def print_html(pack: PackContent, pictures: Pictures | None = None) -> Markup:
    """The pack in its print layout: the HTML pack with print styles and the pictures inline."""
    return render_pack_html(pack, "print.html", pictures=pictures or Pictures(missing=("No pictures were asked for.",)))


def _print(document: str, footer: str, paper: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium())
        try:
            page = browser.new_page()
            # the document is self-contained (pictures are data: URIs): any request would be a leak, so none is let out
            page.route("**/*", lambda route: route.abort())
            page.set_content(document, wait_until="load", timeout=PRINT_TIMEOUT_MS)
            return page.pdf(
                format=PAPERS[paper],
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                margin=MARGINS,
            )
        finally:
            browser.close()


def build_pdf(pack: PackContent, pictures: Pictures | None = None, paper: str = "a4") -> bytes:
    """The pack as a PDF on `paper` (a4 or letter)."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; choose one of {', '.join(PAPERS)}")
    footer = render_footer(pack.title)
    # Playwright's sync API refuses a thread with a running event loop; a thread of its own never has one
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, str(print_html(pack, pictures)), footer, paper).result()
