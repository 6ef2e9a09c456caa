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
    """At 1280×800 the bottom line's heading, its first verdict and its first red line are on screen unscrolled."""
    line = bottom_line(load_frames(Layout(root=CORPUS)))
    verdict = next(issue for issue in line.issues if issue.verdict != "insufficient")
    laptop.goto("/")
    box = laptop.page.locator(BOX)
    expect(box.get_by_role("heading", name="Bottom line")).to_be_in_viewport()
    top = box.bounding_box()
    assert top is not None and 0 <= top["y"] < LAPTOP["height"] / 2, top
    red = line.red_lines[0]
    findings = (verdict.plain_title.split(": ", 1)[1], (red.quote or red.text).rstrip(".")[:40])
    for finding in findings:
        shown = box.locator("[data-testid=stMarkdownContainer]", has_text=finding).first.bounding_box()
        assert shown is not None and shown["y"] + shown["height"] <= LAPTOP["height"], (finding, shown)
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
        assert line.plain_title.split(": ", 1)[1] in text
        assert all((red.quote or red.text).rstrip(".") in text for red in expected.red_lines)
        assert not any((red.quote or red.text).rstrip(".") in text for red in unexpected.red_lines)
    assert "60-day" in ceasefire and "60-day" not in guarantees  # the red line in its own words
    laptop.assert_clean()
