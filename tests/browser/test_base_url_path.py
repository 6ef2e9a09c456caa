"""Served under --server.baseUrlPath (as behind a reverse proxy), links stay under the prefix and keep the filter."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from briefing.editing import switched_on
from components.pages import navigation

PREFIX = "briefing"


@pytest.fixture
def prefixed_server(start_server):
    started = start_server(PREFIX)
    yield started.url
    started.stop()


def test_filtered_page_under_base_url_path(open_page, prefixed_server):
    """/briefing/matrix?issue=ceasefire is filtered, sidebar links point under /briefing/, navigation keeps the filter."""
    app = open_page(prefixed_server)
    app.goto("/matrix?issue=ceasefire")
    app.snap("base-path-matrix")
    expect(app.page.locator("[data-testid=stMain] h1")).to_have_text("Position matrix")
    app.expect_matrix_issues(["Ceasefire"])
    assert app.chips("Issues") == ["Ceasefire"]
    path, query = app.path_and_query()
    assert path == f"/{PREFIX}/matrix" and query["issue"] == ["ceasefire"]

    hrefs = app.by_testid("stSidebar").locator("a").evaluate_all("links => links.map(a => a.href)")
    # every view (the workbench only while editing is on); briefing mode is opened by the sidebar's toggle
    assert len(hrefs) == len(navigation(switched_on(os.environ, None)))
    for href in hrefs:
        parts = urlsplit(href)
        assert parts.path == f"/{PREFIX}" or parts.path.startswith(f"/{PREFIX}/"), href
        assert parts.query == "issue=ceasefire", href

    app.sidebar_link("Source viewer").click()
    app.page.wait_for_url(re.compile(rf"/{PREFIX}/sources\?"))
    app.expect_title("Source viewer")
    assert app.path_and_query() == (f"/{PREFIX}/sources", {"issue": ["ceasefire"]})
    assert app.chips("Issues") == ["Ceasefire"]

    app.sidebar_link("Overview").click()
    app.page.wait_for_url(lambda url: urlsplit(url).path.rstrip("/") == f"/{PREFIX}")
    app.expect_title("Overview")
    assert app.path_and_query()[1] == {"issue": ["ceasefire"]}
    assert app.chips("Issues") == ["Ceasefire"]
    app.snap("base-path-overview")
    app.assert_clean()
