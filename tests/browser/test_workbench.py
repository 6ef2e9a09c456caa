"""The coding workbench in real Chromium against real servers on copies of the test corpus (never data/): a passage
selected with the mouse or the keyboard becomes a record at its exact offsets, a concurrent change is refused without
loss, editing off writes nothing, and a script typed into a summary stays text."""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from briefing.load import parse_yaml
from scripts.harness import PICKER_POINT_JS, StreamlitServer
from tests.browser.conftest import MATRIX_GRID, PROJECT, AppPage, corpus_env, started
from tests.conftest import CORPUS

LAVROV = "data/briefs/lavrov-red-line-2026-01.yaml"
# characters outside the BMP before the passage, so UTF-16 offsets and Python's differ by four
SOURCE = (
    "Warszawa, 3 lutego 2026 🇵🇱 — Zełenski 😀 spoke first.\n"
    "The Polish government said it would back a ceasefire along the current line of contact.\n"
    "Kraków café owners 🎉 were not asked.\n"
)
PASSAGE = "The Polish government said it would back a ceasefire along the current line of contact."
SCRIPT = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


RUNNING_JS = "() => document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'running'"
CARET_JS = """([units]) => {
  const root = document.querySelector('[data-testid=passage-picker]');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    if (units < seen + node.data.length) { root.focus(); document.getSelection().collapse(node, units - seen); return true; }
    seen += node.data.length;
  }
  return false;
}"""


def editing_server_at(log_path: Path, root: Path, editing: bool) -> StreamlitServer:
    """`streamlit run app.py` on a copy of the corpus, with editing switched on or left off."""
    # without editing, a BRIEFING_EDITING in the caller's environment must not switch it on
    return StreamlitServer(log_path, root=root, env={"BRIEFING_EDITING": "1" if editing else None})


def _corpus_copy(folder: Path) -> Path:
    shutil.copytree(CORPUS, folder)
    source = folder.parent / "warszawa.txt"
    source.write_text(SOURCE, encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "new",
            str(source),
            "--id",
            "warszawa-note-2026-02",
            "--title",
            "A note from Warszawa",
            "--published",
            "2026-02-03",
        ],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        env=corpus_env() | {"BRIEFING_ROOT": str(folder)},
    )
    return folder


def _serve(tmp_path_factory, editing: bool):
    scratch = tmp_path_factory.mktemp("workbench")
    root = _corpus_copy(scratch / "root")
    return started(editing_server_at(scratch / "server.log", root, editing)), root


@pytest.fixture(scope="module")
def editing_server(tmp_path_factory):
    server, root = _serve(tmp_path_factory, editing=True)
    yield server.url, root
    server.stop()


@pytest.fixture
def bench(open_page, editing_server) -> tuple[AppPage, Path]:
    url, root = editing_server
    return open_page(url), root


def hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def rerun(app: AppPage) -> None:
    """Wait for the run an interaction started: settling at once could see the previous run's finished state."""
    with contextlib.suppress(PlaywrightTimeoutError):  # the run may be over before it can be seen
        app.page.wait_for_function(RUNNING_JS, timeout=1500)
    app.settle()


def main(app: AppPage):
    return app.page.get_by_test_id("stMain")


def choose(app: AppPage, label: str, option: str) -> None:
    box = main(app).get_by_test_id("stSelectbox").get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press("ArrowDown")  # opens the list
    box.fill(option)  # and narrows it to the option, however long the list
    app.page.get_by_role("option", name=option).first.click()
    rerun(app)


def type_into(app: AppPage, testid: str, label: str, text: str) -> None:
    field = main(app).get_by_test_id(testid).filter(has=app.page.get_by_text(label, exact=True))
    box = field.locator("textarea, input").first
    box.fill(text)
    box.press("Tab")  # commits the value, which reruns the page
    rerun(app)


def button(app: AppPage, name: str):
    return main(app).get_by_role("button", name=name)  # a button with help text is drawn twice, once hidden


def press(app: AppPage, name: str) -> None:
    """Click a button once the page shows exactly one, enabled."""
    found = button(app, name)
    expect(found).to_have_count(1)
    expect(found).to_be_enabled()
    found.click()
    rerun(app)


def open_brief(app: AppPage, title: str) -> None:
    app.goto("/workbench")
    choose(app, "Brief", title)
    expect(app.page.get_by_test_id("passage-picker")).to_be_visible()


def drag_select(app: AppPage, start_units: int, end_units: int) -> None:
    """Press the mouse on the first character and release it on the last, as an analyst selects."""
    app.page.get_by_test_id("passage-picker").scroll_into_view_if_needed()
    first = app.page.evaluate(PICKER_POINT_JS, [start_units, "left"])
    last = app.page.evaluate(PICKER_POINT_JS, [end_units - 1, "right"])
    app.page.mouse.move(first["x"], first["y"])
    app.page.mouse.down()
    app.page.mouse.move((first["x"] + last["x"]) / 2, last["y"], steps=4)
    app.page.mouse.move(last["x"], last["y"], steps=4)
    app.page.mouse.up()
    expect(app.page.get_by_test_id("chosen-quote")).to_be_visible()
    app.settle()


def fill_position(app: AppPage, party: str, issue: str, summary: str) -> None:
    choose(app, "Party", party)
    choose(app, "Issue", issue)
    choose(app, "Stance", "✔ For")
    main(app).get_by_test_id("stRadio").filter(has_text="Claim type").get_by_text("Analyst's assessment").click()
    rerun(app)
    type_into(app, "stTextInput", "Date (EDTF)", "2026-02-02/2026-02-03")
    type_into(app, "stTextArea", "Summary: the position in your words, with any caveat", summary)


def find_quote(app: AppPage, quote: str) -> None:
    main(app).get_by_test_id("stExpander").filter(has_text="…or type or paste a quote").locator("summary").click()
    type_into(app, "stTextArea", "Quote, in the source's exact words", quote)
    press(app, "Find the quote")
    expect(app.page.get_by_test_id("chosen-quote")).to_have_text(quote)


def test_a_passage_selected_with_the_mouse_becomes_a_position_at_its_exact_offsets(bench):
    """A mouse selection after emoji is saved as a position at offsets equal to text[start:end]; validate is clean; /matrix shows it."""
    app, root = bench
    open_brief(app, "A note from Warszawa")
    start = SOURCE.index(PASSAGE)
    units = len(SOURCE[:start].encode("utf-16-le")) // 2
    assert units == start + 3  # 🇵🇱 counts four units, 😀 two: the page's offsets are not Python's
    drag_select(app, units, units + len(PASSAGE))
    expect(app.page.get_by_test_id("chosen-quote")).to_have_text(PASSAGE)
    expect(main(app).get_by_text(f"Chosen passage: characters {start}–{start + len(PASSAGE)}")).to_be_visible()
    fill_position(app, "Poland", "Ceasefire", "In the note's words, Poland would back a ceasefire on the current line.")
    expect(main(app).get_by_text("2–3 February 2026: two days")).to_be_visible()
    press(app, "Save to the brief")
    expect(main(app).get_by_test_id("stAlertContentSuccess").filter(has_text="Saved new position")).to_be_visible()

    brief = parse_yaml((root / "data/briefs/warszawa-note-2026-02.yaml").read_bytes())
    [position] = brief["positions"]
    span = position["evidence"][0]
    seed = (root / "seeds" / "warszawa.txt").read_text(encoding="utf-8")
    assert (span["start"], span["end"]) == (start, start + len(PASSAGE))
    assert seed[span["start"] : span["end"]] == span["quote"] == PASSAGE
    assert (position["party"], position["issue"], position["stance"]) == ("poland", "ceasefire", "support")
    validate = subprocess.run(
        [sys.executable, "-m", "briefing", "validate"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env=corpus_env() | {"BRIEFING_ROOT": str(root)},
        timeout=120,
        check=False,
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "ok data/briefs/warszawa-note-2026-02.yaml: 1 positions" in validate.stdout

    app.goto("/matrix?cell=poland:ceasefire")
    expect(app.page.locator(f"{MATRIX_GRID} tbody th[data-party=poland]")).to_have_count(1)
    expect(app.page.locator(f'{MATRIX_GRID} td[data-cell="poland:ceasefire"]')).to_have_attribute("title", re.compile("^For, "))
    expect(main(app).get_by_text("In the note's words, Poland would back a ceasefire on the current line.")).to_be_visible()
    app.assert_clean()


def test_a_passage_selected_with_the_keyboard_and_a_highlight_opened(bench):
    """Shift and the arrow keys select a passage at exact offsets, and clicking a coded highlight opens its record."""
    app, _root = bench
    open_brief(app, "Lavrov Draws the Red Line")
    seed = (CORPUS / "seeds" / "lavrov-red-line-2026-01-30.txt").read_text(encoding="utf-8")
    word = "He made it clear that"
    start = seed.index(word)
    assert app.page.evaluate(CARET_JS, [len(seed[:start].encode("utf-16-le")) // 2])
    for _ in word:
        app.page.keyboard.press("Shift+ArrowRight")
    expect(app.page.get_by_test_id("chosen-quote")).to_have_text(word)
    expect(main(app).get_by_text(f"Chosen passage: characters {start}–{start + len(word)}")).to_be_visible()

    app.page.locator('[data-testid=passage-picker] mark[data-evidence~="lrl-bottom-line-more-than-ceasefire"]').first.click()
    app.settle()
    opened = main(app).locator(".st-key-wb_opened_record")
    expect(opened).to_contain_text("pos-russia-ceasefire-assessment")
    expect(opened).to_contain_text("lrl-bottom-line-more-than-ceasefire")
    app.assert_clean()


def test_a_change_made_meanwhile_is_refused_and_nothing_is_lost(bench):
    """A save over a file changed since it was opened is refused with a message; the form keeps its content and saves after a reload."""
    app, root = bench
    open_brief(app, "Lavrov Draws the Red Line")
    find_quote(app, "Lavrov's speech completely shut the door on a simple ceasefire.")
    fill_position(app, "Ukraine", "Territorial status", "Typed before another editor saved.")
    path = root / LAVROV
    path.write_text(path.read_text(encoding="utf-8") + "# a change by another editor\n", encoding="utf-8")
    changed = path.read_bytes()
    press(app, "Save to the brief")
    expect(main(app).get_by_test_id("stAlertContentError").filter(has_text="changed since you opened it")).to_be_visible()
    assert path.read_bytes() == changed
    summary = main(app).get_by_test_id("stTextArea").filter(has_text="Summary").locator("textarea")
    expect(summary).to_have_value("Typed before another editor saved.")

    press(app, "Reload the brief")
    press(app, "Save to the brief")
    expect(main(app).get_by_test_id("stAlertContentSuccess").filter(has_text="Saved new position")).to_be_visible()
    text = path.read_text(encoding="utf-8")
    assert "# a change by another editor" in text and "Typed before another editor saved." in text
    app.assert_clean()


def test_a_script_typed_into_a_summary_appears_as_text(bench):
    """HTML and script typed into a summary are saved as typed and shown as text in the matrix and the downloaded pack."""
    app, root = bench
    open_brief(app, "Lavrov Draws the Red Line")
    find_quote(app, "Moscow's negotiation bottom line")
    fill_position(app, "Latvia", "Ceasefire", SCRIPT)
    press(app, "Save to the brief")
    expect(main(app).get_by_test_id("stAlertContentSuccess").filter(has_text="Saved new position")).to_be_visible()
    assert parse_yaml((root / LAVROV).read_bytes())["positions"][-1]["summary"] == SCRIPT

    app.goto("/matrix?cell=latvia:ceasefire")
    expect(main(app).get_by_text(SCRIPT)).to_be_visible()
    assert app.page.evaluate("window.pwned") is None
    app.by_testid("stSidebar").get_by_text("Share this view · pack").click()
    app.settle()
    with app.page.expect_download() as download:
        app.by_testid("stSidebar").get_by_test_id("stDownloadButton").filter(has_text="HTML").locator("button").click()
    pack = Path(download.value.path()).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in pack and "<script>window.pwned" not in pack
    assert app.page.evaluate("window.pwned") is None
    app.assert_clean()


def test_with_editing_off_nothing_can_be_written(open_page, tmp_path_factory):
    """With editing off /workbench says how to switch it on, offers no control that writes, and every file keeps its hash."""
    server, root = _serve(tmp_path_factory, editing=False)
    try:
        before = hashes(root)
        app = open_page(server.url)
        for path in ("/workbench", "/workbench?brief=lavrov-red-line-2026-01&save=1&action=position&quote=x"):
            app.goto(path)
            expect(main(app).get_by_text(re.compile("Editing is off"))).to_be_visible()
            expect(main(app)).to_contain_text("BRIEFING_EDITING=1")
            for absent in ("passage-picker", "stFileUploader", "stTextArea", "stTextInput"):
                expect(main(app).get_by_test_id(absent)).to_have_count(0)
            assert not [b for b in main(app).get_by_test_id("stButton").all_inner_texts() if re.search("Save|Create|Undo|Add|Find", b)]
            main(app).press("Control+Enter")
        assert hashes(root) == before
        assert not (root / "data" / "edit-log.jsonl").exists()
        app.assert_clean()
    finally:
        server.stop()
