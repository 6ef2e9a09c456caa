"""At a glance on every screen: the whole matrix on a laptop and a projector, a usable dashboard on a phone.

Everything is measured on the rendered page: bounding boxes of the matrix's headers against the window and the
grid's visible part, and the scroll widths of the page. A corpus of more issues than fit a laptop screen is built
here in code (bench/synthetic.py's generator on a taxonomy of WIDE_ISSUES issues).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from bench.synthetic import generate_corpus
from components.pages import PAGES
from tests.browser.conftest import AppPage

LAPTOP = {"width": 1280, "height": 800}
PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
TITLES = {page.url_path: page.title for page in PAGES}
WIDE_ISSUES = 20
OFFSCREEN = re.compile(r"^(\d+) of (\d+) issues are off-screen")

# Where everything sits: the window, the sidebar, the page's scroll widths, the grid's visible part (right of the
# pinned party column), and every issue header, party header and stance cell of the matrix.
MEASURE_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const main = document.querySelector('[data-testid=stMain]');
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  const scroller = document.querySelector('[data-testid=matrix-scroll]');
  const corner = scroller && scroller.querySelector('thead th');
  const clipped = (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  return {
    window: {width: innerWidth, height: innerHeight},
    page: {document: document.documentElement.scrollWidth, main: main.scrollWidth, mainClient: main.clientWidth},
    sidebar: sidebar ? box(sidebar) : null,
    title: box(main.querySelector('h1')),
    grid: scroller ? {...box(scroller), partyRight: corner.getBoundingClientRect().right,
                      scrollLeft: scroller.scrollLeft, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth} : null,
    issues: scroller ? [...scroller.querySelectorAll('thead th[data-issue]')].map(
      (th) => ({...box(th), label: th.title, clipped: clipped(th)})) : [],
    parties: scroller ? [...scroller.querySelectorAll('tbody th[data-party]')].map((th) => ({...box(th), label: th.title})) : [],
    cells: scroller ? [...scroller.querySelectorAll('td[role=gridcell]')].map(
      (td) => ({...box(td), clipped: clipped(td), fontPx: parseFloat(getComputedStyle(td).fontSize)})) : [],
  };
}"""


def on_screen(item: dict, facts: dict) -> bool:
    """Wholly inside the window and inside the grid's visible part, right of the pinned party column."""
    grid, window = facts["grid"], facts["window"]
    return (
        item["left"] >= grid["partyRight"] - 1
        and item["right"] <= min(grid["right"], window["width"]) + 1
        and item["top"] >= 0
        and item["bottom"] <= window["height"]
    )


def no_sideways_scroll(facts: dict) -> bool:
    page = facts["page"]
    return page["document"] <= facts["window"]["width"] and page["main"] <= page["mainClient"]


def open_matrix(app: AppPage, path: str, issues: int) -> dict:
    app.goto(path)
    expect(app.matrix_issues()).to_have_count(issues)
    app.page.evaluate("() => document.fonts.ready")
    return app.page.evaluate(MEASURE_JS)


def offscreen_said(app: AppPage) -> str:
    return app.page.locator("[data-testid=stMain] [data-testid=matrix-offscreen]").inner_text()


def wide_taxonomy() -> dict:
    parties = [
        {
            "id": "northland",
            "name": "Northland",
            "kind": "state",
            "speakers": [{"id": "north-minister", "name": "Nora North", "role": "Foreign Minister"}],
        },
        {"id": "southland", "name": "Southland", "kind": "state"},
        {"id": "mediators", "name": "Mediators", "kind": "organisation"},
        {"id": "eastern-league", "name": "Eastern League of Coastal States", "kind": "group"},
    ]
    words = [
        "Ceasefire monitoring",
        "Prisoner exchanges",
        "Reconstruction financing",
        "Demilitarization of the border",
        "Sanctions relief",
        "Grain corridor",
        "Nuclear plant safety",
        "Energy exports",
        "Refugee returns",
        "Minority language rights",
        "Maritime boundaries",
        "War crimes accountability",
        "Security guarantees",
        "Territorial administration",
        "Elections",
        "Arms control",
        "Frozen assets",
        "Peacekeeping mandate",
        "Transit rights",
        "Cultural heritage",
    ]
    issues = [
        {"id": f"issue-{index:02d}", "label": label, "definition": f"Questions of {label.lower()}."}
        for index, label in enumerate(words[:WIDE_ISSUES], start=1)
    ]
    return {"parties": parties, "issues": issues}


@pytest.fixture(scope="module")
def wide_server(start_server_at, tmp_path_factory):
    """A server on a corpus with WIDE_ISSUES issues: more than a laptop screen shows at once."""
    folder = tmp_path_factory.mktemp("wide")
    taxonomy = folder / "taxonomy.yaml"
    taxonomy.write_text(yaml.safe_dump(wide_taxonomy(), sort_keys=False, allow_unicode=True), encoding="utf-8")
    root = generate_corpus(Path(folder) / "corpus", 3, seed=19, taxonomy=taxonomy)
    return start_server_at(root=root).url


@pytest.mark.parametrize("viewport", [LAPTOP, PROJECTOR], ids=["1280x800", "1280x720"])
def test_every_issue_of_the_matrix_is_on_screen_with_the_sidebar_open(sized, exported, viewport):
    """At 1280 px with the sidebar open, every issue header of the matrix lies wholly inside the window and the
    grid's visible part, unclipped, with no sideways scroll of the page or the grid and no issue said off-screen."""
    app = sized(viewport)
    issues = len(exported["issues"])  # the matrix of an unfiltered view shows every issue of the taxonomy
    facts = open_matrix(app, "/matrix", issues)
    app.snap(f"matrix-{viewport['width']}x{viewport['height']}")
    sidebar = facts["sidebar"]
    assert sidebar["left"] >= 0 and sidebar["right"] - sidebar["left"] > 200, f"the sidebar is open: {sidebar}"
    assert facts["grid"]["left"] >= sidebar["right"], "the matrix sits beside the sidebar, not under it"
    hidden = [issue["label"] for issue in facts["issues"] if not on_screen(issue, facts)]
    assert not hidden, f"off-screen at {viewport}: {hidden}\n{facts['issues']}"
    cut = [issue["label"] for issue in facts["issues"] if issue["clipped"]]
    assert not cut, f"labels cut: {cut}"
    assert facts["grid"]["scrollWidth"] <= facts["grid"]["clientWidth"], facts["grid"]
    assert no_sideways_scroll(facts), facts["page"]
    assert offscreen_said(app) == ""
    print(
        f"\n{viewport}: {issues} issues, headers from x={min(i['left'] for i in facts['issues']):.0f} to "
        f"x={max(i['right'] for i in facts['issues']):.0f}, y={min(i['top'] for i in facts['issues']):.0f} to "
        f"{max(i['bottom'] for i in facts['issues']):.0f}; grid ends at y={max(p['bottom'] for p in facts['parties']):.0f}"
    )
    app.assert_clean()


@pytest.mark.parametrize("path", list(TITLES))
def test_on_a_phone_the_linked_page_shows_with_the_sidebar_folded_and_no_sideways_scroll(sized, path):
    """At 390 × 844 the sidebar starts folded away, the linked page's title is in view, and neither the document
    nor Streamlit's main scroll box is wider than the screen."""
    app = sized(PHONE)
    app.goto(path)
    expect(app.page.locator("[data-testid=stMain] h1")).to_have_text(TITLES[path])
    facts = app.page.evaluate(MEASURE_JS)
    app.snap(f"phone{path.replace('/', '-') if path != '/' else '-overview'}")
    assert facts["sidebar"] is None or facts["sidebar"]["right"] <= 0, f"the sidebar covers the page: {facts['sidebar']}"
    title = facts["title"]
    assert title["left"] >= 0 and title["right"] <= PHONE["width"] and 0 <= title["top"] < PHONE["height"], title
    assert no_sideways_scroll(facts), facts["page"]
    app.assert_clean()


def test_on_a_phone_the_undated_events_are_a_list_that_fits(sized):
    """At 390 × 844 every value of the undated events, "Not before" and "Not after" too, is inside the screen, named,
    with no sideways scroll in the table's box."""
    app = sized(PHONE)
    app.goto("/timeline")
    table = app.page.locator("[data-testid=stMain] table.stack-table")
    expect(table).to_be_attached()
    facts = table.evaluate(
        """(table) => ({
          box: {scroll: table.parentElement.scrollWidth, client: table.parentElement.clientWidth},
          cells: [...table.querySelectorAll('td')].filter((td) => td.textContent).map((td) => ({
            label: td.dataset.label, right: td.getBoundingClientRect().right, left: td.getBoundingClientRect().left,
            named: getComputedStyle(td, '::before').content})),
        })"""
    )
    assert facts["box"]["scroll"] <= facts["box"]["client"], facts["box"]
    dates = [cell for cell in facts["cells"] if cell["label"] in ("Not before", "Not after")]
    assert dates, "the test corpus has undated events with bounds"
    for cell in facts["cells"]:
        assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], cell
    assert all(cell["label"] in cell["named"] for cell in dates), dates
    app.assert_clean()


def assert_offscreen_count(app: AppPage, facts: dict) -> tuple[int, int]:
    """The page's own count of off-screen issues is the number measured; returns (off-screen, total)."""
    hidden = sum(not on_screen(issue, facts) for issue in facts["issues"])
    expect(app.page.locator("[data-testid=stMain] [data-testid=matrix-offscreen]")).to_have_text(
        re.compile(rf"^{hidden} of {len(facts['issues'])} issues are off-screen" if hidden else r"^$")
    )
    return hidden, len(facts["issues"])


def assert_party_column_pinned(app: AppPage, facts: dict) -> dict:
    """Scrolled to its far right, the grid keeps every party name at its left edge; returns the new measurements."""
    app.page.locator("[data-testid=stMain] [data-testid=matrix-scroll]").evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    app.page.wait_for_function("() => document.querySelector('[data-testid=matrix-scroll]').scrollLeft > 0")
    scrolled = app.page.evaluate(MEASURE_JS)
    for before, after in zip(facts["parties"], scrolled["parties"], strict=True):
        assert abs(after["left"] - scrolled["grid"]["left"]) <= 1 and abs(after["left"] - before["left"]) <= 1, (before, after)
    assert on_screen(scrolled["issues"][-1], scrolled), "the last issue is in view at the far right"
    return scrolled


def test_on_a_phone_the_matrix_pins_the_parties_keeps_stance_words_whole_and_counts_the_rest(sized, exported):
    """At 390 px the matrix scrolls inside its own box: the party column stays pinned, the stance words in view are
    whole and at least 12 px, and the page says how many issues are off-screen, as measured."""
    app = sized(PHONE)
    facts = open_matrix(app, "/matrix", len(exported["issues"]))
    app.snap("phone-matrix-grid")
    assert no_sideways_scroll(facts), facts["page"]
    visible = [cell for cell in facts["cells"] if cell["right"] <= facts["grid"]["right"]]
    assert visible and not [cell for cell in visible if cell["clipped"]], "stance words in view are whole"
    assert min(cell["fontPx"] for cell in facts["cells"]) >= 12
    hidden, total = assert_offscreen_count(app, facts)
    assert 0 < hidden < total, (hidden, total)
    scrolled = assert_party_column_pinned(app, facts)
    expect(app.page.locator("[data-testid=stMain] [data-testid=matrix-offscreen]")).to_contain_text("to the left")
    assert_offscreen_count(app, scrolled)
    app.assert_clean()


def test_more_issues_than_fit_keep_the_party_column_and_say_how_many_are_off_screen(sized, wide_server):
    """With WIDE_ISSUES issues at 1280 × 800 the page says how many are off-screen (as measured), the party column
    stays pinned when the grid scrolls, End brings the last issue into view beside it, and the page never scrolls
    sideways."""
    app = sized(LAPTOP, wide_server)
    facts = open_matrix(app, "/matrix", WIDE_ISSUES)
    app.snap("matrix-wide-corpus")
    assert no_sideways_scroll(facts), facts["page"]
    hidden, total = assert_offscreen_count(app, facts)
    assert total == WIDE_ISSUES and 0 < hidden < total, (hidden, total)
    said = OFFSCREEN.match(offscreen_said(app))
    assert said and (int(said[1]), int(said[2])) == (hidden, total)

    scrolled = assert_party_column_pinned(app, facts)
    assert_offscreen_count(app, scrolled)
    assert no_sideways_scroll(scrolled), scrolled["page"]

    app.page.locator("[data-testid=stMain] [data-testid=matrix-scroll]").evaluate("(el) => { el.scrollLeft = 0; }")
    app.page.locator("[data-testid=stMain] td[aria-selected=true]").focus()
    app.page.keyboard.press("End")
    app.page.wait_for_url(re.compile(rf"cell=[^&]*%3A{wide_taxonomy()['issues'][-1]['id']}"))
    app.settle()
    focused = app.page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, cell: document.activeElement.dataset.cell}; }""")
    moved = app.page.evaluate(MEASURE_JS)
    assert focused["cell"].endswith(f":{wide_taxonomy()['issues'][-1]['id']}"), focused
    assert focused["left"] >= moved["grid"]["partyRight"] - 1 and focused["right"] <= moved["grid"]["right"] + 1, (focused, moved["grid"])
    app.assert_clean()
