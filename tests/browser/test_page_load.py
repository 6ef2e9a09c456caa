"""Every view served by a real Streamlit server renders in Chromium without errors."""

from __future__ import annotations

import pytest

PAGES = {
    "overview": ("/", "Overview"),
    "matrix": ("/matrix", "Position matrix"),
    "timeline": ("/timeline", "Timeline"),
    "regional": ("/regional", "Poland & Baltic states"),
    "sources": ("/sources", "Source viewer"),
    "negotiation": ("/negotiation", "Negotiation space"),
    "present": ("/present", "Briefing mode"),
}
NAVIGATION_LINKS = 6  # every view but briefing mode, which the sidebar's toggle opens


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_cleanly(app, name):
    """The page opened directly shows its title with no exception, console error, page error or dialog."""
    path, title = PAGES[name]
    app.goto(path)
    app.snap(f"page-{name}")
    assert app.page.locator("[data-testid=stMain] h1").all_inner_texts() == [title]
    assert app.by_testid("stSidebar").locator("a[data-testid=stPageLink-NavLink]").count() == NAVIGATION_LINKS
    app.assert_clean()
