"""A verdict that depends on which report holds is drawn as such: the negotiation space and briefing mode name every
reading's outcome and record, and never a plain "touching"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from briefing.load import Layout
from briefing.negotiation import view_verdicts
from briefing.presenting import reading_lines, verdict_line
from briefing.store import load_frames
from tests.browser.conftest import AppPage
from tests.conftest import CORPUS

LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def laptop(browser, server):
    context = browser.new_context(viewport=LAPTOP)
    yield AppPage(context.new_page(), server)
    context.close()


@pytest.fixture(scope="module")
def truce():
    verdict = next(v for v in view_verdicts(load_frames(Layout(root=CORPUS))) if v.issue == "energy-truce")
    assert verdict.depends, "the test corpus's energy truce depends on which report holds"
    return verdict


def test_the_negotiation_space_lists_one_outcome_per_reading(laptop, truce):
    """/negotiation?issue=energy-truce shows "Depends on which report holds" and one line per reading, on screen."""
    laptop.goto("/negotiation?issue=energy-truce")
    main = laptop.page.locator("[data-testid=stMain]")
    expect(main.get_by_text(truce.label, exact=False).first).to_be_visible()
    items = main.locator("ul.verdict-readings li")
    expect(items).to_have_count(len(truce.readings))
    for item, reading in zip(items.all(), truce.readings, strict=True):
        expect(item).to_contain_text(f"{reading.outcome_word} if {reading.said} holds")
        box = item.bounding_box()
        assert box is not None and box["y"] + box["height"] <= LAPTOP["height"], (reading.outcome, box)
    assert "Touching: a single point" not in main.inner_text()
    laptop.assert_clean()


def test_briefing_mode_says_it_depends(laptop, truce):
    """Briefing mode's energy-truce slide has the depends title, the verdict line and one line per reading."""
    laptop.goto("/present?topic=energy-truce")
    slide = laptop.page.locator("section.slide")
    expect(slide.locator("h2")).to_contain_text("depends on which report holds")
    expect(slide.locator("p.verdict")).to_have_text("Negotiation space: " + verdict_line(truce))
    expect(slide.locator("ul.readings li")).to_contain_text(list(reading_lines(truce)))
    laptop.assert_clean()
