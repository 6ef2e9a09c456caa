"""The overview's bottom line is read first: inside the first screen of a laptop, and saying what the filter asks."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from briefing.bottom_line import bottom_line
from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.store import load_frames
from tests.browser.conftest import AppPage
from tests.conftest import CORPUS

LAPTOP = {"width": 1280, "height": 800}
BOX = "[data-testid=stMain] .st-key-bottom-line"


@pytest.fixture
def laptop(browser, server):
    context = browser.new_context(viewport=LAPTOP)
    yield AppPage(context.new_page(), server)
    context.close()


def shown(app: AppPage, path: str) -> str:
    app.goto(path)
    box = app.page.locator(BOX)
    expect(box).to_be_visible()
    return box.inner_text()


def test_the_bottom_line_is_in_the_first_screen_of_a_laptop(laptop):
    """At 1280×800 the bottom line's heading and its first finding (the outlook) are on screen without scrolling."""
    outlook = bottom_line(load_frames(Layout(root=CORPUS))).outlook[0].text
    laptop.goto("/")
    box = laptop.page.locator(BOX)
    heading = box.get_by_role("heading", name="Bottom line")
    expect(heading).to_be_in_viewport()
    top = box.bounding_box()
    assert top is not None and 0 <= top["y"] < LAPTOP["height"] / 2, top
    first_finding = box.locator("[data-testid=stMarkdownContainer]", has_text=outlook[:60]).bounding_box()
    assert first_finding is not None and first_finding["y"] + first_finding["height"] <= LAPTOP["height"], first_finding
    laptop.assert_clean()


def test_the_bottom_line_follows_the_issue_in_the_link(laptop):
    """?issue=ceasefire and ?issue=security-guarantees give each its own title, red line and nothing of the other."""
    frames = load_frames(Layout(root=CORPUS))
    ceasefire = shown(laptop, "/?issue=ceasefire")
    guarantees = shown(laptop, "/?issue=security-guarantees")
    assert ceasefire != guarantees
    for text, issue, other in ((ceasefire, "ceasefire", "security-guarantees"), (guarantees, "security-guarantees", "ceasefire")):
        expected = bottom_line(select(frames, Selection(issues=(issue,))))
        unexpected = bottom_line(select(frames, Selection(issues=(other,))))
        (line,) = expected.issues
        assert line.title.split(": ", 1)[1] in text
        assert all(red.text.rstrip(".") in text for red in expected.red_lines)
        assert not any(red.text.rstrip(".") in text for red in unexpected.red_lines)
    assert "60 days" in ceasefire and "60 days" not in guarantees
    laptop.assert_clean()
