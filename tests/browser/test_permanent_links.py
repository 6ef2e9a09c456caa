"""Links keep their meaning in a real browser: a bare id that two briefs now share asks which is meant and each
choice opens its own brief's record; an old link opens the data as it was until "Today's view"."""

from __future__ import annotations

import shutil

import pytest
import yaml
from playwright.sync_api import expect

from briefing.load import Layout
from briefing.store import load_frames
from tests.browser.conftest import AppPage
from tests.conftest import CORPUS

LAVROV = "lavrov-red-line-2026-01"
EARLIER = "an-earlier-reading"
TITLE = "An earlier reading of the same article"
SPAN = "lrl-lavrov-60-day-unacceptable"


@pytest.fixture(scope="module")
def moved_on(tmp_path_factory):
    """The test corpus served once (its version kept), then joined by an earlier-dated brief reusing every id."""
    root = tmp_path_factory.mktemp("moved-on")
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    old_version = load_frames(Layout(root=root)).version
    earlier = yaml.safe_load((root / "data" / "briefs" / f"{LAVROV}.yaml").read_text(encoding="utf-8"))
    earlier.update(id=EARLIER, title=TITLE, published="2025-12-01")
    text = yaml.safe_dump(earlier, sort_keys=False, allow_unicode=True)
    (root / "data" / "briefs" / f"{EARLIER}.yaml").write_text(text, encoding="utf-8")
    return root, old_version


@pytest.fixture
def app(moved_on, start_server_at, open_page) -> AppPage:
    root, _old_version = moved_on
    return open_page(start_server_at(root=root).url)


def test_a_shared_bare_id_asks_and_each_choice_opens_its_record(app, moved_on):
    """/sources?span=<bare id two briefs use> names both briefs by title; choosing one opens that brief's record."""
    app.goto(f"/sources?span={SPAN}&audit=1")
    question = app.by_testid("stAlertContentWarning").filter(has_text="more than one brief")
    expect(question).to_contain_text(TITLE)
    with app.page.expect_popup() as opened:  # Streamlit opens a Markdown link in a new tab
        question.get_by_role("link", name=TITLE).click()
    chosen = AppPage(opened.value, app.base_url)
    chosen.settle()
    assert f"span={EARLIER}%3A{SPAN}" in chosen.page.url
    expect(chosen.by_testid("stMain")).not_to_contain_text("more than one brief")
    expect(chosen.page.locator("[data-testid=stMain] h3").first).to_contain_text(f"{EARLIER}:{SPAN}")


def test_an_old_link_opens_the_data_as_it_was_until_todays_view(app, moved_on):
    """/matrix?v=<an older kept version> shows "As of", only that version's briefs, and today's after the button."""
    _root, old_version = moved_on
    app.goto(f"/matrix?v={old_version}")
    expect(app.by_testid("stMain")).to_contain_text("As of ")
    sources = app.by_testid("stCaptionContainer").filter(has_text="Source:")  # the footer names each brief
    expect(sources).not_to_contain_text(TITLE)  # the version before the third brief
    app.page.get_by_role("button", name="Today's view").click()
    app.settle()
    expect(app.by_testid("stMain")).not_to_contain_text("As of ")
    expect(sources).to_contain_text(TITLE)
    app.assert_clean()
