"""Load runs and the memory check: viewers started, run together and closed; synchronous entry points for tests."""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence

from playwright.async_api import Browser, async_playwright

from scripts.harness import cpu_seconds, launch_options, rss_bytes, wait_until_idle
from scripts.loadtest.reports import LoadReport, MemoryReport, Render
from scripts.loadtest.viewers import BrowserViewer, SocketViewer, Viewer
from scripts.loadtest.vocabulary import PAGES, Vocabulary

RENDER_TIMEOUT_S = 120.0
SESSIONS_PER_BROWSER = 16
DEFAULT_SESSION_TTL_S = 120  # Streamlit's server.disconnectedSessionTTL


def active_sessions(base_url: str) -> int | None:
    """Sessions with an open websocket on one server, from Streamlit's /_stcore/metrics; None if it does not answer."""
    try:
        with urllib.request.urlopen(
            f"{base_url.rstrip('/')}/_stcore/metrics?families=active_sessions",  # noqa: S310
            timeout=10,
        ) as response:
            text = response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None
    match = re.search(r"^active_sessions(?:\{[^}]*\})?\s+(\d+)", text, flags=re.MULTILINE)
    return int(match.group(1)) if match else None


async def _launch(playwright, count: int) -> list[Browser]:
    return [await playwright.chromium.launch(**launch_options()) for _ in range(count)]


def _make_viewer(n: int, use_browser: bool, browsers: list[Browser], *args) -> Viewer:
    if use_browser:
        return BrowserViewer(n, browsers[n % len(browsers)], *args)
    return SocketViewer(n, *args)


async def run_load(
    base_url: str,
    *,
    sessions: int = 30,
    browser_sessions: int = 4,
    duration_s: float = 30.0,
    seed: int = 1,
    render_timeout_s: float = RENDER_TIMEOUT_S,
    ramp_s: float | None = None,
    think_s: tuple[float, float] = (2.0, 6.0),
    metrics_urls: Sequence[str] | None = None,
    server_pids: Sequence[int] = (),
    on_render: Callable[[Render], None] | None = None,
) -> LoadReport:
    """`sessions` concurrent viewers, `browser_sessions` of them in Chromium, browsing for `duration_s` seconds (then
    each finishes its current step).

    Viewers arrive evenly over `ramp_s` seconds (default: a third of the run), browser viewers spread among them,
    and pause `think_s` seconds between steps. The peak number of open sessions is read from the servers'
    /_stcore/metrics (`metrics_urls`, default the base URL); the CPU time the `server_pids` used is reported.
    """
    browser_sessions = min(browser_sessions, sessions)
    ramp_s = duration_s / 3 if ramp_s is None else ramp_s
    report = LoadReport(base_url, sessions, browser_sessions, duration_s)
    vocabulary = Vocabulary.from_project()
    metrics_urls = list(metrics_urls or [base_url])
    every = sessions / browser_sessions if browser_sessions else 0
    chosen = {int(i * every) for i in range(browser_sessions)}

    def record(render: Render) -> None:
        report.renders.append(render)
        if on_render:
            on_render(render)

    async def watch_sessions(stop: asyncio.Event) -> None:
        while not stop.is_set():
            counts = await asyncio.gather(*(asyncio.to_thread(active_sessions, url) for url in metrics_urls))
            report.peak_sessions = max(report.peak_sessions, sum(c or 0 for c in counts))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 2.0)

    def server_cpu() -> float:
        total = 0.0
        for pid in server_pids:
            with contextlib.suppress(OSError):
                total += cpu_seconds(pid)
        return total

    started = time.monotonic()
    cpu_before = server_cpu()
    async with async_playwright() as playwright:
        launched = await _launch(playwright, max(1, -(-browser_sessions // SESSIONS_PER_BROWSER))) if chosen else []
        viewers = [
            _make_viewer(n, n in chosen, launched, base_url, vocabulary, random.Random(seed * 1000 + n), record, render_timeout_s)
            for n in range(sessions)
        ]
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_sessions(stop))
        try:
            await asyncio.gather(*(v.start() for v in viewers))
            deadline = time.monotonic() + duration_s

            async def run(viewer: Viewer) -> None:
                await asyncio.sleep(ramp_s * viewer.number / max(1, sessions))  # staggered arrival
                await viewer.browse(deadline, think_s)

            await asyncio.gather(*(run(v) for v in viewers))
        finally:
            stop.set()
            await watcher
            await asyncio.gather(*(v.close() for v in viewers), return_exceptions=True)
            for browser in launched:
                await browser.close()
    report.wall_s = time.monotonic() - started
    if server_pids:
        report.server_cpu_s = server_cpu() - cpu_before
    return report


async def run_churn(
    base_url: str,
    *,
    total: int = 300,
    wave: int = 10,
    browser_every: int = 5,
    seed: int = 2,
    render_timeout_s: float = RENDER_TIMEOUT_S,
    on_wave: Callable[[int], None] | None = None,
    links: Sequence[str] | None = None,
) -> LoadReport:
    """`total` sessions opened and closed in waves of `wave` at once: each opens a page, renders it, then closes (a
    browser context, or a websocket), so Streamlit disconnects the session. Every `browser_every`-th session is a
    browser viewer (0: none), the others socket viewers."""
    report = LoadReport(base_url, wave, 0, 0.0)
    vocabulary = Vocabulary.from_project()
    rng = random.Random(seed)
    started = time.monotonic()
    uses_browser = [bool(browser_every) and n % browser_every == 0 for n in range(total)]
    report.browser_viewers = sum(uses_browser)
    async with async_playwright() as playwright:
        launched = await _launch(playwright, 1) if any(uses_browser) else []
        try:
            opened = 0
            while opened < total:
                size = min(wave, total - opened)
                viewers = [
                    _make_viewer(
                        opened + n,
                        uses_browser[opened + n],
                        launched,
                        base_url,
                        vocabulary,
                        random.Random(rng.random()),
                        report.renders.append,
                        render_timeout_s,
                    )
                    for n in range(size)
                ]

                async def one(viewer: Viewer, link: str | None) -> None:
                    try:
                        await viewer.start()
                        await viewer.open(link)
                    finally:
                        await viewer.close()

                chosen = [links[(opened + n) % len(links)] if links else None for n in range(size)]
                await asyncio.gather(*(one(v, link) for v, link in zip(viewers, chosen, strict=True)))
                opened += size
                if on_wave:
                    on_wave(opened)
        finally:
            for browser in launched:
                await browser.close()
    report.wall_s = time.monotonic() - started
    return report


def churn_links(vocabulary: Vocabulary | None = None) -> list[str]:
    """The links the memory check cycles through: every page unfiltered, by one issue, by one party, by both, and by
    one brief. The warm-up opens each once, so the shared per-filter caches are full before the baseline."""
    vocabulary = vocabulary or Vocabulary.from_project()
    issue, party = next(iter(vocabulary.issues)), next(iter(vocabulary.parties))
    filters = ["", f"?issue={issue}", f"?party={party}", f"?issue={issue}&party={party}"]
    if vocabulary.briefs:
        filters.append(f"?brief={vocabulary.briefs[0]}")
    return [path + query for query in filters for path in PAGES]


async def run_memory_check(
    base_url: str,
    pid: int,
    *,
    total: int = 300,
    wave: int = 10,
    browser_every: int = 10,
    session_ttl_s: float = DEFAULT_SESSION_TTL_S,
    settle_s: float = 30.0,
    render_timeout_s: float = RENDER_TIMEOUT_S,
    log: Callable[[str], None] = print,
) -> MemoryReport:
    """Baseline RSS after a warm-up, RSS after `total` sessions opened and closed, each taken once Streamlit has
    dropped the closed sessions (see scripts/loadtest); each reading waits until the server is idle, at most
    `settle_s` seconds."""
    links = churn_links()
    report = MemoryReport(pid, len(links), total, wave, session_ttl_s)

    async def settled_rss() -> int:
        await asyncio.to_thread(wait_until_idle, pid, window_s=1.0, timeout_s=settle_s)
        return rss_bytes(pid) // 1024

    async def quiesce(label: str) -> int:
        # Streamlit's own timer: a closed session is dropped once its TTL has passed, and nothing outside the server
        # shows when that happens, so the wait is the TTL itself
        log(f"{label}: waiting {session_ttl_s + 2:.0f} s for the closed sessions to expire")
        await asyncio.sleep(session_ttl_s + 2)
        await run_churn(base_url, total=1, wave=1, browser_every=0, links=["/"])  # its disconnect reaps the expired
        value = await settled_rss()
        log(f"{label}: RSS {value / 1024:.1f} MiB, open sessions {active_sessions(base_url)}")
        return value

    log(f"warm-up: {len(links)} sessions, one per link, every fifth in a browser")
    warm = await run_churn(
        base_url, total=len(links), wave=min(wave, len(links)), browser_every=5, links=links, render_timeout_s=render_timeout_s
    )
    if warm.failed:
        raise RuntimeError(f"warm-up renders failed: {warm.summary()['failures']}")
    report.baseline_kib = await quiesce("baseline")

    peak = [report.baseline_kib]

    def sample(opened: int) -> None:
        peak.append(rss_bytes(pid) // 1024)
        if opened % (wave * 5) == 0 or opened == total:
            log(f"churn: {opened}/{total} sessions, RSS {peak[-1] / 1024:.1f} MiB")

    report.churn = await run_churn(base_url, total=total, wave=wave, browser_every=browser_every, on_wave=sample, links=links)
    report.peak_kib = max(peak)
    report.after_close_kib = await settled_rss()
    log(f"all closed: RSS {report.after_close_kib / 1024:.1f} MiB")
    report.final_kib = await quiesce("final")
    return report


# ------------------------------------------------------------------------------------------ synchronous entry points


class Background:
    """A coroutine run to completion on its own thread and event loop (the caller's thread may use sync Playwright)."""

    def __init__(self, coroutine) -> None:
        self._coroutine = coroutine
        self._result: object = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="loadtest", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = asyncio.run(self._coroutine)
        except BaseException as exc:  # handed to the caller in result()
            self._error = exc

    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self, timeout: float | None = None):
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError("the load test did not finish in time")
        if self._error is not None:
            raise self._error
        return self._result


def load(base_url: str, **options) -> LoadReport:
    """`run_load` from synchronous code (on a thread of its own, so it can run beside sync Playwright)."""
    return Background(run_load(base_url, **options)).result()


def memory_check(base_url: str, pid: int, **options) -> MemoryReport:
    """`run_memory_check` from synchronous code."""
    return Background(run_memory_check(base_url, pid, **options)).result()
