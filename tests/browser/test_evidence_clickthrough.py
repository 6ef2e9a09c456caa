"""From a matrix cell to the exact words in the source: the evidence link lands on the emphasised, visible span, in
the same session; opened in a new tab, the link's own address does the same."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from scripts.harness import SETTLED_JS
from tests.browser.conftest import SETTLE_TIMEOUT_MS


@pytest.fixture(scope="module")
def russia_ceasefire_quotes(exported) -> dict[str, str]:
    """Evidence id → quote for every position of Russia on the ceasefire, from the exported data."""
    quotes = {
        span["id"]: span["quote"]
        for position in exported["positions"]
        if position["party"] == "russia" and position["issue"] == "ceasefire"
        for span in position["evidence"]
    }
    assert quotes, "the data should record Russia's position on the ceasefire"
    return quotes


def show_in_source(app):
    """The cards' "Show in source" links: real links inside the cell's drawn cards."""
    return app.page.locator("[data-testid=stMain] .position-cards a.source-link").filter(has_text="Show in source")


def test_show_in_source_scrolls_to_the_quoted_span(app, russia_ceasefire_quotes):
    """The first "Show in source" link on /matrix?cell=russia:ceasefire opens /sources at a visible mark of that quote,
    within the same session: the page is not loaded again."""
    app.goto("/matrix?cell=russia:ceasefire&issue=ceasefire")
    link = show_in_source(app).first
    # the evidence id is an audit detail, not in the link's words: it is in the address the link opens
    href = parse_qs(urlsplit(link.get_attribute("href")).query)
    evidence_id = href["span"][0]
    assert evidence_id in russia_ceasefire_quotes and link.get_attribute("data-pick") == evidence_id
    assert href["issue"] == ["ceasefire"], "the link keeps the filter"
    quote = russia_ceasefire_quotes[evidence_id]
    shown = app.page.locator("[data-testid=stMain] blockquote.evidence-quote").first.inner_text()
    assert shown.startswith(f"“{quote}”"), shown

    app.page.evaluate("() => { window.__sameSession = 'matrix'; }")  # gone if the click loaded the page anew
    link.click()
    app.page.wait_for_url(re.compile(r"/sources\?"))
    app.expect_title("Source viewer")
    assert app.page.evaluate("() => window.__sameSession") == "matrix", "the link reloaded the app in a new session"
    path, query = app.path_and_query()
    assert (path, query) == ("/sources", {"issue": ["ceasefire"], "span": [evidence_id]})

    target = app.page.locator("#target-span")
    expect(target).to_have_count(1)
    assert target.evaluate("el => el.tagName") == "MARK"
    expect(target).to_be_in_viewport()
    app.snap("clickthrough-sources")
    # the anchor holds the whole quote, also where other evidence spans overlap part of it
    pieces = app.page.locator(f'mark[data-evidence~="{evidence_id}"]').all_text_contents()
    assert target.text_content() == quote, f"highlights of {evidence_id}: {pieces}"
    app.assert_clean()


def test_enter_follows_the_link_and_a_modified_click_opens_a_new_tab(app, russia_ceasefire_quotes):
    """Ctrl+click leaves the matrix in place and opens the link's address in a new tab, at the span; Enter on the
    focused link follows it within the session."""
    app.goto("/matrix?cell=russia:ceasefire")
    link = show_in_source(app).nth(1)
    evidence_id = link.get_attribute("data-pick")
    assert evidence_id in russia_ceasefire_quotes

    with app.page.context.expect_page() as opened:
        link.click(modifiers=["Control"])
    tab = opened.value
    tab.wait_for_url(re.compile(r"/sources\?"))
    tab.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS)
    expect(tab.locator("#target-span")).to_have_text(russia_ceasefire_quotes[evidence_id])
    tab.close()
    assert urlsplit(app.page.url).path == "/matrix", "a modified click leaves the page where it was"

    app.page.evaluate("() => { window.__sameSession = 'matrix'; }")
    link.focus()
    app.page.keyboard.press("Enter")
    app.page.wait_for_url(re.compile(r"/sources\?"))
    app.expect_title("Source viewer")
    assert app.page.evaluate("() => window.__sameSession") == "matrix"
    assert app.path_and_query() == ("/sources", {"span": [evidence_id]})
    app.assert_clean()
