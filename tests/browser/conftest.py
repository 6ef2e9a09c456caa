"""Fixtures for the browser tests: real `streamlit run` servers (scripts/harness.py), Chromium, and the exported data.

Locators use Streamlit's `data-testid` attributes. A page counts as settled when the script has finished, the
websocket is connected, no skeleton placeholder is left and every plotly chart has drawn its SVG.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect, sync_playwright

from components.pages import ENTRY_POINT, PAGES
from scripts.harness import IMAGES_DONE_JS, SETTLED_JS, TWO_FRAMES_JS, ServerError, StreamlitServer, launch_options, project_env
from scripts.harness import exported as export_json
from tests.conftest import CORPUS

PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / "test-artifacts"
SETTLE_TIMEOUT_MS = 45_000
VIEWPORT = {"width": 1400, "height": 1000}

# Opened directly on a page path, Streamlit's frontend first probes <page>/_stcore/health and
# <page>/_stcore/host-config, gets 404 and falls back to the server root
# (https://github.com/streamlit/streamlit/issues/7074). Those two probes are the only console errors tolerated.
PAGE_PATHS = tuple(page.url_path.strip("/") for page in PAGES if page.script != ENTRY_POINT)
PROBE_404 = r"^{base}/(?:{pages})/_stcore/(?:health|host-config)$"


def corpus_env() -> dict[str, str]:
    """The environment for child processes, always on the test corpus (tests/fixtures/corpus), whatever data/ holds."""
    return project_env(CORPUS)


def started(server: StreamlitServer) -> StreamlitServer:
    """The server once it answers its health check; the test fails with its log if it does not."""
    try:
        return server.wait_until_healthy()
    except ServerError as error:
        pytest.fail(str(error), pytrace=False)


MATRIX_GRID = "[data-testid=stMain] [data-testid=matrix-grid]"


def as_shown(label: str) -> re.Pattern:
    """A label as a matrix header shows it: soft hyphens, where a long word may wrap, may sit between its letters."""
    return re.compile("^" + "\u00ad?".join(re.escape(letter) for letter in label) + "$")


def let_handlers_run(page: Page) -> None:
    """See AppPage.let_handlers_run."""
    page.wait_for_function(IMAGES_DONE_JS, timeout=SETTLE_TIMEOUT_MS)
    page.evaluate(TWO_FRAMES_JS)


class AppPage:
    """A Chromium page on one server, recording console errors, page errors and dialogs."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self._probe = re.compile(PROBE_404.format(base=re.escape(base_url), pages="|".join(PAGE_PATHS)))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._on_dialog)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "") if message.location else ""
        if message.text.startswith("Failed to load resource") and "404" in message.text and self._probe.match(source):
            return
        self.console_errors.append(f"{message.text} ({source})" if source else message.text)

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def goto(self, path: str) -> None:
        """Open a path under the server's base URL and wait until the page has settled."""
        self.page.goto(self.base_url + path)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS)

    def let_handlers_run(self) -> None:
        """Wait until every image has loaded or failed and two frames have been drawn: an event handler injected into
        the page (an image's onerror, an svg's onload) would have run by then."""
        let_handlers_run(self.page)

    def expect_title(self, title: str) -> None:
        """Wait until the page with this title has replaced the previous one and settled."""
        expect(self.page.locator("[data-testid=stMain] h1")).to_have_text(title)
        self.settle()

    def by_testid(self, testid: str, within: str = ""):
        return self.page.locator(f"{within} [data-testid={testid}]".strip())

    def path_and_query(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.page.url)
        return parts.path, parse_qs(parts.query)

    def chips(self, label: str) -> list[str]:
        """The values shown as chips in a sidebar multiselect."""
        widget = self.by_testid("stMultiSelect", "[data-testid=stSidebar]").filter(has_text=label)
        return widget.locator("[data-testid=stMultiSelectTagsContainer] [data-tag] span[title]").all_text_contents()

    def matrix_issues(self):
        """The issue column headers of the position matrix."""
        return self.page.locator(f"{MATRIX_GRID} thead th[data-issue]")

    def matrix_parties(self):
        """The party row headers of the position matrix."""
        return self.page.locator(f"{MATRIX_GRID} tbody th[data-party]")

    def matrix_cells(self):
        """The matrix's stance cells (every column but the party's)."""
        return self.page.locator(f"{MATRIX_GRID} td[role=gridcell]")

    def expect_matrix_issues(self, labels: list[str]) -> None:
        """Wait until the matrix's issue headers name exactly these labels, in this order (each label over the short
        form of its proposition)."""
        expect(self.matrix_issues().get_by_test_id("matrix-issue-label")).to_have_text([as_shown(label) for label in labels])

    def sidebar_link(self, label: str):
        return self.by_testid("stSidebar").locator("a").filter(has=self.page.get_by_text(label, exact=True))

    def snap(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"))

    def assert_clean(self) -> None:
        """No exception box, no console error, no uncaught page error, no dialog."""
        exceptions = self.by_testid("stException").all_inner_texts()
        assert not exceptions, exceptions
        assert not self.page_errors, self.page_errors
        assert not self.console_errors, self.console_errors
        assert not self.dialogs, self.dialogs


@pytest.hookimpl(tryfirst=True)  # before `-m` selects: the mark must be on when it does
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test: the folder puts the `browser` mark on, not each test."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options())
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def start_server_at(tmp_path_factory):
    """Factory: a server reading `<root>/data` and `<root>/seeds` (the test corpus when root is None), optionally
    under a base URL path, logging every file it opens to `audit_log` (tests/browser/audited_server.py) or with a
    frames cache of its own (`cache`); each server started is stopped at the end of the session."""
    servers: list[StreamlitServer] = []

    def _start(root: Path | None = None, audit_log: Path | None = None, base_path: str = "", cache: Path | None = None) -> StreamlitServer:
        log = tmp_path_factory.mktemp("streamlit") / "server.log"
        launcher = ("-m", "tests.browser.audited_server", str(audit_log)) if audit_log else ("-m", "streamlit")
        env = {"BRIEFING_CACHE": str(cache)} if cache is not None else None
        server = StreamlitServer(log, root=root or CORPUS, base_path=base_path, launcher=launcher, env=env)
        servers.append(server)
        return started(server)

    yield _start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def start_server(start_server_at):
    """Start a server on the test corpus (optionally under a base URL path); every one is stopped at the end."""

    def _start(base_path: str = "") -> StreamlitServer:
        return start_server_at(base_path=base_path)

    return _start


@pytest.fixture(scope="session")
def server(start_server) -> str:
    """The base URL of one server shared by the tests that do not need a fresh one."""
    return start_server().url


@pytest.fixture
def fresh_server(start_server) -> Iterator[str]:
    """The base URL of a server started for this test alone: the test's first request is the server's first."""
    server = start_server()
    yield server.url
    server.stop()


@pytest.fixture
def open_page(browser):
    """Factory: a new browser context and page on a given base URL (optionally sized, with permissions); closed
    after the test."""
    contexts = []

    def _open(base_url: str, viewport: dict | None = None, permissions: tuple[str, ...] = ()) -> AppPage:
        context = browser.new_context(viewport=viewport or VIEWPORT, permissions=list(permissions))
        contexts.append(context)
        return AppPage(context.new_page(), base_url)

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def sized(open_page, server):
    """Factory: a page of the given viewport size on a server (the shared one unless given)."""

    def _open(viewport: dict, base_url: str | None = None) -> AppPage:
        return open_page(base_url or server, viewport=viewport)

    return _open


@pytest.fixture
def app(open_page, server) -> AppPage:
    """A page on the shared server."""
    return open_page(server)


@pytest.fixture(scope="session")
def exported() -> dict[str, list[dict]]:
    """The test corpus as `python -m briefing export --format json` writes it."""
    return export_json(CORPUS)
