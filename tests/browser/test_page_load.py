"""Every view served by a real Streamlit server renders in Chromium without errors."""

from __future__ import annotations

import os

import pytest

from briefing.editing import switched_on
from components.pages import BY_NAME, navigation


@pytest.mark.parametrize("name", list(BY_NAME))
def test_page_loads_cleanly(app, name):
    """The page opened directly shows its title with no exception, console error, page error or dialog."""
    page = BY_NAME[name]
    app.goto(page.url_path)
    app.snap(f"page-{name}")
    assert app.page.locator("[data-testid=stMain] h1").all_inner_texts() == [page.title]
    assert app.by_testid("stSidebar").locator("a[data-testid=stPageLink-NavLink]").count() == len(navigation(switched_on(os.environ, None)))
    app.assert_clean()
