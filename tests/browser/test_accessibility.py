"""Accessibility: axe-core on every page, keyboard-only use of the filter and the matrix, stance never by colour alone.

axe runs from axe-playwright-python's bundled axe.min.js (no network). Before each audit the viewport is made as
tall as the page, so the whole page is inside Streamlit's scroll container and axe checks every element: with a
normal viewport, colour contrast below the fold goes unchecked. Serious and critical violations fail the test;
moderate and minor ones, and the "needs review" (incomplete) results, are printed. axe's experimental rules are
switched on too: one of them, label-content-name-mismatch, is WCAG 2.5.3 (a control's name begins with its text).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from briefing.vocabulary import CLAIM_TYPES, STANCES
from components.matrix import NO_POSITION
from components.pages import BY_NAME
from scripts.harness import STILL_JS, StreamlitServer
from tests.browser.conftest import ARTIFACTS, started
from tests.conftest import CORPUS

FAILING_IMPACTS = {"serious", "critical"}
# off by default in axe; hidden-content only lists what it could not see, so it stays off
EXPERIMENTAL_RULES = (
    "label-content-name-mismatch",
    "css-orientation-lock",
    "focus-order-semantics",
    "p-as-heading",
    "table-fake-caption",
    "td-has-header",
)
MAX_HEIGHT = 20_000
MAX_TABS = 60
SUMMARY: dict[str, dict] = {}  # per audited link, written to test-artifacts/axe.json for docs/reliability.md

CONTENT_HEIGHT_JS = """() => {
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const sidebar = document.querySelector('[data-testid="stSidebarContent"]');
  const main = block ? block.getBoundingClientRect().top + block.scrollHeight : 0;
  return Math.ceil(Math.max(main, sidebar ? sidebar.scrollHeight : 0)) + 120;
}"""
FOCUS_JS = """(selector) => {
  const focused = document.activeElement;
  return !!(focused && focused.closest(selector));
}"""


def _fit_to_content(app) -> None:
    """Grow the viewport until the page's content fits it (charts may reflow once, so measure again)."""
    width = app.page.viewport_size["width"]
    for _ in range(3):
        needed = min(app.page.evaluate(CONTENT_HEIGHT_JS), MAX_HEIGHT)
        if needed <= app.page.viewport_size["height"]:
            break
        app.page.set_viewport_size({"width": width, "height": needed})
        app.page.wait_for_function("(height) => window.innerHeight === height", arg=needed)
        app.page.wait_for_function(STILL_JS)  # the charts' resize has run its course
        app.settle()


def _describe(violation: dict) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']} [{len(violation['nodes'])} element(s)]"]
    for node in violation["nodes"][:8]:
        summary = " ".join((node.get("failureSummary") or "").split())
        lines.append(f"    {node['html'][:200]}\n      {summary[:400]}")
    return "\n".join(lines)


def _audit(app, path: str) -> list[dict]:
    app.goto(path)
    _fit_to_content(app)
    rules = {rule: {"enabled": True} for rule in EXPERIMENTAL_RULES}
    results = Axe().run(app.page, options={"resultTypes": ["violations", "incomplete"], "rules": rules}).response
    failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    others = [v for v in results["violations"] if v["impact"] not in FAILING_IMPACTS]
    print(
        f"\naxe {results['testEngine']['version']} on {path}: {len(results['violations'])} violation(s), {len(failing)} serious or critical"
    )
    for violation in others:
        print("  " + _describe(violation))
    review = {v["id"]: len(v["nodes"]) for v in results["incomplete"]}
    if review:
        print(f"  needs review (incomplete): {review}")
    SUMMARY[path] = {
        "axe": results["testEngine"]["version"],
        "violations": {v["id"]: v["impact"] for v in results["violations"]},
        "serious_or_critical": len(failing),
        "needs_review": review,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe.json").write_text(json.dumps(SUMMARY, indent=2), encoding="utf-8")
    return failing


@pytest.fixture(scope="module")
def evidence_id(exported) -> str:
    return next(span["id"] for position in exported["positions"] for span in position["evidence"])


@pytest.mark.parametrize("audit", ["", "?audit=1"], ids=["reader", "audit-details"])
@pytest.mark.parametrize("name", list(BY_NAME))
def test_page_has_no_serious_axe_violations(app, name, audit):
    """axe-core finds no serious or critical violation on the page as first opened, for the reader and with the
    analyst's audit details (ids, file names and hashes) shown."""
    failing = _audit(app, BY_NAME[name].url_path + audit)
    assert not failing, "\n" + "\n".join(_describe(v) for v in failing)


def test_filtered_views_have_no_serious_axe_violations(app, evidence_id):
    """The same on states the plain pages do not show: a target span and search hits in the source viewer, and
    the filter banner and a dropped-value notice on the matrix."""
    failing = _audit(app, f"/sources?span={evidence_id}&q=ceasefire")
    failing += _audit(app, "/matrix?issue=ceasefire&party=russia&party=no-such-party")
    assert not failing, "\n" + "\n".join(_describe(v) for v in failing)


def test_axe_checks_inside_a_components_shadow_root(app):
    """axe-core reaches into a component drawn in a shadow root: briefing mode's slide dots (st.components.v2, styles
    isolated) are among the buttons it checked for a name."""
    app.goto(BY_NAME["present"].url_path)
    # the dots are drawn by the component's script after the run settles: wait for them (locators pierce open
    # shadow roots) so the check cannot run before they exist
    app.page.locator(".slide-dots ol button").first.wait_for(state="visible")
    results = Axe().run(app.page, options={"runOnly": ["button-name"]}).response
    checked = [node["target"] for rule in results["passes"] for node in rule["nodes"]]
    in_shadow = [target for target in checked if any(isinstance(step, list) for step in target)]
    assert in_shadow, checked
    assert not results["violations"], results["violations"]


def test_workbench_with_editing_on_has_no_serious_axe_violations(open_page, tmp_path):
    """The coding workbench with editing switched on (its forms, the opened brief's file and hash, the trail), on a
    copy of the test corpus: axe-core finds no serious or critical violation."""
    root = tmp_path / "root"
    shutil.copytree(CORPUS, root)
    server = started(StreamlitServer(tmp_path / "server.log", root=root, env={"BRIEFING_EDITING": "1"}))
    try:
        failing = _audit(open_page(server.url), BY_NAME["workbench"].url_path + "?audit=1")
    finally:
        server.stop()
    assert not failing, "\n" + "\n".join(_describe(v) for v in failing)


def _tab_until(app, selector: str) -> int:
    """Press Tab from the top of the page until focus is inside `selector`; the number of presses, or fail."""
    for presses in range(1, MAX_TABS + 1):
        app.page.keyboard.press("Tab")
        if app.page.evaluate(FOCUS_JS, selector):
            return presses
    focused = app.page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {selector}; focus ended on {focused}")


def test_keyboard_reaches_the_sidebar_filter(app):
    """From a fresh page load, Tab alone reaches the Issues multiselect in the sidebar, and typing picks an issue."""
    app.goto("/")
    presses = _tab_until(app, '[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    label = app.page.evaluate("() => document.activeElement.closest('[data-testid=stMultiSelect]').innerText")
    assert label.startswith("Issues"), label
    print(f"\nIssues multiselect reached after {presses} Tab presses")
    app.page.keyboard.type("Ceasefire")
    app.page.keyboard.press("Enter")
    app.page.keyboard.press("Escape")
    app.page.wait_for_url(re.compile(r"[?&]issue=ceasefire"))
    app.settle()
    assert app.chips("Issues") == ["Ceasefire"]
    app.assert_clean()


def test_keyboard_inspects_a_matrix_cell(app):
    """On /matrix, Tab reaches the "Inspect a cell" selectbox; ArrowDown and Enter pick another cell, and the details
    heading under the matrix follows."""
    app.goto("/matrix")
    selectbox = app.by_testid("stSelectbox", "[data-testid=stMain]").filter(has_text="Inspect a cell")
    heading = app.page.locator("[data-testid=stMain] h3").first
    before = heading.inner_text()
    cell_before = app.path_and_query()[1].get("cell")
    presses = _tab_until(app, '[data-testid="stMain"] [data-testid="stSelectbox"]')
    assert app.page.evaluate(FOCUS_JS, '[data-testid="stMain"] [data-testid="stSelectbox"]')
    assert "Inspect a cell" in selectbox.inner_text()
    print(f"\n'Inspect a cell' reached after {presses} Tab presses")

    app.page.keyboard.press("ArrowDown")  # opens the list with the next cell highlighted
    app.page.wait_for_function("() => !!document.activeElement.getAttribute('aria-activedescendant')")
    chosen = app.page.evaluate(
        "() => document.getElementById(document.activeElement.getAttribute('aria-activedescendant')).textContent"
    ).strip()
    assert chosen and chosen != before, (chosen, before)
    app.page.keyboard.press("Enter")
    expect(heading).to_have_text(chosen)
    app.settle()
    cell_after = app.path_and_query()[1].get("cell")
    assert cell_after and cell_after != cell_before, (cell_before, cell_after)
    app.assert_clean()


def test_arrow_keys_move_through_the_matrix_and_the_details_follow(app):
    """Tab reaches the matrix grid; each arrow key selects the next cell, the link and the details heading follow it,
    and the focus stays in the grid, so the next press goes on from there."""
    app.goto("/matrix?cell=russia:ceasefire")
    heading = app.page.locator("[data-testid=stMain] h3").first
    expect(heading).to_have_text("Russia · Ceasefire")
    presses = _tab_until(app, '[data-testid="stMain"] [data-testid="matrix-grid"]')
    print(f"\nmatrix grid reached after {presses} Tab presses")
    assert app.page.evaluate("() => document.activeElement.dataset.cell") == "russia:ceasefire"
    for key, cell, title in (
        ("ArrowDown", "ukraine:ceasefire", "Ukraine · Ceasefire"),
        ("ArrowRight", "ukraine:energy-truce", "Ukraine · Energy truce"),
    ):
        app.page.keyboard.press(key)
        expect(heading).to_have_text(title)
        app.settle()
        assert app.path_and_query()[1]["cell"] == [cell]
        selected = app.matrix_cells().and_(app.page.locator("[aria-selected=true]"))
        expect(selected).to_have_count(1)
        expect(selected).to_have_attribute("data-cell", cell)
        assert app.page.evaluate("() => document.activeElement.dataset.cell") == cell, "the focus stays on the cell"
    app.assert_clean()


def test_matrix_cells_carry_text_labels(app):
    """Every cell of the matrix says its stance in a symbol and a word (or "no stated position"); its accessible name
    begins with what it shows, then names its party and issue and the full stance and claim type; the legend explains
    every symbol and claim marker."""
    app.goto("/matrix")
    expect(app.matrix_parties().first).to_be_attached()
    rows, columns = app.matrix_parties().count(), app.matrix_issues().count()
    cells = app.matrix_cells()
    texts, spoken = cells.all_inner_texts(), [cells.nth(i).get_attribute("aria-label") for i in range(cells.count())]
    assert rows > 2 and columns > 1 and len(texts) == len(spoken) == rows * columns, (rows, columns, len(texts))
    claims = [claim.label.lower() for claim in CLAIM_TYPES.values()]
    parties = [party.get_attribute("title") for party in app.matrix_parties().all()]
    issues = [label.replace("\N{SOFT HYPHEN}", "") for label in app.matrix_issues().get_by_test_id("matrix-issue-label").all_inner_texts()]
    for index, (text, name) in enumerate(zip(texts, spoken, strict=True)):
        shown = ", ".join(line for line in text.splitlines() if line)
        place = f"{parties[index // columns]} on {issues[index % columns]}"
        assert name.startswith(f"{shown}. {place}"), (text, name)  # a voice user says what they see (WCAG 2.5.3)
        if text == NO_POSITION:
            continue
        stance = next((stance for stance, words in STANCES.items() if text.splitlines()[0] == words.label), None)  # the one wording
        assert stance, text
        assert f": {STANCES[stance].word}, " in name, name  # then in full words
        assert any(f", {claim}" in name for claim in claims), name
    legend = app.page.locator("[data-testid=stMain] [data-testid=stMarkdownContainer]").filter(has_text=NO_POSITION).first
    legend_text = legend.inner_text()
    for words in STANCES.values():
        assert words.label in legend_text, (words.label, legend_text)
    for claim in CLAIM_TYPES.values():
        assert f"{claim.letter} {claim.label.lower()}" in legend_text, (claim.letter, legend_text)
