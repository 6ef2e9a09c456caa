"""The edges of the page, measured in Chromium: the filter in view on a laptop, a copy button that copies, the source
viewer opening on the filter's evidence, and the timeline and the map inside a phone's frame."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from playwright.sync_api import expect

from briefing.figures.timeline import zoom_windows
from briefing.load import Layout
from briefing.store import load_frames
from tests.browser.conftest import AppPage
from tests.conftest import CORPUS

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ISSUES_FIELD = "[data-testid=stSidebar] [data-testid=stMultiSelect]"
# distinct evidence ids of the highlighted spans (spans on the same words share one <mark>)
HIGHLIGHTED_JS = """() => new Set([...document.querySelectorAll('[data-testid=stMain] mark[data-evidence]')]
  .flatMap((mark) => mark.dataset.evidence.split(' '))).size"""
# every chart label's box against its chart's box and the window: Plotly's annotations, and the labels of a figure
# drawn on the server (components/svg_figure.py)
ANNOTATIONS_JS = """() => [
  ...[...document.querySelectorAll('[data-testid=stPlotlyChart]')].flatMap((chart) => {
    const frame = chart.querySelector('.main-svg').getBoundingClientRect();
    return [...chart.querySelectorAll('g.annotation')].map((note) => {
      const box = note.getBoundingClientRect();
      const text = note.querySelector('text');
      return {text: note.textContent, left: box.left, right: box.right, frameLeft: frame.left, frameRight: frame.right,
              fill: text ? getComputedStyle(text).fill : null};
    });
  }),
  ...[...document.querySelectorAll('[data-testid=stMain] .svg-figure')].flatMap((figure) => {
    const frame = figure.getBoundingClientRect();
    return [...figure.querySelectorAll('.figure-label')].map((note) => {
      const box = note.getBoundingClientRect();
      return {text: note.textContent, left: box.left, right: box.right, frameLeft: frame.left, frameRight: frame.right,
              fill: getComputedStyle(note).color};
    });
  }),
]"""


@pytest.fixture
def sized(open_page, server):
    """Factory: a page of the given viewport size on the shared server, with the clipboard allowed."""

    def _open(viewport: dict) -> AppPage:
        return open_page(server, viewport=viewport, permissions=("clipboard-read", "clipboard-write"))

    return _open


def issues_with_evidence(exported: dict) -> list[str]:
    """The issues some record with a quote is about: under each, the source viewer has spans to show."""
    quoted = {row["issue"] for row in exported["positions"] if row["evidence"]}
    for table in ("events", "impacts", "judgments", "ladders"):
        quoted |= {issue for row in exported[table] if row["evidence"] for issue in row["issues"]}
    return [issue["id"] for issue in exported["issues"] if issue["id"] in quoted]


def contrast(rgb: str, paper: tuple[int, int, int] = (255, 255, 255)) -> float:
    """WCAG 2 contrast of a CSS rgb() colour against white."""

    def luminance(channels) -> float:
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in channels)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    ink = [int(v) for v in re.findall(r"\d+", rgb)[:3]]
    light, dark = sorted((luminance(ink), luminance(paper)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_issues_filter_is_in_view_on_a_laptop_screen(sized):
    """At 1280 × 800 the Issues filter lies wholly inside the sidebar's visible part, without scrolling it."""
    app = sized(LAPTOP)
    app.goto("/timeline")
    issues = app.page.locator(ISSUES_FIELD).filter(has_text="Issues")
    box = issues.bounding_box()
    sidebar = app.by_testid("stSidebar").bounding_box()
    assert box and sidebar
    assert sidebar["x"] <= box["x"] and box["x"] + box["width"] <= sidebar["x"] + sidebar["width"], (box, sidebar)
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"], box
    app.assert_clean()


def test_a_page_link_works_while_the_issues_field_has_focus(sized):
    """With an issue chosen and focus still in the Issues field, one click on a page link opens that page with the
    filter: the links sit above the field, so its shrinking on blur cannot move them mid-click."""
    app = sized(LAPTOP)
    app.goto("/negotiation?issue=ceasefire")
    app.page.locator(ISSUES_FIELD).filter(has_text="Issues").locator("input").click()
    app.sidebar_link("Timeline").click()
    app.page.wait_for_url(re.compile(r"/timeline\?issue=ceasefire"), timeout=15_000)
    app.expect_title("Timeline")
    app.assert_clean()


def test_the_copy_button_is_visible_without_hover_and_copies_the_link(sized):
    """The share box shows a "Copy link" button without hovering; a click puts the shown link on the clipboard and
    the box says "Copied"."""
    app = sized(LAPTOP)
    app.goto("/matrix?issue=ceasefire")
    sidebar = app.by_testid("stSidebar")
    sidebar.get_by_text("Share this view").click()
    app.page.mouse.move(LAPTOP["width"] - 5, LAPTOP["height"] - 5)  # away from the box: nothing is hovered
    button = sidebar.locator("[data-testid=copy-link-button]")
    expect(button).to_be_visible()
    expect(button).to_have_text("Copy link")
    assert button.evaluate("(el) => getComputedStyle(el).opacity") == "1"
    shown = sidebar.locator("[data-testid=share-link-text]")
    expect(shown).to_contain_text("issue=ceasefire")  # the component's script fills the text after it is drawn
    link = shown.inner_text()
    assert link.startswith(app.base_url) and "issue=ceasefire" in link
    button.click()
    expect(sidebar.get_by_role("status")).to_have_text("Copied")
    expect(button).to_contain_text("Copied")
    assert app.page.evaluate("() => navigator.clipboard.readText()") == link
    app.assert_clean()


def test_the_source_viewer_highlights_evidence_under_every_issue(sized, exported):
    """Opened under each issue that has quoted records, the source viewer shows a text with at least one highlighted
    span, and its count of highlighted spans is the number highlighted."""
    app = sized(LAPTOP)
    issues = issues_with_evidence(exported)
    assert issues
    for issue in issues:
        app.goto(f"/sources?issue={issue}")
        highlighted = app.page.evaluate(HIGHLIGHTED_JS)
        assert highlighted >= 1, f"no span highlighted under {issue}"
        said = app.by_testid("stCaptionContainer", "[data-testid=stMain]").filter(has_text="highlighted").inner_text()
        assert said.startswith(f"{highlighted} evidence span"), (issue, said, highlighted)
    app.assert_clean()


@pytest.mark.parametrize("path", ["/timeline", "/regional"])
def test_on_a_phone_the_charts_stay_inside_the_frame(sized, path):
    """At 390 × 844 the page does not scroll sideways and every chart label lies inside its chart; the timeline's
    labels read at 4.5:1 or more."""
    app = sized(PHONE)
    app.goto(path)
    app.page.evaluate("() => document.fonts.ready")
    widths = app.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.querySelector('[data-testid=stMain]').scrollWidth, innerWidth]"
    )
    assert widths[0] <= widths[2] and widths[1] <= widths[2], widths
    notes = app.page.evaluate(ANNOTATIONS_JS)
    assert notes, "the chart has labels"
    outside = [n for n in notes if n["left"] < n["frameLeft"] - 1 or n["right"] > min(n["frameRight"], PHONE["width"]) + 1]
    assert not outside, outside
    if path == "/timeline":
        assert min(contrast(n["fill"]) for n in notes) >= 4.5, notes
    app.assert_clean()


TICKS_JS = """(ticks) => ticks.map((tick) => {
  const box = tick.getBoundingClientRect();
  return {text: tick.textContent, left: box.left, right: box.right, shown: getComputedStyle(tick).visibility !== 'hidden'};
})"""


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_the_timelines_date_labels_never_touch(sized, screen):
    """On a laptop and on a 390 px phone, the date labels shown under the timeline keep 8 px apart: where the axis
    drawn for a wide screen would crowd, every k-th tick is labelled (the first always), at any zoom."""
    frames = load_frames(Layout(root=CORPUS))
    app = sized(LAPTOP if screen == "laptop" else PHONE)
    for choice in zoom_windows(frames.events, frames.briefs):
        app.goto(f"/timeline?zoom={choice}")
        ticks = app.page.locator(".tl-axis").first.locator(".tl-tick").evaluate_all(TICKS_JS)
        assert ticks, "the timeline has date labels"
        shown = [tick for tick in ticks if tick["shown"]]
        assert shown and shown[0] == ticks[0], ticks
        gaps = [after["left"] - before["right"] for before, after in pairwise(shown)]
        assert all(gap >= 8 for gap in gaps), (screen, choice, ticks)
        labelled = [index for index, tick in enumerate(ticks) if tick["shown"]]
        steps = {later - earlier for earlier, later in pairwise(labelled)}
        assert len(steps) <= 1, ("labelled at a regular step", ticks)
    app.assert_clean()


def test_the_favicon_is_the_shipped_picture(sized):
    """The page's icon link serves the picture shipped in components/static, a drawing and not a flat square."""
    from PIL import Image

    from components.shell import FAVICON

    assert len(Image.open(FAVICON).convert("RGB").getcolors(maxcolors=4096) or ()) > 2, "more than a plain square"
    app = sized(LAPTOP)
    app.goto("/timeline")
    expect(app.page.locator("link[rel~=icon]")).to_have_attribute("href", re.compile(r"\S"))
    href = app.page.locator("link[rel~=icon]").first.get_attribute("href")
    response = app.page.request.get(href if href.startswith("http") else app.base_url + "/" + href.lstrip("./"))
    assert response.ok and response.headers["content-type"].startswith("image/"), (href, response.status)
    app.assert_clean()


def test_on_a_phone_the_tables_of_counts_fit_the_screen(sized):
    """At 390 × 844 the overview's tables of counts show every column without scrolling sideways, their headings
    in the words of the one key to whose words a record holds."""
    from briefing.vocabulary import CLAIM_TYPES

    app = sized(PHONE)
    app.goto("/")
    tables = app.page.locator("[data-testid=stTable]")
    expect(tables).to_have_count(2)
    for table in tables.all():
        width, shown = table.evaluate("(el) => [el.querySelector('table').offsetWidth, el.clientWidth]")
        assert width <= shown, (width, shown)
    headings = tables.nth(1).locator("thead th").all_inner_texts()
    assert [" ".join(text.split()) for text in headings[1:4]] == [c.whose[:1].upper() + c.whose[1:] for c in CLAIM_TYPES.values()]
    app.assert_clean()
