"""One real server on a data folder holding every kind of corrupt brief at once (see tests/app/test_broken_data.py).

Every page starts, shows the banner with the expander that names each broken file and its problem, and still
serves the intact briefs; the server reads data/ and seeds/ without changing a byte, and its memory stays bounded.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from components.pages import SIDEBAR
from tests.browser.conftest import VIEWPORT, AppPage
from tests.support.broken_data import BROKEN, TITLES, WRONG_DIAGNOSIS, fingerprints, missing_problems

QUERIES = {"matrix": "?cell=russia:ceasefire"}  # a chosen cell: its details read the broken data too
PAGES = {page.name: (page.url_path + QUERIES.get(page.name, ""), page.title) for page in SIDEBAR}
MAX_SERVER_RSS = 1024 * 1024 * 1024


@pytest.fixture(scope="module")
def broken_server(start_server_at, broken_root, before):
    return start_server_at(root=broken_root)


@pytest.fixture(scope="module")
def shown(broken_server, browser) -> dict[str, dict]:
    """Each page once: its titles, exceptions, error banners and the problem lines in the opened expander."""
    context = browser.new_context(viewport=VIEWPORT)
    app = AppPage(context.new_page(), broken_server.url)
    facts: dict[str, dict] = {}
    try:
        for name, (path, _title) in PAGES.items():
            app.goto(path)
            expander = app.by_testid("stExpander").filter(has_text="Problems in")
            expander.locator("summary").click()
            code = expander.locator("[data-testid=stCode]")
            expect(code).to_be_visible()
            facts[name] = {
                "titles": app.page.locator("[data-testid=stMain] h1").all_inner_texts(),
                "exceptions": app.by_testid("stException").all_inner_texts(),
                "errors": app.by_testid("stAlert").all_inner_texts(),
                "problems": code.inner_text().splitlines(),
                "main": app.by_testid("stMain").inner_text(),
                "dialogs": list(app.dialogs),
                "page_errors": list(app.page_errors),
                "server_rss": broken_server.rss_bytes(),  # once the page has been served
            }
            if name == "matrix":
                cell = app.by_testid("stSelectbox", "[data-testid=stMain]").filter(has_text="Inspect a cell")
                values = [field.input_value() for field in cell.locator("input").all()]
                facts[name]["cell"] = " | ".join([cell.text_content() or "", *values])
    finally:
        context.close()
    return facts


@pytest.mark.parametrize("page", list(PAGES))
def test_the_page_starts_with_the_banner_and_no_exception(shown, page):
    facts = shown[page]
    assert facts["titles"] == [PAGES[page][1]]
    assert not facts["exceptions"], facts["exceptions"]
    assert not facts["dialogs"] and not facts["page_errors"], (facts["dialogs"], facts["page_errors"])
    assert any(f"{len(BROKEN)} data file(s) failed validation and were skipped" in text for text in facts["errors"]), facts["errors"]
    assert not any("No brief could be loaded" in text for text in facts["errors"])


@pytest.mark.parametrize("page", list(PAGES))
def test_the_expander_names_every_broken_file_and_its_problem(shown, page):
    lines = shown[page]["problems"]
    for broken in BROKEN:
        assert any(line.startswith(f"data/briefs/{broken.name}:") for line in lines), (broken.name, lines)
        if broken.name not in WRONG_DIAGNOSIS:
            assert not missing_problems(lines, broken), (broken.name, missing_problems(lines, broken))


def test_the_expander_names_the_utf16_encoding(shown):
    broken = next(b for b in BROKEN if b.name == "zz-utf16.yaml")
    assert not missing_problems(shown["overview"]["problems"], broken)


def test_the_intact_briefs_are_still_served(shown):
    overview = shown["overview"]["main"]
    for title in TITLES:
        assert title in overview
    assert "Russia · Ceasefire" in shown["matrix"]["cell"]
    assert "Stated by the party" in shown["matrix"]["main"]
    assert "Poland" in shown["regional"]["main"]


def test_the_server_changed_nothing_in_data_or_seeds(shown, broken_root, before):
    assert fingerprints(broken_root) == before


def test_the_server_memory_stays_bounded(shown, broken_server):
    """The server's resident memory, read after each page and at the end, stays under MAX_SERVER_RSS."""
    readings = [facts["server_rss"] for facts in shown.values()] + [broken_server.rss_bytes()]
    print(f"\nserver RSS {readings[-1] / 2**20:.0f} MiB, highest reading {max(readings) / 2**20:.0f} MiB")
    assert max(readings) < MAX_SERVER_RSS
