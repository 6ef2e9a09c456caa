"""Many viewers at once against a running dashboard, and a check that the server's memory comes back afterwards.

Two kinds of simulated viewer, mixed in one run:

- *Browser viewers*: headless Chromium (one browser context each, so their own cookies and their own Streamlit
  session), spread over one or a few Chromium processes. A browser render counts as done when the page script has
  finished (``data-test-script-state=notRunning``), the websocket is connected, the page shows its expected title, no
  skeleton placeholder is left and every plotly chart has drawn its SVG; it fails if that does not happen within the
  render timeout, or if the page then shows an exception box or raises an uncaught page error. Their steps: open a
  page by its address with a random filter (a new session), follow a sidebar page link (the filter goes along), pick
  an issue in the sidebar "Issues" multiselect, press "Clear filters".
- *Socket viewers*: Streamlit's own websocket protocol (/_stcore/stream, protobuf messages), as the browser's
  frontend speaks it, without drawing anything. A socket render counts as done when the server reports the script
  run finished successfully, with the expected page title among the elements and no exception element. Their steps:
  open a page with a random filter (a new session), then move to other pages in the same session, carrying the
  filter as the sidebar links do. If the connection drops, they reconnect and ask for the page again, as the
  frontend does.

Both put the same work on the server: a session per viewer, a script run per step. A browser also spends several
CPU-seconds per page drawing it (React, plotly), which on a small test machine would starve the server it shares
the CPU with; socket viewers let one machine hold many sessions while a few browser viewers check full renders.

Each viewer arrives in turn over the ramp-up, pauses between steps ("reading"), and keeps its last page open until
the run ends, so at the end every viewer's session is open at once; the peak number of open sessions is read from
Streamlit's /_stcore/metrics. Latency is measured from the start of a step (navigation, click or message) to done.

Memory: the server's resident set size (VmRSS in /proc/<pid>/status) at a baseline taken after a warm-up, and
again after many sessions have been opened and closed in waves and the server has had time to drop them. Streamlit
keeps a closed session for ``server.disconnectedSessionTTL`` seconds (120 by default), in case its browser
reconnects; the check therefore waits that long, then opens and closes one more session (which reaps the expired
ones) before each measurement, so baseline and final figure are taken in the same state.

    python -m scripts.loadtest --url http://127.0.0.1:8501 --sessions 30 --browser-sessions 4 --duration 30
    python -m scripts.loadtest --url http://127.0.0.1:8501 --pid 12345 --duration 0 --churn 300 --wave 10
    python -m scripts.loadtest --serve --sessions 30 --duration 30 --churn 300     # starts its own server

Everything is bounded: no step starts after ``duration`` seconds, every step is bounded by the render timeout, and
the churn opens exactly ``churn`` sessions. Exit status 1 if any render failed or the memory did not come back
within the tolerance.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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
from urllib.parse import parse_qsl, urlencode, urlsplit

import yaml
from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from scripts.harness import CHROMIUM, CHROMIUM_ARGS, SETTLED_BODY, stop_process

PROJECT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1280, "height": 900}
RENDER_TIMEOUT_S = 120.0
SESSIONS_PER_BROWSER = 16
POLL_MS = 200  # how often a browser viewer checks whether its page has rendered (every frame costs CPU at many pages)
RECONNECTS = 5
STARTUP_TIMEOUT_S = 60
DEFAULT_SESSION_TTL_S = 120  # Streamlit's server.disconnectedSessionTTL
FILTER_KEYS = ("issue", "party", "brief")
FINISHED_OK = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")

# path under the base URL -> the title the page shows as its h1 (and the label of its sidebar link)
PAGES: dict[str, str] = {
    "/": "Overview",
    "/matrix": "Position matrix",
    "/timeline": "Timeline",
    "/regional": "Poland & Baltic states",
    "/sources": "Source viewer",
    "/negotiation": "Negotiation space",
}

# settled (scripts.harness) and, when a title is given, showing that page's title
RENDERED_JS = """(title) => {
  const settled = () => {""" + SETTLED_BODY + """};
  if (!settled()) return false;
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return !title || h1.textContent.trim() === title;
}"""
FILTER_CLEARED_JS = """() => {
  const q = new URLSearchParams(window.location.search);
  return !q.has('issue') && !q.has('party') && !q.has('brief');
}"""
STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  return [
    'script=' + (app ? app.getAttribute('data-test-script-state') : 'no app'),
    'connection=' + (app ? app.getAttribute('data-test-connection-state') : '-'),
    'skeletons=' + document.querySelectorAll('[data-testid="stSkeleton"]').length,
    'charts drawn=' + [...charts].filter(c => c.querySelector('.main-svg')).length + '/' + charts.length,
    'title=' + (h1 ? h1.textContent.trim() : '-'),
  ].join(' ');
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

    def random_link(self, rng: random.Random) -> str:
        """A page path with a random filter (sometimes none) and sometimes a view parameter."""
        path = rng.choice(list(PAGES))
        params: list[tuple[str, str]] = []
        if rng.random() < 0.8:
            params += [("issue", i) for i in rng.sample(list(self.issues), rng.choice((0, 1, 1, 2, 3)))]
        if rng.random() < 0.5:
            params += [("party", p) for p in rng.sample(list(self.parties), rng.choice((1, 1, 2)))]
        if self.briefs and rng.random() < 0.2:
            params.append(("brief", rng.choice(self.briefs)))
        if path == "/timeline" and rng.random() < 0.3:
            params.append(("zoom", rng.choice(("brief", "all"))))
        if path == "/matrix" and rng.random() < 0.3:
            params.append(("cell", f"{rng.choice(list(self.parties))}:{rng.choice(list(self.issues))}"))
        return path + (f"?{urlencode(params)}" if params else "")


def title_of(link: str) -> str:
    return PAGES[urlsplit(link).path or "/"]


# ------------------------------------------------------------------------------------------------------------ results


@dataclass
class Render:
    """One step of one viewer: what it did, when (monotonic clock), how long it took, and whether it rendered."""

    viewer: int
    client: str  # browser | socket
    kind: str  # open | link | issue | clear | navigate
    target: str
    started: float
    seconds: float
    ok: bool
    error: str = ""
    reconnects: int = 0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a sequence; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def _figures(renders: Sequence[Render]) -> dict[str, object]:
    latencies = [r.seconds for r in renders if r.ok]
    return {
        "renders": len(renders),
        "failed": sum(not r.ok for r in renders),
        "p50_s": round(statistics.median(latencies), 2) if latencies else None,
        "p95_s": round(percentile(latencies, 95), 2) if latencies else None,
        "max_s": round(max(latencies), 2) if latencies else None,
    }


@dataclass
class LoadReport:
    base_url: str
    viewers: int
    browser_viewers: int
    duration_s: float
    wall_s: float = 0.0
    peak_sessions: int = 0
    server_cpu_s: float | None = None
    renders: list[Render] = field(default_factory=list)

    @property
    def failed(self) -> list[Render]:
        return [r for r in self.renders if not r.ok]

    @property
    def sessions_opened(self) -> int:
        return sum(1 for r in self.renders if r.kind == "open")

    def summary(self) -> dict[str, object]:
        kinds: dict[str, int] = {}
        for r in self.renders:
            kinds[f"{r.client}:{r.kind}"] = kinds.get(f"{r.client}:{r.kind}", 0) + 1
        figures = _figures(self.renders)
        return {
            "base_url": self.base_url,
            "concurrent_viewers": self.viewers,
            "browser_viewers": self.browser_viewers,
            "socket_viewers": self.viewers - self.browser_viewers,
            "duration_s": self.duration_s,
            "wall_s": round(self.wall_s, 1),
            "sessions_opened": self.sessions_opened,
            "peak_open_sessions": self.peak_sessions,
            "renders": figures["renders"],
            "failed_renders": figures["failed"],
            "p50_s": figures["p50_s"],
            "p95_s": figures["p95_s"],
            "max_s": figures["max_s"],
            "browser": _figures([r for r in self.renders if r.client == "browser"]),
            "socket": _figures([r for r in self.renders if r.client == "socket"]),
            "renders_by_kind": kinds,
            "reconnects": sum(r.reconnects for r in self.renders),
            "server_cpu_s": round(self.server_cpu_s, 1) if self.server_cpu_s is not None else None,
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
            "churn_renders": churn.get("renders"),
            "churn_failed_renders": churn.get("failed_renders"),
            "churn_browser": churn.get("browser"),
            "churn_socket": churn.get("socket"),
            "churn_wall_s": churn.get("wall_s"),
        }


def rss_kib(pid: int) -> int:
    """Resident set size of a process, from /proc/<pid>/status (VmRSS, in KiB)."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, flags=re.MULTILINE)
    if not match:
        raise RuntimeError(f"no VmRSS for pid {pid}")
    return int(match.group(1))


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def active_sessions(base_url: str) -> int | None:
    """Sessions with an open websocket on one server, from Streamlit's /_stcore/metrics; None if it does not answer."""
    try:
        with urllib.request.urlopen(f"{base_url.rstrip('/')}/_stcore/metrics?families=active_sessions",  # noqa: S310
                                    timeout=10) as response:
            text = response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None
    match = re.search(r"^active_sessions(?:\{[^}]*\})?\s+(\d+)", text, flags=re.MULTILINE)
    return int(match.group(1)) if match else None


# ------------------------------------------------------------------------------------------------------------ viewers


class Viewer:
    """One simulated viewer; subclasses say how a page is opened and what a step in the session is."""

    client = ""

    def __init__(self, number: int, base_url: str, vocabulary: Vocabulary, rng: random.Random,
                 record: Callable[[Render], None], render_timeout_s: float) -> None:
        self.number = number
        self.base_url = base_url.rstrip("/")
        self.vocabulary = vocabulary
        self.rng = rng
        self.record = record
        self.timeout_s = render_timeout_s
        self.title = ""

    def _record(self, kind: str, target: str, started: float, ok: bool, error: str = "", reconnects: int = 0) -> bool:
        self.record(Render(self.number, self.client, kind, target, started, time.monotonic() - started, ok, error,
                           reconnects))
        return ok

    async def start(self) -> None:
        """Acquire what the viewer needs (a browser context); a socket viewer connects when it opens a page."""

    async def close(self) -> None:
        raise NotImplementedError

    async def open(self, link: str | None = None) -> bool:
        raise NotImplementedError

    async def step(self) -> bool:
        raise NotImplementedError

    async def browse(self, deadline: float, think_s: tuple[float, float]) -> None:
        """Open a page, read it, work in its session for a few steps (reading after each), repeat until the deadline.
        The page of the last step stays open (its session alive) until the run ends."""

        async def think() -> None:
            await asyncio.sleep(min(self.rng.uniform(*think_s), max(0.0, deadline - time.monotonic())))

        while time.monotonic() < deadline:
            if not await self.open():
                continue
            for _ in range(self.rng.randint(1, 3)):
                await think()
                if time.monotonic() >= deadline or not await self.step():
                    break
            await think()


class BrowserViewer(Viewer):
    """A viewer in headless Chromium: a browser context with one page at a time."""

    client = "browser"

    def __init__(self, number: int, browser: Browser, *args) -> None:
        super().__init__(number, *args)
        self.browser = browser
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self.page_errors: list[str] = []

    async def start(self) -> None:
        # reduced motion: Streamlit then skips its CSS animations, which cost each waiting page CPU on every frame
        self.context = await self.browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
        self.context.set_default_timeout(self.timeout_s * 1000)

    async def close(self) -> None:
        if self.context is not None:
            with contextlib.suppress(Exception):  # the browser may already be gone at shutdown
                await self.context.close()
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
        timeout_ms = self.timeout_s * 1000
        ok, error = True, ""
        try:
            await action()  # type: ignore[misc]
            assert self.page is not None
            if extra_wait is not None:
                await self.page.wait_for_function(extra_wait[0], arg=extra_wait[1], timeout=timeout_ms, polling=POLL_MS)
            await self.page.wait_for_function(RENDERED_JS, arg=title, timeout=timeout_ms, polling=POLL_MS)
            exceptions = await self.page.locator("[data-testid=stException]").all_inner_texts()
            if exceptions:
                ok, error = False, "exception box: " + " | ".join(e[:200] for e in exceptions)
            elif self.page_errors:
                ok, error = False, "page error: " + " | ".join(self.page_errors[:3])
        except Exception as exc:  # a timeout, a closed page, a navigation error: all count as failed renders
            ok, error = False, f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
            with contextlib.suppress(Exception):
                error += f" [{await asyncio.wait_for(self.page.evaluate(STATE_JS), 10)}]"
        self.title = title
        return self._record(kind, target, started, ok, error)

    async def open(self, link: str | None = None) -> bool:
        """A new Streamlit session on a page opened by its address."""
        link = link or self.vocabulary.random_link(self.rng)
        page = await self._new_page()
        # "commit": the render check below decides when the page is done, not the load event (fonts, favicon)
        return await self._step("open", link, lambda: page.goto(self.base_url + link, wait_until="commit",
                                                                 timeout=self.timeout_s * 1000), title_of(link))

    async def step(self) -> bool:
        step = self.rng.choices((self.follow_sidebar_link, self.pick_issue, self.clear_filters), (5, 3, 2))[0]
        return await step()

    async def follow_sidebar_link(self) -> bool:
        assert self.page is not None
        title = self.rng.choice([t for t in PAGES.values() if t != self.title])
        link = self.page.locator("[data-testid=stSidebar] a").filter(has=self.page.get_by_text(title, exact=True)).first
        return await self._step("link", title, lambda: link.click(timeout=self.timeout_s * 1000), title)

    async def pick_issue(self) -> bool:
        assert self.page is not None
        page = self.page
        issue = self.rng.choice(list(self.vocabulary.issues))
        label = self.vocabulary.issues[issue]
        widget = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(has_text="Issues")

        async def choose() -> None:
            await widget.locator("input").click(timeout=self.timeout_s * 1000)
            await widget.locator("input").fill(label)
            await page.get_by_role("option", name=label, exact=True).click(timeout=self.timeout_s * 1000)
            await page.keyboard.press("Escape")

        if issue in await page.evaluate("() => new URLSearchParams(window.location.search).getAll('issue')"):
            return await self.follow_sidebar_link()
        return await self._step("issue", issue, choose, self.title, extra_wait=(ISSUE_IN_URL_JS, issue))

    async def clear_filters(self) -> bool:
        assert self.page is not None
        button = self.page.locator("[data-testid=stSidebar] button").filter(has_text="Clear filters")
        if await button.is_disabled():
            return await self.follow_sidebar_link()
        return await self._step("clear", "", lambda: button.click(timeout=self.timeout_s * 1000), self.title,
                                extra_wait=(FILTER_CLEARED_JS, None))


class SocketViewer(Viewer):
    """A viewer speaking Streamlit's websocket protocol: one session per connection, nothing drawn."""

    client = "socket"

    def __init__(self, *args, affinity: str = "") -> None:
        super().__init__(*args)
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.ws_url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        # a load balancer that hashes an affinity cookie (deploy/nginx.conf) spreads socket viewers like browsers
        self.headers = {"Cookie": f"briefing_affinity={affinity or f'socket-{self.number}-{self.rng.getrandbits(32):08x}'}"}
        self.ws: ClientConnection | None = None
        self.query = ""

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
            self.ws = None

    async def _connect(self) -> ClientConnection:
        await self.close()
        self.ws = await connect(self.ws_url, subprotocols=["streamlit"], additional_headers=self.headers,
                                max_size=None, open_timeout=self.timeout_s, ping_interval=None)
        return self.ws

    async def _run(self, page_name: str, query: str, title: str, deadline: float) -> tuple[bool, str]:
        """Ask for a script run of a page and read the server's messages until it has finished."""
        assert self.ws is not None
        message = BackMsg()
        message.rerun_script.page_name = page_name
        message.rerun_script.query_string = query
        await self.ws.send(message.SerializeToString())
        headings: list[str] = []
        errors: list[str] = []
        while True:
            data = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.monotonic()))
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "heading" and element.heading.tag == "h1":
                    headings.append(element.heading.body)
                elif element.WhichOneof("type") == "exception":
                    errors.append(f"exception: {element.exception.type}: {element.exception.message[:200]}")
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "page_not_found":
                errors.append(f"page not found: {forward.page_not_found.page_name}")
            elif kind == "script_finished":
                if forward.script_finished == FINISHED_EARLY:  # a newer run replaced this one; wait for it
                    continue
                if forward.script_finished != FINISHED_OK:
                    errors.append(f"script finished with status {forward.script_finished}")
                elif title not in headings:
                    errors.append(f"title {title!r} not among {headings}")
                return not errors, "; ".join(errors)

    async def _render(self, kind: str, link: str, new_session: bool) -> bool:
        """One step; on a dropped connection, reconnect and ask again (a new session), as the frontend does."""
        started = time.monotonic()
        deadline = started + self.timeout_s
        parts = urlsplit(link)
        page_name, title = parts.path.strip("/"), title_of(link)
        reconnects = 0
        while True:
            try:
                if new_session or self.ws is None:
                    await self._connect()
                    new_session = False
                ok, error = await self._run(page_name, parts.query, title, deadline)
                break
            except (ConnectionClosed, OSError, InvalidHandshake, InvalidURI, TimeoutError) as exc:
                if isinstance(exc, TimeoutError) or reconnects >= RECONNECTS or time.monotonic() >= deadline:
                    ok, error = False, f"{type(exc).__name__}: {exc}"[:300]
                    break
                reconnects += 1
                self.ws = None
                await asyncio.sleep(min(1.0 * reconnects, max(0.0, deadline - time.monotonic())))
        self.title = title
        return self._record(kind, link, started, ok, error, reconnects)

    async def open(self, link: str | None = None) -> bool:
        return await self._render("open", link or self.vocabulary.random_link(self.rng), new_session=True)

    async def step(self) -> bool:
        """Another page in the same session with the current filter, as a sidebar link does."""
        path = self.rng.choice([p for p, t in PAGES.items() if t != self.title])
        kept = [(k, v) for k, v in parse_qsl(self.query) if k in FILTER_KEYS]
        return await self._render("navigate", path + (f"?{urlencode(kept)}" if kept else ""), new_session=False)


# ------------------------------------------------------------------------------------------------------------ runners


async def _launch(playwright, count: int) -> list[Browser]:
    return [await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(count)]


def _make_viewer(n: int, use_browser: bool, browsers: list[Browser], *args) -> Viewer:
    if use_browser:
        return BrowserViewer(n, browsers[n % len(browsers)], *args)
    return SocketViewer(n, *args)


async def run_load(base_url: str, *, sessions: int = 30, browser_sessions: int = 4, duration_s: float = 30.0,
                   seed: int = 1, render_timeout_s: float = RENDER_TIMEOUT_S, ramp_s: float | None = None,
                   think_s: tuple[float, float] = (2.0, 6.0), metrics_urls: Sequence[str] | None = None,
                   server_pids: Sequence[int] = (), on_render: Callable[[Render], None] | None = None) -> LoadReport:
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
        viewers = [_make_viewer(n, n in chosen, launched, base_url, vocabulary, random.Random(seed * 1000 + n), record,
                                render_timeout_s) for n in range(sessions)]
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


async def run_churn(base_url: str, *, total: int = 300, wave: int = 10, browser_every: int = 5, seed: int = 2,
                    render_timeout_s: float = RENDER_TIMEOUT_S, on_wave: Callable[[int], None] | None = None,
                    links: Sequence[str] | None = None) -> LoadReport:
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
                viewers = [_make_viewer(opened + n, uses_browser[opened + n], launched, base_url, vocabulary,
                                        random.Random(rng.random()), report.renders.append, render_timeout_s)
                           for n in range(size)]

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


async def run_memory_check(base_url: str, pid: int, *, total: int = 300, wave: int = 10, browser_every: int = 10,
                           session_ttl_s: float = DEFAULT_SESSION_TTL_S, settle_s: float = 5.0,
                           render_timeout_s: float = RENDER_TIMEOUT_S, log: Callable[[str], None] = print) -> MemoryReport:
    """Baseline RSS after a warm-up, RSS after `total` sessions opened and closed, each taken once Streamlit has
    dropped the closed sessions (see the module docstring)."""
    links = churn_links()
    report = MemoryReport(pid, len(links), total, wave, session_ttl_s)

    async def quiesce(label: str) -> int:
        log(f"{label}: waiting {session_ttl_s + 2:.0f} s for the closed sessions to expire")
        await asyncio.sleep(session_ttl_s + 2)
        await run_churn(base_url, total=1, wave=1, browser_every=0, links=["/"])  # its disconnect reaps the expired
        await asyncio.sleep(settle_s)
        value = rss_kib(pid)
        log(f"{label}: RSS {value / 1024:.1f} MiB, open sessions {active_sessions(base_url)}")
        return value

    log(f"warm-up: {len(links)} sessions, one per link, every fifth in a browser")
    warm = await run_churn(base_url, total=len(links), wave=min(wave, len(links)), browser_every=5, links=links,
                           render_timeout_s=render_timeout_s)
    if warm.failed:
        raise RuntimeError(f"warm-up renders failed: {warm.summary()['failures']}")
    report.baseline_kib = await quiesce("baseline")

    peak = [report.baseline_kib]

    def sample(opened: int) -> None:
        peak.append(rss_kib(pid))
        if opened % (wave * 5) == 0 or opened == total:
            log(f"churn: {opened}/{total} sessions, RSS {peak[-1] / 1024:.1f} MiB")

    report.churn = await run_churn(base_url, total=total, wave=wave, browser_every=browser_every, on_wave=sample,
                                   links=links)
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
    stop_process(process)


# ---------------------------------------------------------------------------------------------------------- command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running dashboard, e.g. http://127.0.0.1:8501")
    target.add_argument("--serve", action="store_true", help="start `streamlit run app.py` on a free port for the run")
    parser.add_argument("--sessions", type=int, default=30, help="concurrent viewers (default 30)")
    parser.add_argument("--browser-sessions", type=int, default=4, help="how many of them run in Chromium (default 4)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30; 0 skips the load)")
    parser.add_argument("--think", type=float, nargs=2, default=(2.0, 6.0), metavar=("MIN", "MAX"),
                        help="seconds a viewer pauses between steps (default 2 6)")
    parser.add_argument("--timeout", type=float, default=RENDER_TIMEOUT_S, help="seconds a render may take before it fails")
    parser.add_argument("--churn", type=int, default=0, help="sessions to open and close for the memory check (0: none)")
    parser.add_argument("--wave", type=int, default=10, help="sessions open at once during the churn")
    parser.add_argument("--churn-browser-every", type=int, default=10, help="every n-th churn session in Chromium (0: none)")
    parser.add_argument("--pid", type=int, help="pid of the streamlit process (with --url; for --churn and CPU figures)")
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
            report = load(url, sessions=args.sessions, browser_sessions=args.browser_sessions, duration_s=args.duration,
                          think_s=tuple(args.think), render_timeout_s=args.timeout, server_pids=[pid] if pid else ())
            results["load"] = report.summary()
            print(json.dumps(results["load"], indent=2), flush=True)
            failed |= bool(report.failed)
        if args.churn:
            memory = memory_check(url, pid, total=args.churn, wave=args.wave, browser_every=args.churn_browser_every,
                                  session_ttl_s=args.session_ttl, render_timeout_s=args.timeout,
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
