"""Many viewers at once: concurrent headless Chromium sessions against a running dashboard, and a memory check.

Load: `sessions` virtual viewers, each in its own browser context (own cookies, own Streamlit session), spread over
one or a few Chromium processes. Each viewer loops until the time is up: it opens a page by its address with a
random filter (a new Streamlit session), then works inside that session for a few steps: follows a sidebar page
link (the filter goes along), picks an issue in the sidebar "Issues" multiselect, or presses "Clear filters".

A *render* counts as done when the page script has finished (``data-test-script-state=notRunning``), the websocket
is connected, the expected page title is shown, no skeleton placeholder is left and every plotly chart has drawn its
SVG. It fails if that does not happen within the render timeout, or if the page then shows an exception box or
raises an uncaught page error. Latency is measured from the start of the step (navigation or click) to done.

Memory: the server's resident set size (VmRSS in /proc/<pid>/status) at a baseline taken after a warm-up, and
again after many sessions have been opened and closed in waves and the server has had time to drop them. Streamlit
keeps a closed session for ``server.disconnectedSessionTTL`` seconds (120 by default), in case its browser
reconnects; the check therefore waits that long, then opens and closes one more session (which reaps the expired
ones) before each measurement, so baseline and final figure are taken in the same state.

    python scripts/loadtest.py --url http://127.0.0.1:8501 --sessions 30 --duration 30
    python scripts/loadtest.py --url http://127.0.0.1:8501 --pid 12345 --churn 300 --wave 10
    python scripts/loadtest.py --serve --sessions 30 --duration 30 --churn 300     # starts its own server

Everything is bounded: the load stops starting new steps after ``duration`` seconds, every step is bounded by the
render timeout, and the churn opens exactly ``churn`` sessions. Exit status 1 if any render failed or the memory
did not come back within the tolerance.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import yaml
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}
RENDER_TIMEOUT_S = 90.0
SESSIONS_PER_BROWSER = 16
STARTUP_TIMEOUT_S = 60
DEFAULT_SESSION_TTL_S = 120  # Streamlit's server.disconnectedSessionTTL

# path under the base URL -> the title the page shows as its h1
PAGES: dict[str, str] = {
    "/": "Overview",
    "/matrix": "Position matrix",
    "/timeline": "Timeline",
    "/regional": "Poland & Baltic states",
    "/sources": "Source viewer",
    "/negotiation": "Negotiation space",
}


RENDERED_JS = """(title) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return h1 !== null && (!title || h1.textContent.trim() === title);
}"""
FILTER_CLEARED_JS = """() => {
  const q = new URLSearchParams(window.location.search);
  return !q.has('issue') && !q.has('party') && !q.has('brief');
}"""
ISSUE_IN_URL_JS = """(issue) => new URLSearchParams(window.location.search).getAll('issue').includes(issue)"""


# --------------------------------------------------------------------------------------------------- data to pick from


@dataclass(frozen=True)
class Vocabulary:
    """The ids a viewer picks filters from: the project's taxonomy and brief ids."""

    issues: dict[str, str]
    parties: dict[str, str]
    briefs: tuple[str, ...]

    @classmethod
    def from_project(cls, root: Path = PROJECT) -> Vocabulary:
        taxonomy = yaml.safe_load((root / "data" / "taxonomy.yaml").read_text(encoding="utf-8"))
        briefs = []
        for path in sorted((root / "data" / "briefs").glob("*.yaml")):
            try:
                brief_id = yaml.safe_load(path.read_text(encoding="utf-8")).get("id")
            except (yaml.YAMLError, AttributeError):
                continue
            if isinstance(brief_id, str):
                briefs.append(brief_id)
        return cls(issues={i["id"]: i["label"] for i in taxonomy["issues"]},
                   parties={p["id"]: p["name"] for p in taxonomy["parties"]},
                   briefs=tuple(briefs))

    def random_link(self, rng: random.Random) -> tuple[str, str]:
        """A page path with a random filter (sometimes none), and the title that page shows."""
        path = rng.choice(list(PAGES))
        params: list[tuple[str, str]] = []
        roll = rng.random()
        if roll < 0.8:
            params += [("issue", i) for i in rng.sample(list(self.issues), rng.choice((0, 1, 1, 2, 3)))]
        if rng.random() < 0.5:
            params += [("party", p) for p in rng.sample(list(self.parties), rng.choice((1, 1, 2)))]
        if self.briefs and rng.random() < 0.2:
            params.append(("brief", rng.choice(self.briefs)))
        if path == "/timeline" and rng.random() < 0.3:
            params.append(("zoom", "late-jan-2026"))
        if path == "/matrix" and rng.random() < 0.3:
            params.append(("cell", f"{rng.choice(list(self.parties))}:{rng.choice(list(self.issues))}"))
        query = f"?{urlencode(params)}" if params else ""
        return path + query, PAGES[path]


# ------------------------------------------------------------------------------------------------------------ results


@dataclass
class Render:
    """One step of one viewer: what it did, when (monotonic clock), how long it took, and whether it rendered."""

    viewer: int
    kind: str  # open | link | issue | clear
    target: str
    started: float
    seconds: float
    ok: bool
    error: str = ""


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


@dataclass
class LoadReport:
    base_url: str
    viewers: int
    browsers: int
    duration_s: float
    wall_s: float = 0.0
    renders: list[Render] = field(default_factory=list)

    @property
    def failed(self) -> list[Render]:
        return [r for r in self.renders if not r.ok]

    @property
    def sessions_opened(self) -> int:
        return sum(1 for r in self.renders if r.kind == "open")

    def latencies(self) -> list[float]:
        return [r.seconds for r in self.renders if r.ok]

    def summary(self) -> dict[str, object]:
        latencies = self.latencies()
        kinds: dict[str, int] = {}
        for r in self.renders:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        return {
            "base_url": self.base_url,
            "concurrent_viewers": self.viewers,
            "browsers": self.browsers,
            "duration_s": self.duration_s,
            "wall_s": round(self.wall_s, 1),
            "sessions_opened": self.sessions_opened,
            "renders": len(self.renders),
            "renders_by_kind": kinds,
            "failed_renders": len(self.failed),
            "p50_s": round(statistics.median(latencies), 2) if latencies else None,
            "p95_s": round(percentile(latencies, 95), 2) if latencies else None,
            "max_s": round(max(latencies), 2) if latencies else None,
            "failures": [asdict(r) for r in self.failed[:20]],
        }


@dataclass
class MemoryReport:
    pid: int
    warmup_sessions: int
    churn_sessions: int
    wave: int
    session_ttl_s: float
    baseline_kib: int = 0
    peak_kib: int = 0
    after_close_kib: int = 0
    final_kib: int = 0
    churn: LoadReport | None = None

    @property
    def delta_pct(self) -> float:
        return 100.0 * (self.final_kib - self.baseline_kib) / self.baseline_kib if self.baseline_kib else 0.0

    def summary(self) -> dict[str, object]:
        churn = self.churn.summary() if self.churn else {}
        return {
            "pid": self.pid,
            "warmup_sessions": self.warmup_sessions,
            "churn_sessions": self.churn_sessions,
            "wave": self.wave,
            "session_ttl_s": self.session_ttl_s,
            "baseline_mib": round(self.baseline_kib / 1024, 1),
            "peak_mib": round(self.peak_kib / 1024, 1),
            "after_close_mib": round(self.after_close_kib / 1024, 1),
            "final_mib": round(self.final_kib / 1024, 1),
            "delta_pct": round(self.delta_pct, 1),
            "churn_failed_renders": churn.get("failed_renders"),
            "churn_p50_s": churn.get("p50_s"),
            "churn_p95_s": churn.get("p95_s"),
            "churn_wall_s": churn.get("wall_s"),
        }


def rss_kib(pid: int) -> int:
    """Resident set size of a process, from /proc/<pid>/status (VmRSS, in KiB)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, flags=re.MULTILINE)
    if not match:
        raise RuntimeError(f"no VmRSS for pid {pid}")
    return int(match.group(1))


# ------------------------------------------------------------------------------------------------------------ viewers


class Viewer:
    """One simulated viewer: a browser context with one page at a time."""

    def __init__(self, number: int, browser: Browser, base_url: str, vocabulary: Vocabulary, rng: random.Random,
                 record: Callable[[Render], None], render_timeout_s: float) -> None:
        self.number = number
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.vocabulary = vocabulary
        self.rng = rng
        self.record = record
        self.timeout_ms = render_timeout_s * 1000
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self.page_errors: list[str] = []
        self.title = ""

    async def start(self) -> None:
        self.context = await self.browser.new_context(viewport=VIEWPORT)
        self.context.set_default_timeout(self.timeout_ms)

    async def close(self) -> None:
        if self.context is not None:
            try:
                await self.context.close()
            except Exception:  # noqa: S110 - the browser may already be gone at shutdown
                pass
            self.context = None
            self.page = None

    async def _new_page(self) -> Page:
        assert self.context is not None
        if self.page is not None:
            await self.page.close()
        self.page_errors = []
        page = await self.context.new_page()
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page = page
        return page

    async def _step(self, kind: str, target: str, action: Callable[[], object], title: str,
                    extra_wait: tuple[str, object] | None = None) -> bool:
        """Run one action and wait until the page has rendered; record the outcome."""
        started = time.monotonic()
        ok, error = True, ""
        try:
            await action()  # type: ignore[misc]
            assert self.page is not None
            if extra_wait is not None:
                await self.page.wait_for_function(extra_wait[0], arg=extra_wait[1], timeout=self.timeout_ms)
            await self.page.wait_for_function(RENDERED_JS, arg=title, timeout=self.timeout_ms)
            exceptions = await self.page.locator("[data-testid=stException]").all_inner_texts()
            if exceptions:
                ok, error = False, "exception box: " + " | ".join(e[:200] for e in exceptions)
            elif self.page_errors:
                ok, error = False, "page error: " + " | ".join(self.page_errors[:3])
        except Exception as exc:  # a timeout, a closed page, a navigation error: all count as failed renders
            ok, error = False, f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
        self.title = title
        self.record(Render(self.number, kind, target, started, time.monotonic() - started, ok, error))
        return ok

    async def open(self, link: str | None = None) -> bool:
        """A new Streamlit session on a page opened by its address."""
        link, title = (link, PAGES[link.split("?")[0]]) if link else self.vocabulary.random_link(self.rng)
        page = await self._new_page()
        return await self._step("open", link, lambda: page.goto(self.base_url + link, timeout=self.timeout_ms), title)

    async def follow_sidebar_link(self) -> bool:
        assert self.page is not None
        title = self.rng.choice([t for t in PAGES.values() if t != self.title])
        link = (self.page.locator("[data-testid=stSidebar] a")
                .filter(has=self.page.get_by_text(title, exact=True)).first)
        return await self._step("link", title, lambda: link.click(timeout=self.timeout_ms), title)

    async def pick_issue(self) -> bool:
        assert self.page is not None
        page = self.page
        issue = self.rng.choice(list(self.vocabulary.issues))
        label = self.vocabulary.issues[issue]
        widget = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(has_text="Issues")

        async def choose() -> None:
            await widget.locator("input").click(timeout=self.timeout_ms)
            await widget.locator("input").fill(label)
            await page.get_by_role("option", name=label, exact=True).click(timeout=self.timeout_ms)
            await page.keyboard.press("Escape")

        already = issue in await page.evaluate("() => new URLSearchParams(window.location.search).getAll('issue')")
        if already:
            return await self.follow_sidebar_link()
        return await self._step("issue", issue, choose, self.title, extra_wait=(ISSUE_IN_URL_JS, issue))

    async def clear_filters(self) -> bool:
        assert self.page is not None
        button = self.page.locator("[data-testid=stSidebar] button").filter(has_text="Clear filters")
        if await button.is_disabled():
            return await self.follow_sidebar_link()
        return await self._step("clear", "", lambda: button.click(timeout=self.timeout_ms), self.title,
                                extra_wait=(FILTER_CLEARED_JS, None))

    async def browse(self, deadline: float) -> None:
        """Open a page, work in its session for a few steps, repeat until the deadline."""
        while time.monotonic() < deadline:
            if not await self.open():
                continue
            for _ in range(self.rng.randint(1, 3)):
                if time.monotonic() >= deadline:
                    break
                step = self.rng.choices((self.follow_sidebar_link, self.pick_issue, self.clear_filters), (5, 3, 2))[0]
                if not await step():
                    break


# ------------------------------------------------------------------------------------------------------------ runners


async def _launch(playwright, count: int) -> list[Browser]:
    return [await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(count)]


async def run_load(base_url: str, *, sessions: int = 30, duration_s: float = 30.0, browsers: int | None = None,
                   seed: int = 1, render_timeout_s: float = RENDER_TIMEOUT_S, ramp_s: float = 5.0,
                   on_render: Callable[[Render], None] | None = None) -> LoadReport:
    """`sessions` concurrent viewers browsing for `duration_s` seconds (then each finishes its current step)."""
    browsers = browsers or max(1, -(-sessions // SESSIONS_PER_BROWSER))
    report = LoadReport(base_url, sessions, browsers, duration_s)
    vocabulary = Vocabulary.from_project()

    def record(render: Render) -> None:
        report.renders.append(render)
        if on_render:
            on_render(render)

    started = time.monotonic()
    async with async_playwright() as playwright:
        launched = await _launch(playwright, browsers)
        viewers = [Viewer(n, launched[n % browsers], base_url, vocabulary, random.Random(seed * 1000 + n), record,
                          render_timeout_s) for n in range(sessions)]
        try:
            await asyncio.gather(*(v.start() for v in viewers))
            deadline = time.monotonic() + duration_s

            async def run(viewer: Viewer) -> None:
                await asyncio.sleep(ramp_s * viewer.number / max(1, sessions))  # staggered arrival
                await viewer.browse(deadline)

            await asyncio.gather(*(run(v) for v in viewers))
        finally:
            await asyncio.gather(*(v.close() for v in viewers), return_exceptions=True)
            for browser in launched:
                await browser.close()
    report.wall_s = time.monotonic() - started
    return report


async def run_churn(base_url: str, *, total: int = 300, wave: int = 10, browsers: int = 1, seed: int = 2,
                    render_timeout_s: float = RENDER_TIMEOUT_S, on_wave: Callable[[int], None] | None = None,
                    links: Sequence[str] | None = None) -> LoadReport:
    """`total` sessions opened and closed in waves of `wave` at once: each opens a page, renders it, then closes its
    browser context (the websocket closes, so Streamlit disconnects the session)."""
    report = LoadReport(base_url, wave, browsers, 0.0)
    vocabulary = Vocabulary.from_project()
    rng = random.Random(seed)
    started = time.monotonic()
    async with async_playwright() as playwright:
        launched = await _launch(playwright, browsers)
        try:
            opened = 0
            while opened < total:
                size = min(wave, total - opened)
                viewers = [Viewer(opened + n, launched[n % browsers], base_url, vocabulary, random.Random(rng.random()),
                                  report.renders.append, render_timeout_s) for n in range(size)]

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


def warmup_links(vocabulary: Vocabulary | None = None) -> list[str]:
    """Every page, unfiltered and with one issue: enough to fill the data and figure caches."""
    vocabulary = vocabulary or Vocabulary.from_project()
    first_issue = next(iter(vocabulary.issues))
    return [*PAGES, *(f"{path}?issue={first_issue}" for path in PAGES)]


async def run_memory_check(base_url: str, pid: int, *, total: int = 300, wave: int = 10, warmup: int | None = None,
                           session_ttl_s: float = DEFAULT_SESSION_TTL_S, settle_s: float = 5.0,
                           log: Callable[[str], None] = print) -> MemoryReport:
    """Baseline RSS after a warm-up, RSS after `total` sessions opened and closed, each once Streamlit has dropped
    the closed sessions (see the module docstring)."""
    links = warmup_links()
    warm = warmup if warmup is not None else len(links)
    report = MemoryReport(pid, warm, total, wave, session_ttl_s)

    async def quiesce(label: str) -> int:
        log(f"{label}: waiting {session_ttl_s + 2:.0f} s for closed sessions to expire")
        await asyncio.sleep(session_ttl_s + 2)
        await run_churn(base_url, total=1, wave=1, links=["/"])  # its disconnect reaps the expired sessions
        await asyncio.sleep(settle_s)
        value = rss_kib(pid)
        log(f"{label}: RSS {value / 1024:.1f} MiB")
        return value

    log(f"warm-up: {warm} sessions")
    warm_report = await run_churn(base_url, total=warm, wave=min(wave, warm), links=links)
    if warm_report.failed:
        raise RuntimeError(f"warm-up renders failed: {warm_report.summary()['failures']}")
    report.baseline_kib = await quiesce("baseline")

    peak = [report.baseline_kib]

    def sample(opened: int) -> None:
        peak.append(rss_kib(pid))
        if opened % (wave * 5) == 0 or opened == total:
            log(f"churn: {opened}/{total} sessions, RSS {peak[-1] / 1024:.1f} MiB")

    report.churn = await run_churn(base_url, total=total, wave=wave, on_wave=sample, seed=3)
    report.peak_kib = max(peak)
    await asyncio.sleep(settle_s)
    report.after_close_kib = rss_kib(pid)
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


# ---------------------------------------------------------------------------------------------------- own server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, log_path: Path, *, base_path: str = "", extra: Sequence[str] = (),
                 env: dict[str, str] | None = None) -> subprocess.Popen:
    """`streamlit run app.py` on 127.0.0.1:port, on the project's own data; returns once it answers its health check."""
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *extra]
    if base_path:
        command.append(f"--server.baseUrlPath={base_path}")
    child_env = {key: value for key, value in (env or os.environ).items() if key != "BRIEFING_ROOT"}
    child_env["PYTHONUNBUFFERED"] = "1"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=PROJECT, env=child_env, stdout=log, stderr=subprocess.STDOUT)
    prefix = f"/{base_path.strip('/')}" if base_path else ""
    health = f"http://127.0.0.1:{port}{prefix}/_stcore/health"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(health, timeout=2) as response:  # noqa: S310 - a local http URL we built
                if response.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    process.kill()
    raise RuntimeError(f"streamlit did not answer {health} within {STARTUP_TIMEOUT_S} s")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


# ---------------------------------------------------------------------------------------------------------- command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running dashboard, e.g. http://127.0.0.1:8501")
    target.add_argument("--serve", action="store_true", help="start `streamlit run app.py` on a free port for the run")
    parser.add_argument("--sessions", type=int, default=30, help="concurrent viewers (default 30)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30; 0 skips the load)")
    parser.add_argument("--browsers", type=int, default=None, help=f"Chromium processes (default: one per {SESSIONS_PER_BROWSER})")
    parser.add_argument("--timeout", type=float, default=RENDER_TIMEOUT_S, help="seconds a render may take before it fails")
    parser.add_argument("--churn", type=int, default=0, help="sessions to open and close for the memory check (0: none)")
    parser.add_argument("--wave", type=int, default=10, help="sessions open at once during the churn")
    parser.add_argument("--pid", type=int, help="pid of the streamlit process (with --url and --churn)")
    parser.add_argument("--session-ttl", type=float, default=DEFAULT_SESSION_TTL_S,
                        help="the server's server.disconnectedSessionTTL, waited for before each memory reading")
    parser.add_argument("--tolerance", type=float, default=10.0, help="allowed memory growth in percent (default 10)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    if args.churn and args.url and not args.pid:
        parser.error("--churn against --url needs --pid of the streamlit process")

    process = None
    url, pid = args.url, args.pid
    if args.serve:
        port = free_port()
        log_path = Path(tempfile.mkdtemp(prefix="loadtest-")) / "server.log"
        extra = ["--server.disconnectedSessionTTL", str(int(args.session_ttl))]
        process = start_server(port, log_path, extra=extra)
        url, pid = f"http://127.0.0.1:{port}", process.pid
        print(f"server on {url} (pid {pid}, log {log_path})", flush=True)

    results: dict[str, object] = {}
    failed = False
    try:
        if args.duration > 0:
            report = load(url, sessions=args.sessions, duration_s=args.duration, browsers=args.browsers,
                          render_timeout_s=args.timeout)
            results["load"] = report.summary()
            print(json.dumps(results["load"], indent=2), flush=True)
            failed |= bool(report.failed)
        if args.churn:
            memory = memory_check(url, pid, total=args.churn, wave=args.wave, session_ttl_s=args.session_ttl,
                                  log=lambda line: print(line, flush=True))
            results["memory"] = memory.summary()
            print(json.dumps(results["memory"], indent=2), flush=True)
            failed |= bool(memory.churn and memory.churn.failed) or memory.delta_pct > args.tolerance
    finally:
        if process is not None:
            stop_server(process)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
