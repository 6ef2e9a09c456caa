"""From a matrix cell to the exact words in the source: the evidence link lands on the emphasised, visible span."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect


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


def test_show_in_source_scrolls_to_the_quoted_span(app, russia_ceasefire_quotes):
    """The first "Show in source" link on /matrix?cell=russia:ceasefire opens /sources at a visible mark of that quote."""
    app.goto("/matrix?cell=russia:ceasefire")
    link = app.by_testid("stPageLink", "[data-testid=stMain]").locator("a").filter(has_text="Show in source").first
    # the evidence id is an audit detail, not in the link's words: it is in the address the link opens
    evidence_id = parse_qs(urlsplit(link.get_attribute("href")).query)["span"][0]
    assert evidence_id in russia_ceasefire_quotes
    quote = russia_ceasefire_quotes[evidence_id]
    shown = app.page.locator("[data-testid=stMain] blockquote.evidence-quote").first.inner_text()
    assert shown.startswith(f"“{quote}”"), shown

    link.click()
    app.page.wait_for_url(re.compile(r"/sources\?"))
    app.expect_title("Source viewer")
    path, query = app.path_and_query()
    assert (path, query) == ("/sources", {"span": [evidence_id]})

    target = app.page.locator("#target-span")
    expect(target).to_have_count(1)
    assert target.evaluate("el => el.tagName") == "MARK"
    expect(target).to_be_in_viewport()
    app.snap("clickthrough-sources")
    # the anchor holds the whole quote, also where other evidence spans overlap part of it
    pieces = app.page.locator(f'mark[data-evidence~="{evidence_id}"]').all_text_contents()
    assert target.text_content() == quote, f"highlights of {evidence_id}: {pieces}"
    app.assert_clean()
