"""Screenshots of every view of the real app, for the README: `python -m scripts.screenshots [--out docs/img]`.

Starts `streamlit run app.py` on a free local port, drives Debian's Chromium through each view on a 1280 × 800
laptop screen with the sidebar open, then the overview and the matrix on a 390 × 844 phone, saves one PNG per shot
and stops the server again.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from scripts.harness import CHROMIUM, CHROMIUM_ARGS, SETTLED_JS, stop_process

PROJECT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PHONE_VIEWS = {"phone-overview": "/", "phone-matrix": "/matrix"}
MATRIX_DRAWN = "[data-testid=matrix-grid] thead th[data-issue]"
STARTUP_TIMEOUT_S = 60
TARGET_VISIBLE_JS = """() => {
  const el = document.getElementById('target-span');
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_env() -> dict[str, str]:
    """The project's own data, whatever BRIEFING_ROOT the caller has set."""
    return {key: value for key, value in os.environ.items() if key != "BRIEFING_ROOT"}


def first_evidence_id() -> str | None:
    """An evidence span behind Russia's position on the ceasefire (else any position), for the source viewer."""
    result = subprocess.run([sys.executable, "-m", "briefing", "export", "--format", "json"], cwd=PROJECT, env=child_env(),
                            capture_output=True, text=True, timeout=120, check=True)
    positions = json.loads(result.stdout)["positions"]
    preferred = [p for p in positions if p["party"] == "russia" and p["issue"] == "ceasefire"] or positions
    for position in preferred:
        if position["evidence"]:
            return position["evidence"][0]["id"]
    return None


def views() -> dict[str, str]:
    span = first_evidence_id()
    return {
        "overview": "/",
        "matrix": "/matrix",
        "timeline": "/timeline",
        "regional": "/regional",
        "sources": f"/sources?span={span}" if span else "/sources",
        "negotiation": "/negotiation",
        "present": "/present?topic=security-guarantees",
    }


def wait_healthy(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 (local server)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise SystemExit(f"streamlit did not come up within {STARTUP_TIMEOUT_S} s:\n{log.read_text(errors='replace')}")


def shoot(page: Page, url: str, path: Path) -> None:
    page.goto(url)
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    if "span=" in url:
        page.wait_for_function(TARGET_VISIBLE_JS, timeout=15_000)
    if "/matrix" in url:
        page.wait_for_selector(MATRIX_DRAWN, timeout=15_000)  # the grid draws after the script has finished
    page.wait_for_timeout(500)  # let plotly finish its transitions
    page.screenshot(path=str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "img", help="folder for the PNGs (default: docs/img)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pages = views()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "server.log"
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
                 "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                cwd=PROJECT, env=child_env(), stdout=log_file, stderr=subprocess.STDOUT,
            )
            try:
                wait_healthy(process, url, log)
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    for viewport, shots in ((VIEWPORT, pages), (PHONE, PHONE_VIEWS)):
                        context = browser.new_context(viewport=viewport)
                        page = context.new_page()
                        for name, path in shots.items():
                            target = args.out / f"{name}.png"
                            shoot(page, url + path, target)
                            print(f"wrote {target.relative_to(PROJECT) if target.is_relative_to(PROJECT) else target}")
                        context.close()
                    browser.close()
            finally:
                stop_process(process)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
