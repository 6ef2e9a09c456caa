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
import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench.synthetic import cached_corpus
from scripts.harness import CHROMIUM, CHROMIUM_ARGS, SETTLED_BODY, stop_process

PROJECT = Path(__file__).resolve().parent.parent
REFERENCE_SCRIPT = "bench/reference_app.py"
APP_SCRIPT = "app.py"
RESULTS = PROJECT / "bench" / "RESULTS.md"
VIEWPORT = {"width": 1400, "height": 1000}
APP_PAGES = ("/", "/matrix", "/timeline", "/regional", "/sources", "/negotiation", "/present")
SCALING_PAGES = ("/matrix", "/timeline")
# also measured: at 100 briefs a matrix cell already fills its page of positions and the timeline draws counts, as at
# 1,000, so the step from 100 to 1,000 shows what grows with the corpus apart from pages filling up
SCALING_CONTROL = 100
FILTER_LABEL = "Issues"
FILTER_OPTION = "Ceasefire"
STARTUP_TIMEOUT_S = 90
REFERENCE_EVERY = 2  # app pages per reference visit in the pages phase
HEALTH_URL = "/_stcore/health"

TARGETS = {
    "render": 1.0,  # every page <= 1.0x the reference's render
    "rerun": 1.5,  # filter-change rerun <= 1.5x the reference's
    "memory": 1.5,  # memory per extra session <= 1.5x the reference's
    "cold_load_s": 3.0,  # cold load of 1,000 briefs <= 3 s
    "scaling": 1.2,  # warm rerun at the largest corpus <= 1.2x at one brief
}

# --- in-page scripts --------------------------------------------------------------------------------------------

_SETTLED = "function __benchSettled() {" + SETTLED_BODY + "}\n"

# The server's side of a visit is done: the script has finished and the page's title is in; charts may still draw.
SERVED_BODY = """
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  return document.querySelector('[data-testid="stMain"] h1') !== null;
"""


def _wait_js(body: str) -> str:
    """A page function resolving with performance.now() (milliseconds since navigation start) once ``body`` holds.

    Polls on a timer rather than on every DOM mutation, so watching costs the page almost nothing."""
    return "(timeoutMs) => { function __benchDone() {" + body + """}
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const timer = setInterval(() => {
      if (__benchDone()) { clearInterval(timer); resolve(performance.now()); }
      else if (performance.now() > deadline) { clearInterval(timer); reject(new Error('page did not settle in time')); }
    }, 5);
  });
}"""


WAIT_RENDER_JS = _wait_js(SETTLED_BODY)
WAIT_SERVED_JS = _wait_js(SERVED_BODY)
# the memory phase's tabs do not load the chart library: a chart's drawing is the browser's work, not the server's
UNDRAWN_ROUTE = "**/static/js/PlotlyChart.*"

# Installed just before the option is clicked: notes the press, every script-state change and the websocket traffic.
ARM_RERUN_JS = """() => {
  const b = window.__bench = {t0: null, running: false, url: location.href, lastMessage: null};
  const app = document.querySelector('[data-testid="stApp"]');
  document.addEventListener('pointerdown', () => { if (b.t0 === null) b.t0 = performance.now(); }, {capture: true});
  b.observer = new MutationObserver(() => {
    if (b.t0 !== null && app.getAttribute('data-test-script-state') === 'running') b.running = true;
  });
  b.observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  for (const socket of window.__benchSockets || []) {
    socket.addEventListener('message', () => { if (b.t0 !== null) b.lastMessage = performance.now(); });
  }
}"""

# Resolves with {ms, signal} once the rerun has started (state "running" seen, or the URL changed) and the page has
# settled again. If the run was too quick for the state to be drawn as "running", it falls back to the last
# websocket message after 1.5 s of settled quiet, and says so.
WAIT_RERUN_JS = "(timeoutMs) => {" + _SETTLED + """
  const b = window.__bench;
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const timer = setInterval(() => {
      const now = performance.now();
      if (b.t0 !== null && __benchSettled()) {
        const signal = b.running ? 'running' : (location.href !== b.url ? 'url' : null);
        if (signal) { clearInterval(timer); b.observer.disconnect(); resolve({ms: now - b.t0, signal}); return; }
        if (b.lastMessage !== null && now - b.lastMessage > 1500) {
          clearInterval(timer); b.observer.disconnect(); resolve({ms: b.lastMessage - b.t0, signal: 'websocket'}); return;
        }
      }
      if (now > deadline) { clearInterval(timer); reject(new Error('no rerun settled in time')); }
    }, 5);
  });
}"""

# Keeps a list of the page's websockets, so the rerun watcher can see server messages.
INIT_JS = """(() => {
  const Native = window.WebSocket;
  window.__benchSockets = [];
  window.WebSocket = function (...args) { const s = new Native(...args); window.__benchSockets.push(s); return s; };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();"""


# --- settings ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    quick: bool
    repeats: int  # fresh renders and reruns per page, and of the reference
    memory_rounds: int
    sessions: int  # K extra sessions for the memory measurement
    sizes: tuple[int, ...]  # corpus sizes for the cold load
    scaling_repeats: int
    settle_timeout_s: float
    big_settle_timeout_s: float  # first visit to a server with the largest corpus
    load_timeout_s: float  # one cold load in a subprocess
    seed: int
    out: Path
    pages: tuple[str, ...] = APP_PAGES

    @property
    def big(self) -> int:
        return max(self.sizes)


def settings_from(args: argparse.Namespace) -> Settings:
    quick = args.quick
    out = args.out or (Path(tempfile.gettempdir()) / "briefing-bench" / "RESULTS-quick.md" if quick else RESULTS)
    return Settings(
        quick=quick,
        repeats=args.repeats or (1 if quick else 5),
        memory_rounds=1 if quick else 5,
        sessions=args.sessions or (4 if quick else 10),
        sizes=(1, 10, 100) if quick else (1, 10, 100, 1000),
        scaling_repeats=1 if quick else 5,
        settle_timeout_s=120,
        big_settle_timeout_s=300,
        load_timeout_s=args.load_timeout,
        seed=args.seed,
        out=out,
        pages=tuple(args.page) if args.page else APP_PAGES,
    )


# --- servers ----------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_rss_kib(pid: int) -> int:
    """Resident set size of one process, from /proc (kB as the kernel reports it)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


class Server:
    """`streamlit run <script>` in its own process on a free loopback port."""

    def __init__(self, name: str, script: str, workdir: Path, env: dict[str, str] | None = None) -> None:
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"server-{name}-{self.port}.log"
        child_env = {k: v for k, v in os.environ.items() if k != "BRIEFING_ROOT"}
        child_env.update({"PYTHONUNBUFFERED": "1", "BRIEFING_CACHE": str(workdir / f"cache-{name}")})
        child_env.update(env or {})
        command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.port",
                   str(self.port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=PROJECT, env=child_env, stdout=self._log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout_s: float = STARTUP_TIMEOUT_S) -> Server:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name}: streamlit exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + HEALTH_URL, timeout=2) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name}: no answer on {self.url}{HEALTH_URL} within {timeout_s:.0f} s; see {self.log_path}")

    def rss_kib(self) -> int:
        return read_rss_kib(self.process.pid)

    def stop(self) -> None:
        stop_process(self.process)
        if not self._log.closed:
            self._log.close()


@contextlib.contextmanager
def servers(*specs: tuple[str, str, Path, dict[str, str] | None]) -> Iterator[list[Server]]:
    """Start several servers together; every one started is stopped on leaving, whatever happened."""
    started: list[Server] = []
    try:
        for spec in specs:
            started.append(Server(*spec))
        for server in started:
            server.wait_healthy()
        yield started
    finally:
        for server in started:
            server.stop()


# --- browser measurements ---------------------------------------------------------------------------------------


@dataclass
class Sample:
    value: float | None
    error: str = ""
    note: str = ""


def new_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(INIT_JS)
    return context


def render(page: Page, url: str, timeout_s: float) -> float:
    """Milliseconds from navigation start until the page has settled."""
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    return float(page.evaluate(WAIT_RENDER_JS, timeout_s * 1000))


def rerun(page: Page, timeout_s: float) -> tuple[float, str]:
    """Milliseconds from pressing an option of the sidebar Issues filter until the rerun has settled."""
    widget = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(has_text=FILTER_LABEL)
    expand = page.locator("[data-testid=stExpandSidebarButton]")
    if expand.is_visible():  # briefing mode starts with the sidebar collapsed: open it first, untimed
        expand.click(timeout=timeout_s * 1000)
        page.wait_for_timeout(600)  # the sidebar slides in
    widget.locator("input").click(timeout=timeout_s * 1000)
    option = page.locator("[data-testid=stMultiSelectDropdown]").get_by_role("option", name=FILTER_OPTION, exact=True)
    option.wait_for(timeout=timeout_s * 1000)
    page.evaluate(ARM_RERUN_JS)
    option.click(timeout=timeout_s * 1000)
    result = page.evaluate(WAIT_RERUN_JS, timeout_s * 1000)
    return float(result["ms"]), str(result["signal"])


@contextlib.contextmanager
def open_many(browser: Browser, urls: list[str], timeout_s: float, drawn: bool = True) -> Iterator[BrowserContext]:
    """Open several pages at once, as tabs of one new context, and wait until all have settled; closed on leaving.

    Every tab is a session of its own on the server (its own websocket); sharing the context only spares the browser
    from fetching and compiling the frontend again for each one. With ``drawn=False`` the tabs wait only for the
    server's side (script finished, title in) and never load the chart library, so they cost the browser less.
    """
    context = new_context(browser)
    try:
        if not drawn:
            context.route(UNDRAWN_ROUTE, lambda route: route.abort())
        pages = []
        for url in urls:
            page = context.new_page()
            page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
            pages.append(page)
        for page in pages:
            page.evaluate(WAIT_RENDER_JS if drawn else WAIT_SERVED_JS, timeout_s * 1000)
        yield context
    finally:
        context.close()


def visit(browser: Browser, url: str, timeout_s: float, with_rerun: bool = True) -> tuple[Sample, Sample]:
    """A fresh visitor: (render sample, rerun sample) on a new browser context, closed afterwards."""
    context = new_context(browser)
    try:
        page = context.new_page()
        try:
            shown = Sample(render(page, url, timeout_s))
        except PlaywrightError as error:
            return Sample(None, _short(error)), Sample(None, "page did not render")
        if not with_rerun:
            return shown, Sample(None, "not measured")
        try:
            ms, signal_seen = rerun(page, timeout_s)
            return shown, Sample(ms, note="" if signal_seen in ("running", "url") else f"start seen via {signal_seen}")
        except PlaywrightError as error:
            return shown, Sample(None, _short(error))
    finally:
        context.close()


def _short(error: Exception) -> str:
    return str(error).strip().splitlines()[0][:160]


# --- statistics -------------------------------------------------------------------------------------------------


def values(samples: list[Sample]) -> list[float]:
    return [s.value for s in samples if s.value is not None]


def median(samples: list[Sample]) -> float | None:
    got = values(samples)
    return statistics.median(got) if got else None


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


# --- phases -----------------------------------------------------------------------------------------------------


@dataclass
class Results:
    started: str = ""
    machine: dict[str, str] = field(default_factory=dict)
    settings: Settings | None = None
    render_ref: list[Sample] = field(default_factory=list)
    rerun_ref: list[Sample] = field(default_factory=list)
    render_app: dict[str, list[Sample]] = field(default_factory=dict)
    rerun_app: dict[str, list[Sample]] = field(default_factory=dict)
    first_visit: dict[str, float | None] = field(default_factory=dict)
    memory: dict[str, list[float]] = field(default_factory=dict)  # name -> per-session KiB, one per round
    memory_base: dict[str, list[int]] = field(default_factory=dict)  # name -> RSS after one session, KiB
    memory_errors: list[str] = field(default_factory=list)
    loads: dict[int, dict[str, object]] = field(default_factory=dict)
    scaling_render: dict[tuple[str, int], list[Sample]] = field(default_factory=dict)
    scaling_rerun: dict[tuple[str, int], list[Sample]] = field(default_factory=dict)
    scaling_first: dict[tuple[str, int], Sample] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


LOAD_SAMPLES: list[float] = []  # the 1-minute load average, sampled at every progress line


def log(message: str) -> None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        LOAD_SAMPLES.append(float(Path("/proc/loadavg").read_text().split()[0]))
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def phase_memory(browser: Browser, settings: Settings, workdir: Path, results: Results) -> None:
    """RSS with one session, then with K more kept open; rounds on the same two servers, the order alternating.

    Each round's extra sessions are closed before the next round; its figure is its own (after − before) / K, so the
    memory that closed sessions keep for a while does not enter it.
    """
    for name in ("reference", "app"):
        results.memory[name] = []
        results.memory_base[name] = []
    with servers(("reference", REFERENCE_SCRIPT, workdir, None), ("app", APP_SCRIPT, workdir, None)) as (ref, app):
        for round_number in range(settings.memory_rounds):
            order = [(ref, "/"), (app, "/matrix")]
            if round_number % 2:
                order.reverse()
            for server, path in order:
                url = server.url + path
                try:
                    # the extra sessions are opened together: only the memory they keep matters here, not their speed
                    with open_many(browser, [url], settings.settle_timeout_s, drawn=False):
                        before = _steady_rss(server)
                        with open_many(browser, [url] * settings.sessions, settings.settle_timeout_s * 3, drawn=False):
                            after = _steady_rss(server)
                except PlaywrightError as error:
                    results.memory_errors.append(f"{server.name}, round {round_number + 1}: {_short(error)}")
                    continue
                per_session = (after - before) / settings.sessions
                results.memory[server.name].append(per_session)
                results.memory_base[server.name].append(before)
                log(f"memory round {round_number + 1} {server.name}: {before / 1024:.1f} MiB with one session, "
                    f"{per_session / 1024:+.2f} MiB per extra session")


def _steady_rss(server: Server) -> int:
    """Median of a few readings once the server has had a moment to finish the sessions' work."""
    time.sleep(1.0)
    readings = []
    for _ in range(3):
        readings.append(server.rss_kib())
        time.sleep(0.3)
    return int(statistics.median(readings))


def phase_pages(browser: Browser, settings: Settings, workdir: Path, results: Results) -> None:
    """A reference visit, then app visits to two pages, and so on; each visit a render and a rerun."""
    with servers(("reference", REFERENCE_SCRIPT, workdir, None), ("app", APP_SCRIPT, workdir, None)) as (ref, app):
        # the first visits pay for imports and the cold data load; they are reported apart, not in the medians
        results.first_visit["reference"] = visit(browser, ref.url + "/", settings.settle_timeout_s, with_rerun=False)[0].value
        results.first_visit["app"] = visit(browser, app.url + "/matrix", settings.settle_timeout_s, with_rerun=False)[0].value
        # every page once (together, untimed), so each page's own imports and caches are warm
        with open_many(browser, [app.url + path for path in settings.pages] + [ref.url + "/"], settings.settle_timeout_s * 3):
            pass
        for path in settings.pages:
            results.render_app[path], results.rerun_app[path] = [], []
        for repeat in range(settings.repeats):
            for index, path in enumerate(settings.pages):
                if index % REFERENCE_EVERY == 0:  # still alternating, in a shorter run
                    shown, changed = visit(browser, ref.url + "/", settings.settle_timeout_s)
                    results.render_ref.append(shown)
                    results.rerun_ref.append(changed)
                shown, changed = visit(browser, app.url + path, settings.settle_timeout_s)
                results.render_app[path].append(shown)
                results.rerun_app[path].append(changed)
            log(f"pages repeat {repeat + 1}/{settings.repeats}: reference render {median(results.render_ref) or 0:.0f} ms, "
                + ", ".join(f"{p} {median(results.render_app[p]) or 0:.0f} ms" for p in settings.pages))


APP_LOAD_CODE = r"""
import json, sys, time
from pathlib import Path
from briefing.load import Layout
from briefing.store import load_frames
start = time.perf_counter()
frames = load_frames(Layout(Path(sys.argv[1])))
print(json.dumps({"seconds": time.perf_counter() - start, "briefs": len(frames.briefs), "positions": len(frames.positions),
                  "evidence": len(frames.evidence), "problems": len(frames.problems)}))
"""

# the three starts of the data layer, in order, each in a fresh interpreter
LOAD_STEPS = (
    ("first", "First start ever (caches empty)"),
    ("restart", "Restart, files unchanged"),
    ("edited", "Restart after an edit (frames cache dropped)"),
)


def _run_load(code: str, args: list[str], env: dict[str, str], timeout_s: float) -> dict[str, object]:
    try:
        done = subprocess.run([sys.executable, "-c", code, *args], cwd=PROJECT, env=env, capture_output=True, text=True,
                              timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"> {timeout_s:.0f} s (stopped)"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"seconds": None, "error": f"exit {done.returncode}: {tail[:160]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def phase_cold_load(settings: Settings, workdir: Path, corpora: dict[int, Path], results: Results) -> None:
    """Per corpus size, the app's own data-layer start (`briefing.store.load_frames`) in fresh interpreters.

    first: empty cache folder, so every brief is parsed and validated (and both caches are filled); restart: the same
    files again, the path of every later server start; edited: the frames cache removed, as when any file changed,
    so the frames are rebuilt from the validated briefs cached by content. The caches are left for the scaling phase.
    """
    for n in settings.sizes:
        cache = workdir / f"cache-n{n}"
        env = {k: v for k, v in os.environ.items() if k != "BRIEFING_ROOT"}
        env["BRIEFING_CACHE"] = str(cache)
        root = str(corpora[n])
        entry: dict[str, object] = {}
        for key, _label in LOAD_STEPS:
            if key == "edited":
                for frames_file in cache.glob("frames-*.pickle"):
                    frames_file.unlink()
            entry[key] = _run_load(APP_LOAD_CODE, [root], env, settings.load_timeout_s)
        results.loads[n] = entry
        first = entry["first"]
        problems = first.get("problems")
        if first.get("seconds") is not None and (first.get("briefs") != n or problems):
            results.notes.append(f"corpus n={n}: loaded {first.get('briefs')} brief(s) with {problems} problem(s)")
        log(f"cold load n={n}: " + ", ".join(f"{key} {_fmt_s(value)}" for key, value in entry.items()))


def _fmt_s(entry: object) -> str:
    if not isinstance(entry, dict):
        return "-"
    seconds = entry.get("seconds")
    return f"{seconds:.2f} s" if isinstance(seconds, (int, float)) else str(entry.get("error", "-"))


def scaling_sizes(settings: Settings) -> tuple[int, ...]:
    """The smallest corpus, the control (when measured: pages as full as the largest's) and the largest."""
    small, big = min(settings.sizes), settings.big
    control = (SCALING_CONTROL,) if SCALING_CONTROL in settings.sizes and small < SCALING_CONTROL < big else ()
    return (small, *control, big)


def phase_scaling(browser: Browser, settings: Settings, workdir: Path, corpora: dict[int, Path], results: Results) -> None:
    """Warm reruns of /matrix and /timeline: one server per corpus size (smallest, control, largest), alternating."""
    sizes, big = scaling_sizes(settings), settings.big
    specs = [
        (f"n{n}", APP_SCRIPT, workdir, {"BRIEFING_ROOT": str(corpora[n]), "BRIEFING_CACHE": str(workdir / f"cache-n{n}")})
        for n in sizes
    ]
    with servers(*specs) as started:
        by_n = dict(zip(sizes, started, strict=True))
        usable: dict[tuple[str, int], bool] = {}
        for path in SCALING_PAGES:
            for n in sizes:
                timeout = settings.big_settle_timeout_s if n == big else settings.settle_timeout_s
                first, _ = visit(browser, by_n[n].url + path, timeout, with_rerun=False)
                results.scaling_first[(path, n)] = first
                usable[(path, n)] = first.value is not None
                results.scaling_render[(path, n)], results.scaling_rerun[(path, n)] = [], []
                log(f"scaling first visit {path} n={n}: "
                    + (f"{first.value:.0f} ms" if first.value is not None else first.error))
        for repeat in range(settings.scaling_repeats):
            for path in SCALING_PAGES:
                for n in sizes if repeat % 2 == 0 else sizes[::-1]:
                    if not usable[(path, n)]:
                        continue
                    # bounded by what the warm-up visit took, so one slow page cannot eat the whole run
                    timeout = max(settings.settle_timeout_s, 3 * (results.scaling_first[(path, n)].value or 0) / 1000)
                    shown, changed = visit(browser, by_n[n].url + path, timeout)
                    results.scaling_render[(path, n)].append(shown)
                    results.scaling_rerun[(path, n)].append(changed)
            log(f"scaling repeat {repeat + 1}/{settings.scaling_repeats}: "
                + ", ".join(f"{p} n={n} rerun {median(results.scaling_rerun[(p, n)]) or 0:.0f} ms"
                            for p in SCALING_PAGES for n in sizes))


# --- report -----------------------------------------------------------------------------------------------------


def code_state() -> str:
    """The commit measured, and how many files differ from it (others may be editing while the bench runs)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True,
                              timeout=30, check=True).stdout.strip()
        diff = subprocess.run(["git", "diff", "HEAD"], cwd=PROJECT, capture_output=True, timeout=60, check=True).stdout
        names = subprocess.run(["git", "diff", "HEAD", "--name-only"], cwd=PROJECT, capture_output=True, text=True,
                               timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    if not diff:
        return head
    return f"{head} with uncommitted changes in {len(names.splitlines())} file(s) (diff {hashlib.sha256(diff).hexdigest()[:8]})"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def machine_description() -> dict[str, str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "CPUs (nproc)": str(os.cpu_count()),
        "CPU model": cpu,
        "Memory": memory,
        "Load average at start (1, 5, 15 min)": load_average(),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "Streamlit": version("streamlit"),
        "Plotly": version("plotly"),
        "pandas": version("pandas"),
        "pydantic": version("pydantic"),
        "Playwright": version("playwright"),
        "Code at start": code_state(),
    }


def _first_float(text: str) -> float:
    try:
        return float(text.split()[0])
    except (ValueError, IndexError):
        return 0.0


def _ms(value: float | None) -> str:
    return f"{value:,.0f} ms" if value is not None else "–"


def _x(value: float | None) -> str:
    return f"{value:.2f}×" if value is not None else "–"


def _verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    return "met" if value <= limit else "**missed**"


def _spread(samples: list[Sample]) -> str:
    got = values(samples)
    failed = len(samples) - len(got)
    text = f"{min(got):,.0f}–{max(got):,.0f}" if got else "–"
    return text + (f" ({failed} failed)" if failed else "")


def report(results: Results) -> str:
    settings = results.settings
    assert settings is not None
    small, big = min(settings.sizes), settings.big
    lines: list[str] = []
    add = lines.append
    add("# Benchmark results")
    add("")
    add(f"Measured {results.started} with `python -m bench{' --quick' if settings.quick else ''}` "
        "(`make bench` runs the full set). Every app figure is compared with the reference page "
        "(`bench/reference_app.py`: one cached DataFrame, one Plotly heatmap, one `st.dataframe`, one sidebar "
        "multiselect) measured in the same run, alternating app and reference; figures are medians.")
    if settings.quick:
        add("")
        add("**Quick smoke run** (1 repeat, corpora up to 100 briefs): indicative only, not for the targets.")
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("|---|---|")
    for key, value in results.machine.items():
        add(f"| {key} | {value} |")
    add("")
    add("The machine is shared and noisy: absolute times vary from run to run; the ratios are what to compare.")
    if results.machine.get("Code at start") != results.machine.get("Code at end"):
        add("")
        add("The code changed while the bench ran (see *Code at start* and *Code at end*): later phases measured "
            "newer code than earlier ones.")
    busiest = max([*LOAD_SAMPLES, *(_first_float(v) for k, v in results.machine.items() if k.startswith("Load average"))],
                  default=0.0)
    if busiest > 2 * (os.cpu_count() or 1):
        add("")
        add(f"Other work kept the machine busy during this run (1-minute load average up to {busiest:.1f} on "
            f"{os.cpu_count()} CPUs): absolute times are inflated and even the ratios carry more noise than usual.")

    # summary
    ref_render = median(results.render_ref)
    ref_rerun = median(results.rerun_ref)
    render_ratios = {p: ratio(median(results.render_app.get(p, [])), ref_render) for p in settings.pages}
    rerun_ratios = {p: ratio(median(results.rerun_app.get(p, [])), ref_rerun) for p in settings.pages}
    mem_ref = statistics.median(results.memory["reference"]) if results.memory.get("reference") else None
    mem_app = statistics.median(results.memory["app"]) if results.memory.get("app") else None
    mem_ratio = ratio(mem_app, mem_ref) if mem_ref and mem_ref > 0 else None
    cold = results.loads.get(1000, {}).get("restart") if 1000 in results.loads else None
    cold_s = cold.get("seconds") if isinstance(cold, dict) else None
    scaling = {p: ratio(median(results.scaling_rerun.get((p, big), [])), median(results.scaling_rerun.get((p, small), [])))
               for p in SCALING_PAGES}
    add("")
    add("## Targets")
    add("")
    add("| Target | Measured | Verdict |")
    add("|---|---|---|")
    for path in settings.pages:
        add(f"| Fresh render of `{path}` ≤ {TARGETS['render']:.1f}× reference | {_x(render_ratios[path])} "
            f"| {_verdict(render_ratios[path], TARGETS['render'])} |")
    for path in settings.pages:
        add(f"| Filter-change rerun on `{path}` ≤ {TARGETS['rerun']:.1f}× reference | {_x(rerun_ratios[path])} "
            f"| {_verdict(rerun_ratios[path], TARGETS['rerun'])} |")
    mem_text = _x(mem_ratio) if mem_ratio is not None else (
        "reference grew by ≤ 0" if mem_ref is not None and mem_ref <= 0 else "–")
    add(f"| Memory per extra session ≤ {TARGETS['memory']:.1f}× reference | {mem_text} "
        f"| {_verdict(mem_ratio, TARGETS['memory']) if mem_ratio is not None else 'not measured'} |")
    cold_text = f"{cold_s:.2f} s" if cold_s is not None else (str(cold.get("error")) if isinstance(cold, dict) else "–")
    add(f"| Data-layer start with 1,000 briefs (files unchanged) ≤ {TARGETS['cold_load_s']:.0f} s | {cold_text} "
        f"| {_verdict(cold_s, TARGETS['cold_load_s']) if 1000 in results.loads else 'not measured (quick run)'} |")
    for path in SCALING_PAGES:
        verdict = _verdict(scaling[path], TARGETS["scaling"])
        if big != 1000:
            verdict = f"not measured at 1,000 (n={big}: {_x(scaling[path])})"
        add(f"| Warm rerun of `{path}` at n=1,000 ≤ {TARGETS['scaling']:.1f}× n=1 | "
            f"{_x(scaling[path]) if big == 1000 else '–'} | {verdict} |")

    add("")
    add("## a) Fresh visitor render")
    add("")
    add("A new browser context opens the page; time from navigation start until the script state is `notRunning`, "
        "the connection is up, no `stSkeleton` is left, every `stPlotlyChart` holds a `.main-svg` and the page "
        "title is drawn. The servers were warmed by one visit per page first. Each repeat alternates one reference visit "
        f"with {REFERENCE_EVERY} app visits.")
    add("")
    add(f"Reference: median {_ms(ref_render)} over {len(values(results.render_ref))} visits "
        f"(range {_spread(results.render_ref)} ms).")
    add("")
    add("| Page | App median | Range (ms) | Reference median | Ratio | Target | Verdict |")
    add("|---|---|---|---|---|---|---|")
    for path in settings.pages:
        shown = results.render_app.get(path, [])
        add(f"| `{path}` | {_ms(median(shown))} | {_spread(shown)} | {_ms(ref_render)} "
            f"| {_x(render_ratios[path])} | ≤ {TARGETS['render']:.1f}× | {_verdict(render_ratios[path], TARGETS['render'])} |")
    add("")
    add(f"First visit after server start (imports and cold data load, one sample each, not in the medians): reference "
        f"{_ms(results.first_visit.get('reference'))}, app `/matrix` {_ms(results.first_visit.get('app'))}.")

    add("")
    add("## b) Warm rerun after the issue filter changes")
    add("")
    add(f"In the loaded page, the sidebar multiselect labelled “{FILTER_LABEL}” gets the option “{FILTER_OPTION}”. "
        "Time from the pointer press on the option until the rerun has been seen to start (script state `running`, "
        "or a changed URL) and the page has settled again as above.")
    add("")
    add(f"Reference: median {_ms(ref_rerun)} over {len(values(results.rerun_ref))} reruns (range {_spread(results.rerun_ref)} ms).")
    add("")
    add("| Page | App median | Range (ms) | Reference median | Ratio | Target | Verdict |")
    add("|---|---|---|---|---|---|---|")
    for path in settings.pages:
        changed = results.rerun_app.get(path, [])
        add(f"| `{path}` | {_ms(median(changed))} | {_spread(changed)} | {_ms(ref_rerun)} "
            f"| {_x(rerun_ratios[path])} | ≤ {TARGETS['rerun']:.1f}× | {_verdict(rerun_ratios[path], TARGETS['rerun'])} |")
    fallbacks = [s.note for group in (results.rerun_ref, *results.rerun_app.values()) for s in group if s.note]
    if fallbacks:
        add("")
        add(f"{len(fallbacks)} rerun(s) were too quick for the `running` state to be drawn; their start was taken "
            "from the websocket traffic instead.")

    add("")
    add("## c) Server memory per extra session")
    add("")
    add(f"Both servers are started once. Each round opens one session (reference `/`, app `/matrix`), reads the server "
        f"process's RSS (`VmRSS` in `/proc/<pid>/status`), opens K = {settings.sessions} more sessions (tabs of a second "
        "browser context, each with its own websocket and server session) and keeps them open until RSS is read again: "
        f"(after − before) / K; then it closes them all. {settings.memory_rounds} round(s), the order of the two servers "
        "alternating.")
    add("")
    add("| Server | RSS with one session (median) | Per extra session, each round | Median per session |")
    add("|---|---|---|---|")
    for name in ("app", "reference"):
        per = results.memory.get(name, [])
        base = results.memory_base.get(name, [])
        base_text = f"{statistics.median(base) / 1024:.1f} MiB" if base else "–"
        rounds_text = ", ".join(f"{v / 1024:.2f}" for v in per) + " MiB" if per else "–"
        median_text = f"{statistics.median(per) / 1024:.2f} MiB" if per else "–"
        add(f"| {name} | {base_text} | {rounds_text} | {median_text} |")
    add("")
    add(f"Ratio app / reference: {mem_text} (target ≤ {TARGETS['memory']:.1f}×: "
        f"{_verdict(mem_ratio, TARGETS['memory']) if mem_ratio is not None else 'not measured'}).")
    for error in results.memory_errors:
        add(f"- failed: {error}")

    add("")
    add("## d) Scaling with synthetic corpora")
    add("")
    add("Corpora from `bench/synthetic.py` (seed 0): per brief 30 positions, 20 events, 10 impacts, 6–10 judgments, "
        "about 110 evidence spans and 8 KB of source text; 1,000 briefs are about 50 MB of YAML.")
    add("")
    add("### Cold load of the data layer")
    add("")
    add("Each figure is one run of `briefing.store.load_frames` (the app's data layer) in a fresh interpreter, "
        "imports not included. *First start ever* has empty caches: every brief is parsed (C YAML loader) and "
        "validated, then the validated briefs are cached by content hash and the finished frames by the files' "
        "names, sizes and mtimes (both outside `data/`). *Restart, files unchanged* is every later server start. "
        "*Restart after an edit* drops the frames cache, as any changed file does: the frames are rebuilt from the "
        "validated-brief cache (an edited brief alone is parsed again).")
    add("")
    add("| Briefs | " + " | ".join(label for _key, label in LOAD_STEPS) + " | Positions | Evidence spans |")
    add("|---|" + "---|" * (len(LOAD_STEPS) + 2))
    for n, entry in sorted(results.loads.items()):
        first = entry["first"] if isinstance(entry.get("first"), dict) else {}
        add(f"| {n:,} | " + " | ".join(_fmt_s(entry.get(key)) for key, _label in LOAD_STEPS)
            + f" | {first.get('positions', '–')} | {first.get('evidence', '–')} |")
    add("")
    add(f"Target: a start with 1,000 briefs ≤ {TARGETS['cold_load_s']:.0f} s: "
        f"{_verdict(cold_s, TARGETS['cold_load_s']) if 1000 in results.loads else 'not measured (quick run)'} "
        "(the restart). The first start ever is a one-time cost, bounded by PyYAML's construction of about 50 KB of "
        "YAML and pydantic validation per brief; see the profile notes below.")
    add("")
    add(f"### Warm reruns, n={big:,} against n={small}")
    add("")
    add(f"One app server per corpus (`BRIEFING_ROOT`), warmed by a first visit; then {settings.scaling_repeats} "
        "alternating fresh visits per page and size, each followed by the filter-change rerun of b).")
    add("")
    add(f"| Page | First visit n={small} | First visit n={big:,} | Render n={small} | Render n={big:,} "
        f"| Rerun n={small} | Rerun n={big:,} | Rerun ratio | Target | Verdict |")
    add("|---|---|---|---|---|---|---|---|---|---|")
    for path in SCALING_PAGES:
        firsts = [results.scaling_first.get((path, n)) for n in (small, big)]
        first_text = [(_ms(f.value) if f and f.value is not None else (f.error if f else "–")) for f in firsts]
        add(f"| `{path}` | {first_text[0]} | {first_text[1]} "
            f"| {_ms(median(results.scaling_render.get((path, small), [])))} "
            f"| {_ms(median(results.scaling_render.get((path, big), [])))} "
            f"| {_ms(median(results.scaling_rerun.get((path, small), [])))} "
            f"| {_ms(median(results.scaling_rerun.get((path, big), [])))} "
            f"| {_x(scaling[path])} | ≤ {TARGETS['scaling']:.1f}× "
            f"| {_verdict(scaling[path], TARGETS['scaling']) if big == 1000 else 'not measured at 1,000'} |")
    if SCALING_CONTROL in scaling_sizes(settings):
        control = SCALING_CONTROL
        add("")
        add(f"Control, n={control} (same visits, taken in turn with the two above): at {control} briefs a matrix "
            "cell already fills its page of five positions and the timeline draws counts per year, as at "
            f"{big:,}; at one brief the chosen cell holds one position and the timeline draws each event. The "
            f"step from {control} to {big:,} briefs is what grows with the corpus once the pages are full.")
        add("")
        add(f"| Page | Render n={control} | Rerun n={control} | Rerun n={big:,} ÷ n={control} | Rerun n={control} ÷ n={small} |")
        add("|---|---|---|---|---|")
        for path in SCALING_PAGES:
            mid = median(results.scaling_rerun.get((path, control), []))
            add(f"| `{path}` | {_ms(median(results.scaling_render.get((path, control), [])))} | {_ms(mid)} "
                f"| {_x(ratio(median(results.scaling_rerun.get((path, big), [])), mid))} "
                f"| {_x(ratio(mid, median(results.scaling_rerun.get((path, small), []))))} |")
    if results.loads:
        add("")
        add("The servers find this corpus in the app's on-disk caches, filled by the cold-load runs above, so their "
            "first visit shows the start path of a restart, not another first build.")
    failures = [f"{path} n={n}: {s.error}" for (path, n), group in {**results.scaling_rerun, **results.scaling_render}.items()
                for s in group if s.error and s.error != "page did not render"]
    for failure in sorted(set(failures)):
        add(f"- failed: {failure}")
    history = PROJECT / "bench" / "HISTORY.md"
    if history.is_file():
        add("")
        lines.extend(history.read_text(encoding="utf-8").rstrip("\n").splitlines())
    if results.notes:
        add("")
        add("## Notes")
        add("")
        for note in results.notes:
            add(f"- {note}")
    add("")
    return "\n".join(lines)


# --- main -------------------------------------------------------------------------------------------------------


def _terminate_on_sigterm() -> None:
    """Turn SIGTERM into an exception, so `finally` blocks stop the servers."""

    def handler(signum, _frame):
        log(f"received {signal.Signals(signum).name}")
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def run(settings: Settings, phases: Callable[[str], bool] = lambda _name: True) -> Results:
    results = Results(started=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), machine=machine_description(),
                      settings=settings)
    workdir = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    log(f"work folder {workdir} (server logs, caches); report will go to {settings.out}")
    try:
        log("corpora: " + ", ".join(str(n) for n in settings.sizes))
        corpora = {n: cached_corpus(n, settings.seed) for n in settings.sizes}
        if phases("load"):
            phase_cold_load(settings, workdir, corpora, results)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
        results.machine["Load average at end (1, 5, 15 min)"] = load_average()
        if LOAD_SAMPLES:
            results.machine["1-minute load average during the run"] = (
                f"median {statistics.median(LOAD_SAMPLES):.1f}, highest {max(LOAD_SAMPLES):.1f} ({len(LOAD_SAMPLES)} samples)")
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
    parser.add_argument("--page", action="append", choices=APP_PAGES,
                        help="measure only these app pages in the pages phase (repeatable; default: every page)")
    parser.add_argument("--only", action="append", choices=("load", "memory", "pages", "scaling"),
                        help="run only these phases (repeatable)")
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
