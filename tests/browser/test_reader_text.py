"""Readers' text: plain words and human dates, with ids, offsets and EDTF only behind "Audit details"; the workbench
in the navigation only while editing is on."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from components.pages import SIDEBAR, page
from scripts.harness import StreamlitServer
from tests.browser.conftest import AppPage, started
from tests.conftest import CORPUS

READER_PAGES = ("/", "/matrix?cell=russia:ceasefire", "/negotiation", "/timeline", "/regional")
EDTF = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b|\b\d{4}-2[1-4]\b")
OFFSETS = re.compile(r"characters \d+\s*[–-]\s*\d+")
WORKBENCH = page("workbench")


@pytest.fixture(scope="module")
def record_ids(exported) -> set[str]:
    """Every id of the exported positions, events, judgments and impacts, and of the evidence spans they cite."""
    ids = set()
    for table in ("positions", "events", "judgments", "impacts"):
        for record in exported[table]:
            ids.add(record["id"])
            ids.update(span["id"] for span in record.get("evidence") or ())
    assert ids, "the export should hold records"
    return ids


def ids_in(text: str, ids: set[str]) -> list[str]:
    """The ids that appear in the text as whole words (an id is never part of a longer slug)."""
    return sorted(record for record in ids if re.search(rf"(?<![\w-]){re.escape(record)}(?![\w-])", text))


def main_text(app: AppPage) -> str:
    return app.by_testid("stMain").inner_text()


def server_with_editing(tmp_path_factory, editing: bool) -> Iterator[str]:
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    # without editing, a BRIEFING_EDITING in the caller's environment must not switch it on
    server = started(StreamlitServer(log, root=CORPUS, env={"BRIEFING_EDITING": "1" if editing else None}))
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def editing_off_server(tmp_path_factory) -> Iterator[str]:
    yield from server_with_editing(tmp_path_factory, editing=False)


@pytest.fixture(scope="module")
def editing_on_server(tmp_path_factory) -> Iterator[str]:
    yield from server_with_editing(tmp_path_factory, editing=True)


@pytest.mark.parametrize("path", READER_PAGES)
def test_readers_see_no_id_offset_or_edtf(open_page, editing_off_server, record_ids, path):
    """With audit details off, the page's main text holds no record or evidence id, no offsets and no EDTF date."""
    app = open_page(editing_off_server)
    app.goto(path)
    text = main_text(app)
    assert ids_in(text, record_ids) == []
    assert OFFSETS.findall(text) == []
    assert EDTF.findall(text) == []
    app.assert_clean()


@pytest.mark.parametrize("path", ["/matrix?cell=russia:ceasefire&audit=1", "/negotiation?audit=1"])
def test_audit_details_bring_the_ids_back(open_page, editing_off_server, record_ids, path):
    """With audit=1 in the link, the same page shows record ids and the quotes' offsets again."""
    app = open_page(editing_off_server)
    app.goto(path)
    text = main_text(app)
    assert ids_in(text, record_ids)
    if path.startswith("/matrix"):
        assert OFFSETS.search(text)
    app.assert_clean()


def test_the_audit_switch_is_kept_in_the_link_and_carried_to_other_views(open_page, editing_off_server, record_ids):
    """Turning "Audit details" on puts audit=1 in the address, shows the ids, and the sidebar's links keep it."""
    app = open_page(editing_off_server)
    app.goto("/matrix?cell=russia:ceasefire")
    assert ids_in(main_text(app), record_ids) == []
    app.by_testid("stSidebar").get_by_text("Audit details", exact=True).click()
    app.page.wait_for_url(re.compile(r"[?&]audit=1"))
    app.settle()
    expect(app.by_testid("stMain")).to_contain_text(re.compile(r"characters \d+–\d+"))
    assert ids_in(main_text(app), record_ids)
    app.sidebar_link(page("negotiation").title).click()
    app.expect_title(page("negotiation").title)
    _path, query = app.path_and_query()
    assert query.get("audit") == ["1"]
    assert ids_in(main_text(app), record_ids)
    app.assert_clean()


def navigation_titles(app: AppPage, within: str) -> list[str]:
    """The page links' titles (their inner text also holds the icon's name, on a line of its own)."""
    return [text.splitlines()[-1].strip() for text in app.by_testid("stPageLink", within).all_inner_texts()]


def test_workbench_is_out_of_the_navigation_while_editing_is_off(open_page, editing_off_server):
    """Editing off: neither the sidebar nor the overview links to the workbench, and its address says editing is off."""
    app = open_page(editing_off_server)
    app.goto("/")
    sidebar = navigation_titles(app, "[data-testid=stSidebar]")
    assert WORKBENCH.title not in sidebar
    assert len(sidebar) == len(SIDEBAR) - 1
    assert WORKBENCH.title not in navigation_titles(app, "[data-testid=stMain]")
    app.goto(WORKBENCH.url_path)
    expect(app.by_testid("stMain")).to_contain_text("Editing is off")
    app.assert_clean()


def test_workbench_is_in_the_navigation_while_editing_is_on(open_page, editing_on_server):
    """Editing on: the sidebar and the overview link to the workbench."""
    app = open_page(editing_on_server)
    app.goto("/")
    assert WORKBENCH.title in navigation_titles(app, "[data-testid=stSidebar]")
    assert WORKBENCH.title in navigation_titles(app, "[data-testid=stMain]")
    app.assert_clean()
