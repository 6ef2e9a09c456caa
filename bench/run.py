"""Side-by-side measurements of the dashboard and the reference page, in headless Chromium, written as a report.

    python -m bench            # full run (about 5 repeats each), writes bench/RESULTS.md
    python -m bench --quick    # smoke run: 1 repeat, corpora up to 100 briefs, report to a temp folder

What is measured (each app figure beside a reference figure taken in the same run, medians of alternating runs):

a) fresh visitor render: a new browser context opens a page; the time from navigation start until the script has
   finished, no skeleton is left and every Plotly chart has drawn its SVG;
b) warm rerun: in that loaded page, choosing an option of the sidebar "Issues" multiselect; the time from the
   pointer press until the script has run (seen as state "running", or a changed URL) and the page has settled;
c) server memory per extra session: RSS of the server process after one session and after K more kept open;
d) scaling: the data layer's cold load in a fresh interpreter for synthetic corpora of 1 to 1,000 briefs, and the
   warm rerun of /matrix and /timeline with the largest corpus against the smallest (and a 100-brief control).

Times in the browser are taken with the page's own clock (performance.now()), so Playwright's round trips are not
counted. Every server runs in its own process on a free loopback port and is stopped at the end, also on error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.phases import LOAD_SAMPLES, Results, log, phase_cold_load, phase_memory, phase_pages, phase_scaling
from bench.report import code_state, load_averages, machine_description, report
from bench.settings import APP_PAGES, Settings, settings_from
from bench.synthetic import cached_corpus
from scripts.harness import launch_options


def _terminate_on_sigterm() -> None:
    """Turn SIGTERM into an exception, so `finally` blocks stop the servers."""

    def handler(signum, _frame):
        log(f"received {signal.Signals(signum).name}")
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def run(settings: Settings, phases: Callable[[str], bool] = lambda _name: True) -> Results:
    results = Results(
        started=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), machine=machine_description(), settings=settings
    )
    workdir = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    log(f"work folder {workdir} (server logs, caches); report will go to {settings.out}")
    try:
        log("corpora: " + ", ".join(str(n) for n in settings.sizes))
        corpora = {n: cached_corpus(n, settings.seed) for n in settings.sizes}
        if phases("load"):
            phase_cold_load(settings, workdir, corpora, results)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            results.machine["Chromium"] = browser.version
            try:
                if phases("memory"):
                    phase_memory(browser, settings, workdir, results)
                if phases("pages"):
                    phase_pages(browser, settings, workdir, results)
                if phases("scaling"):
                    phase_scaling(browser, settings, workdir, corpora, results)
            finally:
                browser.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        results.machine["Load average at end (1, 5, 15 min)"] = load_averages()
        if LOAD_SAMPLES:
            results.machine["1-minute load average during the run"] = (
                f"median {statistics.median(LOAD_SAMPLES):.1f}, highest {max(LOAD_SAMPLES):.1f} ({len(LOAD_SAMPLES)} samples)"
            )
        results.machine["Code at end"] = code_state()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 repeat, corpora up to 100 briefs")
    parser.add_argument("--out", type=Path, help="report file (default: bench/RESULTS.md; with --quick a temp file)")
    parser.add_argument("--repeats", type=int, help="fresh visits per page (default 5; 1 with --quick)")
    parser.add_argument("--sessions", type=int, help="extra sessions for the memory measurement (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="synthetic corpus seed")
    parser.add_argument("--load-timeout", type=float, default=600, help="seconds allowed for one cold load")
    parser.add_argument(
        "--page",
        action="append",
        choices=APP_PAGES,
        help="measure only these app pages in the pages phase (repeatable; default: every page)",
    )
    parser.add_argument(
        "--only", action="append", choices=("load", "memory", "pages", "scaling"), help="run only these phases (repeatable)"
    )
    args = parser.parse_args(argv)
    settings = settings_from(args)
    _terminate_on_sigterm()
    started = time.monotonic()
    try:
        results = run(settings, (lambda name: name in args.only) if args.only else (lambda _name: True))
    except KeyboardInterrupt:
        log("interrupted; servers stopped, no report written")
        return 130
    text = report(results)
    settings.out.parent.mkdir(parents=True, exist_ok=True)
    settings.out.write_text(text, encoding="utf-8")
    log(f"done in {(time.monotonic() - started) / 60:.1f} min; wrote {settings.out}")
    return 0
