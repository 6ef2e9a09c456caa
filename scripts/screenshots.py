"""Screenshots of every view of the real app, for the README: `python -m scripts.screenshots [--out docs/img]`.

Starts `streamlit run app.py` on a free local port, drives Chromium through each view on a 1280 × 800 laptop screen
with the sidebar open, then the overview and the matrix on a 390 × 844 phone and briefing mode on a 1920 × 1080
projector, saves one PNG per shot and stops the server again; page 1 of the ceasefire pack's PDF is drawn with
pdftoppm. The coding workbench is shot on a second server with editing switched on, over a temporary copy of
data/ and seeds/, with a passage selected by mouse: nothing is saved.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, ViewportSize, sync_playwright

from components.pages import BY_NAME, PAGES
from scripts.harness import PICKER_POINT_JS, SETTLED_JS, STILL_JS, ServerError, StreamlitServer, exported, launch_options, project_env

PROJECT = Path(__file__).resolve().parent.parent
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
MATRIX = BY_NAME["matrix"].url_path
PHONE_VIEWS = {"phone-overview": BY_NAME["overview"].url_path, "phone-matrix": MATRIX}
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}
# briefing mode as the room sees it: the opening slide and the ceasefire slide, on a projector
PROJECTOR_VIEWS = {
    "present-opening": BY_NAME["present"].url_path + "?issue=ceasefire&issue=security-guarantees&topic=opening",
    "present-projector": BY_NAME["present"].url_path + "?issue=ceasefire&issue=security-guarantees&topic=ceasefire",
}
EDITING = "workbench"  # shot apart, on a server that may edit a copy of the data
MATRIX_DRAWN = "[data-testid=matrix-grid] thead th[data-issue]"
TARGET_VISIBLE_JS = """() => {
  const el = document.getElementById('target-span');
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


def first_evidence_id() -> str | None:
    """An evidence span behind Russia's position on the ceasefire (else any position), for the source viewer."""
    positions = exported()["positions"]
    preferred = [p for p in positions if p["party"] == "russia" and p["issue"] == "ceasefire"] or positions
    for position in preferred:
        if position["evidence"]:
            return str(position["evidence"][0]["id"])
    return None


def views() -> dict[str, str]:
    """One shot per page, named after it; the source viewer opened on a quote, briefing mode on one topic."""
    span = first_evidence_id()
    queries = {"sources": f"?span={span}" if span else "", "present": "?topic=security-guarantees"}
    return {page.name: page.url_path + queries.get(page.name, "") for page in PAGES if page.name != EDITING}


def shoot(page: Page, url: str, path: Path) -> None:
    page.goto(url)
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    if "span=" in url:
        page.wait_for_function(TARGET_VISIBLE_JS, timeout=15_000)
    if urlsplit(url).path.endswith(MATRIX):
        page.wait_for_selector(MATRIX_DRAWN, timeout=15_000)  # the grid draws after the script has finished
    page.wait_for_function(STILL_JS, timeout=15_000)  # no element still fading or sliding in
    page.screenshot(path=str(path))


def shoot_workbench(page: Page, url: str, path: Path) -> None:
    """The workbench with the first sentence of the shown source text selected by mouse and a position begun."""
    page.goto(url + BY_NAME[EDITING].url_path)
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    picker = page.get_by_test_id("passage-picker")
    text = picker.evaluate("el => el.textContent")
    start = next((i for i, line in enumerate(text.split("\n")) if len(line) > 80), 0)
    offset = sum(len(line) + 1 for line in text.split("\n")[:start])
    line = text.split("\n")[start]
    end = offset + (line.find(". ") + 1 if ". " in line else len(line))
    picker.scroll_into_view_if_needed()
    first, last = page.evaluate(PICKER_POINT_JS, [offset, "left"]), page.evaluate(PICKER_POINT_JS, [end - 1, "right"])
    page.mouse.move(first["x"], first["y"])
    page.mouse.down()
    page.mouse.move(last["x"], last["y"], steps=6)
    page.mouse.up()
    page.get_by_test_id("chosen-quote").wait_for()
    page.wait_for_timeout(500)
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    main = page.get_by_test_id("stMain")
    for label in ("Party", "Issue", "Stance"):
        box = main.get_by_role("combobox", name=label, exact=True)
        box.click()
        box.press("ArrowDown")
        page.get_by_role("option").first.click()
        page.wait_for_timeout(400)
        page.wait_for_function(SETTLED_JS, timeout=60_000)
    date = main.get_by_role("textbox", name="Date (EDTF)")
    date.fill("2026-01-23/2026-01-24")
    date.press("Tab")
    page.get_by_text("Reads as:").wait_for()
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    picker.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.mouse.wheel(0, -60)  # the caption above the text
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))


def started(server: StreamlitServer) -> StreamlitServer:
    try:
        return server.wait_until_healthy()
    except ServerError as error:
        raise SystemExit(str(error)) from None


def shown(target: Path) -> str:
    return f"wrote {target.relative_to(PROJECT) if target.is_relative_to(PROJECT) else target}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "img", help="folder for the PNGs (default: docs/img)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pages = views()

    with tempfile.TemporaryDirectory() as scratch:
        with StreamlitServer(Path(scratch) / "server.log") as server:
            started(server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**launch_options())
                for viewport, shots in ((VIEWPORT, pages), (PHONE, PHONE_VIEWS), (PROJECTOR, PROJECTOR_VIEWS)):
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    for name, path in shots.items():
                        target = args.out / f"{name}.png"
                        shoot(page, server.url + path, target)
                        print(shown(target))
                    context.close()
                browser.close()
        shoot_editing(args.out, Path(scratch))
        shoot_pack_page(args.out / "pack-page1.png", Path(scratch))
    return 0


def shoot_pack_page(target: Path, scratch: Path) -> None:
    """Page 1 of the ceasefire pack's PDF, as the minister gets it (needs poppler's pdftoppm; skipped without it)."""
    if shutil.which("pdftoppm") is None:
        print("pack page not drawn: needs pdftoppm (apt-get install poppler-utils)", file=sys.stderr)
        return
    pdf = scratch / "pack.pdf"
    subprocess.run(
        [sys.executable, "-m", "briefing", "pack", "--issue", "ceasefire", "--out", str(pdf)],
        cwd=PROJECT,
        env=project_env(),
        check=True,
        timeout=300,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target.with_suffix(""))],
        check=True,
        timeout=120,
    )
    print(shown(target))


def shoot_editing(out: Path, scratch: Path) -> None:
    """The workbench, on a server that may edit a copy of the data, never data/ itself."""
    root = scratch / "copy"
    for folder in ("data", "seeds"):
        shutil.copytree(PROJECT / folder, root / folder)
    with StreamlitServer(scratch / "editing-server.log", root=root, env={"BRIEFING_EDITING": "1"}) as server:
        started(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            context = browser.new_context(viewport={"width": VIEWPORT["width"], "height": 1400})  # the text and the form
            target = out / "workbench.png"
            shoot_workbench(context.new_page(), server.url, target)
            print(shown(target))
            context.close()
            browser.close()


if __name__ == "__main__":
    raise SystemExit(main())
