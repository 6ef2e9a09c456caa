"""A real server whose validation of one brief fails as an unforeseen bug would (tests/faulty.py): every page still
serves the other briefs, the banner names the file and the record path, and the traceback stays in the server log.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECT, StreamlitServer, _free_port, _without_data_override
from tests.faulty import FAULT
from tests.unit.test_loader_boundary import ALPHA, ISSUE_DATE, PROBLEM_LINE, build_boundary_root

pytestmark = pytest.mark.browser

PAGES = {
    "/": "Overview",
    "/matrix": "Position matrix",
    "/timeline?event=gamma-geneva-talks": "Timeline",
    "/regional": "Poland & Baltic states",
    "/sources": "Source viewer",
    "/negotiation": "Negotiation space",
}


class FaultyServer(StreamlitServer):
    """`python -m tests.faulty streamlit run app.py` on a given BRIEFING_ROOT, with a frames cache of its own."""

    def __init__(self, log_path: Path, root: Path, cache: Path) -> None:
        self.port = _free_port()
        self.base_path = ""
        self.log_path = log_path
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable, "-m", "tests.faulty", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
        ]
        # a cache of its own: a brief validated earlier without the fault must not be read back from the cache
        env = {**_without_data_override(), "BRIEFING_ROOT": str(root), "BRIEFING_CACHE": str(cache)}
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=self._log, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def faulty_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("loader-boundary")
    build_boundary_root(folder / "root")
    server = FaultyServer(folder / "server.log", folder / "root", folder / "cache")
    try:
        server.wait_until_healthy()
        yield server
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
        expect(app.by_testid("stMain")).to_contain_text(f"{ISSUE_DATE} (exact day, year and month uncertain)")
    app.assert_clean()


def test_the_traceback_goes_to_the_server_log_not_to_a_page(faulty_server, open_page):
    """The server log holds the fault's traceback; no page shows one."""
    app = open_page(faulty_server.url)
    app.goto("/")
    assert "Traceback" not in app.page.content()
    log = faulty_server.output()
    assert f"unexpected error in {ALPHA} at positions[0].date while checking it" in log
    assert "Traceback (most recent call last)" in log and f"RuntimeError: {FAULT}" in log
