"""Briefing mode in a real browser: every slide fits a projector without scrolling, the clicker's keys step through
the slides and stop at either end, and a slide shows words, not ids, offsets or EDTF codes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bench.synthetic import generate_corpus
from briefing.deck import deck
from briefing.load import Layout
from briefing.negotiation import issue_verdict
from briefing.store import load_frames
from scripts.harness import STILL_JS
from tests.browser.conftest import AppPage
from tests.conftest import CORPUS

SCREENS = {"1920x1080": {"width": 1920, "height": 1080}, "1280x720": {"width": 1280, "height": 720}}
TITLE = "[data-testid=stMain] section.slide h2"
# how far the page and its main container could scroll; zero on a slide that fits
OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  return {page: document.scrollingElement.scrollHeight - innerHeight, main: main.scrollHeight - main.clientHeight,
          font: parseFloat(getComputedStyle(document.querySelector('section.slide')).fontSize)};
}"""
EDTF = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b|\b\d{4}/\d{4}\b")
OFFSETS = re.compile(r"characters \d+\s*[–-]\s*\d+")


@pytest.fixture(scope="module")
def record_ids() -> set[str]:
    frames = load_frames(Layout(root=CORPUS))
    tables = (frames.positions, frames.judgments, frames.events, frames.impacts, frames.evidence)
    return {record for table in tables for record in table["id"]}


def deck_steps(root=CORPUS) -> list[str]:
    """The unfiltered deck's steps, by briefing.deck's rule."""
    return list(deck(load_frames(Layout(root=root)), ()).steps)


def on_step(app: AppPage, step: str) -> None:
    """Wait until the link names this step and the page has settled on it."""
    app.page.wait_for_url(re.compile(rf"[?&]topic={re.escape(step)}(&|$)"))
    app.settle()
    expect(app.page.locator(TITLE)).to_have_count(1)


def press(app: AppPage, key: str, step: str) -> None:
    app.page.keyboard.press(key)
    on_step(app, step)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_slide_fits_the_screen_without_scrolling(sized, screen):
    """At 1920×1080 and 1280×720 no slide scrolls (page or main container), with body type of 24 px or more."""
    app = sized(SCREENS[screen])
    for step in deck_steps():
        app.goto(f"/present?topic={step}")
        on_step(app, step)
        app.page.evaluate("() => document.fonts.ready")
        measured = app.page.evaluate(OVERFLOW_JS)
        assert measured["page"] <= 0 and measured["main"] <= 0, (step, measured)
        assert measured["font"] >= 24, (step, measured)
    app.assert_clean()


@pytest.fixture(scope="module")
def crowded(tmp_path_factory, start_server_at) -> tuple[str, list[str]]:
    """A server on a synthetic corpus of twelve briefs, where an issue has up to ten parties, and its steps."""
    root = generate_corpus(tmp_path_factory.mktemp("crowded") / "corpus", 12, seed=5)
    return start_server_at(root=root).url, deck_steps(root)


def test_slides_of_a_crowded_corpus_fit_a_projector(browser, crowded):
    """With ten parties to an issue and a dozen briefs, every slide still fits 1280×720 without scrolling."""
    url, steps = crowded
    context = browser.new_context(viewport=SCREENS["1280x720"])
    try:
        app = AppPage(context.new_page(), url)
        for step in steps:
            app.goto(f"/present?topic={step}")
            on_step(app, step)
            measured = app.page.evaluate(OVERFLOW_JS)
            assert measured["page"] <= 0 and measured["main"] <= 0, (step, measured)
        app.assert_clean()
    finally:
        context.close()


def test_clicker_keys_step_forward_and_back_and_stop_at_either_end(app):
    """ArrowRight, PageDown and Space step forward, ArrowLeft, PageUp and Shift+Space back; at either end a key
    leaves the slide where it is and the button that way is disabled."""
    app.goto("/present?issue=ceasefire&issue=energy-truce")
    on_step(app, "opening")
    main = app.by_testid("stMain")
    expect(main.get_by_role("button", name="◀ Previous")).to_be_disabled()
    app.page.keyboard.press("ArrowLeft")
    app.settle()
    assert "topic=opening" in app.page.url
    press(app, "ArrowRight", "ceasefire")
    expect(app.page.locator(TITLE)).to_have_text(re.compile(r"^Ceasefire: "))
    press(app, "PageDown", "energy-truce")
    press(app, "Space", "closing")
    expect(main.get_by_role("button", name="End")).to_be_disabled()
    app.page.keyboard.press("ArrowRight")
    app.page.keyboard.press("PageDown")
    app.settle()
    assert "topic=closing" in app.page.url, "the last slide does not wrap to the first"
    press(app, "PageUp", "energy-truce")
    press(app, "ArrowLeft", "ceasefire")
    press(app, "Shift+Space", "opening")
    main.get_by_role("button", name="Next ▶").click()
    on_step(app, "ceasefire")
    press(app, "Space", "energy-truce")  # Space with the focus on Next: one step, not the key's and the button's
    app.settle()
    assert "topic=energy-truce" in app.page.url
    app.assert_clean()


def test_home_end_blank_and_escape_do_what_a_clickers_buttons_ask(app):
    """Home and End go to the first and last slide; B (or .) blacks the screen out until the next key, which does
    nothing else; Escape leaves for the overview with the filter kept, like Exit."""
    app.goto("/present?issue=ceasefire&issue=energy-truce&topic=ceasefire")
    on_step(app, "ceasefire")
    press(app, "End", "closing")
    press(app, "Home", "opening")
    cover = app.page.locator("#briefing-blank-screen")
    for key in ("b", "."):
        app.page.keyboard.press(key)
        expect(cover).to_be_visible()
        box = cover.bounding_box()
        assert box and box["width"] >= 1280 and box["height"] >= 720, box
        assert cover.evaluate("(el) => getComputedStyle(el).backgroundColor") == "rgb(0, 0, 0)"
        app.page.keyboard.press("ArrowRight")  # brings the slide back, and does not step
        expect(cover).to_have_count(0)
        app.settle()
        assert "topic=opening" in app.page.url
    app.page.keyboard.press("b")
    cover.click()
    expect(cover).to_have_count(0)
    press(app, "ArrowRight", "ceasefire")
    app.page.keyboard.press("Escape")
    app.expect_title("Overview")
    assert app.path_and_query()[1].get("issue") == ["ceasefire", "energy-truce"]
    assert "topic" not in app.path_and_query()[1]
    app.assert_clean()


def test_a_filter_chosen_mid_briefing_hands_the_keys_back_to_the_slides(app):
    """Mid-briefing the briefer narrows the filter in the sidebar and presses the clicker at once: the filter's field
    has let go of the focus and its list is closed, the new filter's bottom line shows without a notice about a link,
    and the next key steps the slides."""
    app.goto("/present?topic=security-guarantees")
    on_step(app, "security-guarantees")
    app.page.get_by_test_id("stExpandSidebarButton").click()
    app.page.wait_for_function(STILL_JS)  # the sidebar has slid in
    issues = app.by_testid("stMultiSelect", "[data-testid=stSidebar]").filter(has_text="Issues")
    issues.locator("input").click()
    app.by_testid("stMultiSelectDropdown").get_by_role("option", name="Ceasefire", exact=True).click()
    app.page.wait_for_url(re.compile(r"[?&]issue=ceasefire(&|$)"))
    on_step(app, "opening")
    expect(app.by_testid("stMultiSelectDropdown")).to_have_count(0)
    assert not app.page.evaluate("() => !!document.activeElement.closest('[data-testid=stSidebar] input')")
    expect(app.by_testid("stAlert").filter(has_text="link's topic")).to_have_count(0)
    press(app, "ArrowRight", "ceasefire")
    press(app, "PageDown", "closing")
    app.assert_clean()


def test_a_link_to_a_topic_outside_its_filter_says_so(app):
    """A link whose topic its own filter leaves out opens the bottom line, and says why."""
    app.goto("/present?issue=ceasefire&topic=security-guarantees")
    on_step(app, "opening")
    expect(app.by_testid("stAlert").filter(has_text="link's topic")).to_have_count(1)
    app.assert_clean()


def test_keys_are_left_alone_while_typing_in_the_filter(app):
    """With the focus in the sidebar's issue filter, ArrowRight moves the caret, not the slide."""
    app.goto("/present?topic=ceasefire")
    on_step(app, "ceasefire")
    app.page.get_by_test_id("stExpandSidebarButton").click()
    field = app.by_testid("stSidebar").get_by_role("combobox").first
    field.click()
    app.page.keyboard.press("ArrowRight")
    app.page.keyboard.press("Escape")
    app.settle()
    assert "topic=ceasefire" in app.page.url
    app.assert_clean()


def test_one_issue_has_no_dead_buttons_and_exit_keeps_the_filter(app):
    """With one issue in the filter its slide's Previous and Next both move (to the bottom line and the summary),
    a dot goes straight to its slide, and Exit returns to the overview with the filter kept."""
    app.goto("/present?issue=ceasefire&topic=ceasefire")
    on_step(app, "ceasefire")
    main = app.by_testid("stMain")
    dots = main.get_by_role("button", name=re.compile(r"^Slide \d of 3"))
    expect(dots).to_have_count(3)
    expect(main.get_by_role("button", name="Slide 2 of 3: Ceasefire (current)")).to_have_attribute("aria-current", "step")
    main.get_by_role("button", name="◀ Previous").click()
    on_step(app, "opening")
    main.get_by_role("button", name="Next ▶").click()
    on_step(app, "ceasefire")
    main.get_by_role("button", name="Next ▶").click()
    on_step(app, "closing")
    main.get_by_role("button", name=re.compile(r"^Slide 2 of 3: Ceasefire")).click()
    on_step(app, "ceasefire")
    main.get_by_role("link", name="Exit").click()
    app.expect_title("Overview")
    assert app.path_and_query()[1].get("issue") == ["ceasefire"]
    app.assert_clean()


def test_slides_show_words_not_ids_offsets_or_edtf(app, record_ids):
    """No slide's text holds a record id, an EDTF date or "characters N–M"; the quote's place is in its hover."""
    for step in deck_steps():
        app.goto(f"/present?topic={step}")
        on_step(app, step)
        text = app.page.locator("[data-testid=stMain] section.slide").inner_text()
        assert not [record for record in record_ids if record in text], step
        assert not EDTF.search(text) and not OFFSETS.search(text), (step, text)
    app.goto("/present?topic=ceasefire")
    on_step(app, "ceasefire")
    hover = app.page.locator("[data-testid=stMain] section.slide blockquote").first.get_attribute("title")
    assert hover and OFFSETS.search(hover)
    app.assert_clean()


def test_unfiltered_the_issues_without_a_verdict_are_one_slide_and_the_controls_read_from_afar(sized):
    """Unfiltered, the deck is the opening, one slide per issue with a verdict, one for those without, the summary;
    at 1920×1080 the dots, Previous, Next and Exit are set at 18 px or more, the illustrative notice at 16 px or more."""
    frames = load_frames(Layout(root=CORPUS))
    issues = [issue for issue in frames.issues["id"] if issue in set(frames.positions["issue"])]
    with_verdict = [issue for issue in issues if issue_verdict(frames.positions, issue, frames.judgments).verdict != "insufficient"]
    assert len(issues) - len(with_verdict) >= 2, "the test corpus has issues where only one side is on record"
    app = sized(SCREENS["1920x1080"])
    app.goto("/present")
    on_step(app, "opening")
    main = app.by_testid("stMain")
    dots = main.get_by_role("button", name=re.compile(r"^Slide \d+ of \d+"))
    expect(dots).to_have_count(1 + len(with_verdict) + 1 + 1)
    font = "(element) => parseFloat(getComputedStyle(element.querySelector('p') || element).fontSize)"
    controls = [*dots.all(), main.get_by_role("button", name="Next ▶"), main.get_by_role("button", name="◀ Previous")]
    controls.append(main.get_by_role("link", name="Exit"))
    for control in controls:
        assert control.evaluate(font) >= 18, control
    notice = main.locator("[data-testid=stMarkdownContainer] > p").filter(has_text="Illustrative").first
    assert notice.evaluate(font) >= 16 and notice.locator("span").first.evaluate(font) >= 16
    folded = next(issue for issue in issues if issue not in with_verdict)
    dots.nth(len(with_verdict) + 1).click()
    on_step(app, "one-sided")
    expect(app.page.locator(TITLE)).to_have_text(re.compile(r"^Where only one side is on record"))
    app.goto(f"/present?topic={folded}")
    on_step(app, folded)
    expect(app.page.locator("section.slide li.marked .issue")).to_have_text(frames.issue_labels[folded])
    app.assert_clean()


def test_on_a_phone_previous_next_and_exit_are_one_row(sized):
    """At 390×844 Previous, Next and Exit sit side by side in one row under the dots."""
    app = sized({"width": 390, "height": 844})
    app.goto("/present?topic=ceasefire")
    on_step(app, "ceasefire")
    main = app.by_testid("stMain")
    boxes = [
        main.get_by_role("button", name="◀ Previous").bounding_box(),
        main.get_by_role("button", name="Next ▶").bounding_box(),
        main.get_by_role("link", name="Exit").bounding_box(),
    ]
    assert all(boxes)
    centres = [box["y"] + box["height"] / 2 for box in boxes]
    assert max(centres) - min(centres) < 12, boxes
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    assert max(box["height"] for box in boxes) < 60
    app.assert_clean()
