"""Negotiation space, several briefs, briefing mode, the pack and versioned links, in a real browser."""

from __future__ import annotations

import html
import re

from playwright.sync_api import expect

from briefing.load import Layout
from briefing.store import data_version
from briefing.vocabulary import STANCES
from tests.conftest import CORPUS

# the words a rejecting party may be placed with, from the one vocabulary
AGAINST = "|".join(stance.word for stance in STANCES.values() if stance.direction == "against")


def test_negotiation_page_shows_verdicts_with_evidence(app):
    """/negotiation draws a range strip per issue, says the security-guarantees verdict in words with its confidence,
    and links each record it rests on to its quote in the source viewer."""
    app.goto("/negotiation?issue=security-guarantees")
    main = app.by_testid("stMain")
    expect(main).to_contain_text(
        "No overlap: no point all could accept — Ukraine's and United States' places uncertain · medium confidence"
    )
    expect(main).to_contain_text(re.compile(rf"Russia: (?:{AGAINST}) \(own words\)"))
    strip = app.page.locator("[data-testid=stMain] .range-strip")
    expect(strip).to_have_count(1)
    assert "No overlap" in strip.get_attribute("aria-label")
    expect(strip.get_by_text("gap")).to_be_visible()
    app.page.get_by_text(re.compile(rf"^Russia: (?:{AGAINST}) \(stance only")).click()
    expect(main.locator("blockquote.evidence-quote").first).to_be_visible()
    main.get_by_role("link", name=re.compile(r"Lavrov, 29 January 2026 \(own words\)")).first.click()  # the record by name, not id
    app.page.wait_for_url(re.compile(r"/sources\?.*span=lrl-lavrov-guarantees-aimed-at-regime"))
    app.settle()
    expect(app.page.locator("mark#target-span")).to_contain_text("We are not clear about what kind of guarantees")
    app.assert_clean()


def test_brief_selector_filters_and_travels_in_the_link(app):
    """Choosing the follow-up brief in the sidebar puts ?brief= in the URL and limits the timeline to its events (none)."""
    app.goto("/timeline")
    select = app.by_testid("stSelectbox", "[data-testid=stSidebar]").filter(has_text="Brief")
    select.click()
    app.page.get_by_role("option", name="Revisiting the Energy Truce: A Follow-up Note").click()
    app.page.wait_for_url(re.compile(r"brief=energy-truce-follow-up-2026-02"))
    app.settle()
    expect(app.by_testid("stMain")).to_contain_text("No event matches the current filter")
    expect(app.by_testid("stMain")).not_to_contain_text("Washington peace plan")
    app.assert_clean()


def test_briefing_mode_toggle_and_next(app):
    """The sidebar toggle opens briefing mode on the bottom line with the filter kept; Next moves to the first issue."""
    app.goto("/?issue=ceasefire&issue=energy-truce")
    app.by_testid("stSidebar").get_by_text("Briefing mode").click()
    app.page.wait_for_url(re.compile(r"/present\?"))
    app.expect_title("Briefing mode")
    slide_title = app.by_testid("stMain").locator("section.slide h2")
    expect(app.by_testid("stMain").locator("section.slide h3").first).to_have_text("Red lines")
    app.page.get_by_role("button", name="Next ▶").click()
    expect(slide_title).to_have_text(re.compile(r"^Ceasefire: "))
    assert "topic=ceasefire" in app.page.url and "issue=energy-truce" in app.page.url
    app.assert_clean()


def test_pack_downloads_with_every_ceasefire_quote(app, exported):
    """The HTML pack for ?issue=ceasefire, from the sidebar's share box, downloads and carries the ceasefire quotes
    verbatim."""
    app.goto("/matrix?issue=ceasefire")
    app.by_testid("stSidebar").get_by_text("Share this view").click()
    with app.page.expect_download() as download:
        app.by_testid("stSidebar").get_by_role("button", name="HTML").click()
    text = html.unescape(download.value.path().read_text(encoding="utf-8"))
    quotes = [span["quote"] for row in exported["positions"] if row["issue"] == "ceasefire" for span in row["evidence"]]
    assert quotes and all(quote in text for quote in quotes)
    app.assert_clean()


def test_share_box_and_old_version_notice(app):
    """The share box gives a link with v=<data version>; a link from another version opens with a notice."""
    app.goto("/matrix?issue=ceasefire")
    version = data_version(Layout(root=CORPUS))
    app.by_testid("stSidebar").get_by_text("Share this view").click()
    link = app.by_testid("stSidebar").locator("[data-testid=share-link-text]")
    expect(link).to_contain_text(f"v={version}")  # the component's script fills the text after it is drawn
    shared = link.inner_text()
    assert f"v={version}" in shared and "issue=ceasefire" in shared and shared.startswith(app.base_url)
    app.goto("/matrix?issue=ceasefire&v=0123456789ab")
    expect(app.by_testid("stMain")).to_contain_text("This link was made with an earlier version of the data")
    app.assert_clean()
