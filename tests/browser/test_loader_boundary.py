"""A real server whose validation of one brief fails as an unforeseen bug would (tests/faulty.py): every page still
serves the other briefs, the banner names the file and the record path, and the traceback stays in the server log.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from briefing.dates import human_date
from components.pages import SIDEBAR
from scripts.harness import StreamlitServer
from tests.browser.conftest import started
from tests.faulty import FAULT
from tests.support.boundary import ALPHA, ISSUE_DATE, PROBLEM_LINE, build_boundary_root

QUERIES = {"timeline": "?event=gamma-geneva-talks"}  # an event dated ISSUE_DATE, its reading shown in its details
PAGES = {page.url_path + QUERIES.get(page.name, ""): page.title for page in SIDEBAR}


def faulty_server_at(log_path: Path, root: Path, cache: Path) -> StreamlitServer:
    """`python -m tests.faulty streamlit run app.py` on a given BRIEFING_ROOT, with a frames cache of its own."""
    # a cache of its own: a brief validated earlier without the fault must not be read back from the cache
    return StreamlitServer(
        log_path, root=root, launcher=("-m", "tests.faulty", "streamlit"), env={"BRIEFING_CACHE": str(cache)}, name="faulty streamlit"
    )


@pytest.fixture(scope="module")
def faulty_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("loader-boundary")
    build_boundary_root(folder / "root")
    server = faulty_server_at(folder / "server.log", folder / "root", folder / "cache")
    try:
        yield started(server)
    finally:
        server.stop()


def test_the_overview_names_the_faulty_brief_and_shows_the_others(faulty_server, open_page):
    """The overview shows the banner naming alpha.yaml and its record path, and the other two briefs, in Chromium."""
    app = open_page(faulty_server.url)
    app.goto("/")
    expect(app.by_testid("stAlert").filter(has_text="1 data file(s) failed validation and were skipped")).to_be_visible()
    expander = app.by_testid("stExpander").filter(has_text=f"Problems in {ALPHA}")
    expander.locator("summary").click()
    code = expander.locator("[data-testid=stCode]")
    expect(code).to_be_visible()
    assert code.inner_text().splitlines() == [PROBLEM_LINE]
    main = app.by_testid("stMain").inner_text()
    assert "Brief beta" in main and "Brief gamma" in main
    assert "Brief alpha" not in main
    app.assert_clean()


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_serves_the_other_briefs(faulty_server, open_page, path):
    """Each page opens with its title, the banner and no exception, while one brief's validation fails."""
    app = open_page(faulty_server.url)
    app.goto(path)
    app.expect_title(PAGES[path])
    expect(app.by_testid("stAlert").filter(has_text="1 data file(s) failed validation and were skipped")).to_be_visible()
    assert not app.by_testid("stAlert").filter(has_text="No brief could be loaded").count()
    if path.startswith("/timeline"):
        expect(app.by_testid("stMain")).to_contain_text(human_date(ISSUE_DATE))
    app.assert_clean()


def test_the_traceback_goes_to_the_server_log_not_to_a_page(faulty_server, open_page):
    """The server log holds the fault's traceback; no page shows one."""
    app = open_page(faulty_server.url)
    app.goto("/")
    assert "Traceback" not in app.page.content()
    log = faulty_server.output()
    assert f"unexpected error in {ALPHA} at positions[0].date while checking it" in log
    assert "Traceback (most recent call last)" in log and f"RuntimeError: {FAULT}" in log
