"""The global filter lives in the address bar: shared links open filtered, and the filter follows navigation."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import as_shown

FILTERED = "?issue=ceasefire&party=russia"


def assert_ceasefire_russia_matrix(app) -> None:
    path, query = app.path_and_query()
    assert path == "/matrix"
    assert query["issue"] == ["ceasefire"] and query["party"] == ["russia"]
    assert app.chips("Issues") == ["Ceasefire"]
    assert app.chips("Parties") == ["Russia"]
    app.expect_matrix_issues(["Ceasefire"])
    expect(app.matrix_parties()).to_have_text([as_shown("Russia")])


def test_filtered_link_as_first_request_to_fresh_server(open_page, fresh_server):
    """A filtered /matrix link opened first on a new server is filtered, survives a reload and a sidebar link."""
    app = open_page(fresh_server)
    app.goto("/matrix" + FILTERED)
    app.snap("shared-link-first-request")
    assert_ceasefire_russia_matrix(app)

    app.page.reload()
    app.settle()
    assert_ceasefire_russia_matrix(app)

    app.sidebar_link("Timeline").click()
    app.page.wait_for_url(re.compile(r"/timeline\?"))
    app.expect_title("Timeline")
    path, query = app.path_and_query()
    assert (path, query) == ("/timeline", {"issue": ["ceasefire"], "party": ["russia"]})
    assert app.chips("Issues") == ["Ceasefire"]
    assert app.chips("Parties") == ["Russia"]
    app.snap("shared-link-timeline")
    app.assert_clean()


def test_sidebar_filter_updates_url_and_view(app):
    """Choosing an issue in the sidebar puts issue= in the URL and narrows the matrix; clearing undoes both."""
    app.goto("/matrix")
    expect(app.matrix_issues().first).to_be_attached()
    assert app.matrix_issues().count() > 1
    assert "issue" not in app.path_and_query()[1]

    issues = app.by_testid("stMultiSelect", "[data-testid=stSidebar]").filter(has_text="Issues")
    issues.locator("input").click()
    app.by_testid("stMultiSelectDropdown").get_by_role("option", name="Ceasefire", exact=True).click()
    app.page.keyboard.press("Escape")
    app.page.wait_for_url(re.compile(r"[?&]issue=ceasefire(&|$)"))
    app.settle()
    app.expect_matrix_issues(["Ceasefire"])
    assert app.chips("Issues") == ["Ceasefire"]
    expect(app.by_testid("stAlert").filter(has_text="Filtered to")).to_contain_text("Ceasefire")
    app.snap("sidebar-filter-ceasefire")

    app.by_testid("stSidebar").get_by_role("button", name=re.compile("Clear filters")).click()
    app.page.wait_for_url(lambda url: "issue=" not in url)
    app.settle()
    expect(app.matrix_issues().nth(1)).to_be_attached()
    assert app.chips("Issues") == []
    app.assert_clean()


def test_clear_filters_works_while_the_issues_field_still_has_focus(app):
    """With two issues chosen and focus still in the field (taller, with its typing row), one press of "Clear filters"
    clears the filter: the button sits above the fields, so the field shrinking on blur cannot move it mid-click."""
    app.goto("/negotiation?issue=european-security-order")
    issues = app.by_testid("stMultiSelect", "[data-testid=stSidebar]").filter(has_text="Issues")
    issues.locator("input").click()
    issues.locator("input").fill("Territorial status")
    app.by_testid("stMultiSelectDropdown").get_by_role("option", name="Territorial status", exact=True).click()
    app.page.keyboard.press("Escape")
    app.page.wait_for_url(re.compile(r"issue=territorial-status"))
    app.settle()
    assert app.chips("Issues") == ["European security order", "Territorial status"]

    app.by_testid("stSidebar").get_by_role("button", name=re.compile("Clear filters")).click()
    app.page.wait_for_url(lambda url: "issue=" not in url, timeout=15_000)
    app.settle()
    assert app.chips("Issues") == []
    app.assert_clean()
