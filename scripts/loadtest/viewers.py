"""The simulated viewers: one in headless Chromium, one on Streamlit's websocket protocol (see scripts/loadtest)."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

from playwright.async_api import Browser, BrowserContext, Page, ViewportSize
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from components.filters import FILTER_KEYS
from scripts.harness import SETTLED_BODY
from scripts.loadtest.protocol import connect_stream, run_script, stream_url
from scripts.loadtest.reports import Render
from scripts.loadtest.vocabulary import PAGES, Vocabulary, title_of

VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
POLL_MS = 200  # how often a browser viewer checks whether its page has rendered (every frame costs CPU at many pages)
RECONNECTS = 5

# settled (scripts.harness) and, when a title is given, showing that page's title
RENDERED_JS = (
    """(title) => {
  const settled = () => {"""
    + SETTLED_BODY
    + """};
  if (!settled()) return false;
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return !title || h1.textContent.trim() === title;
}"""
)
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
    'figures drawn=' + document.querySelectorAll('.svg-figure[data-drawn]').length + '/'
      + document.querySelectorAll('.svg-figure-host').length,
    'title=' + (h1 ? h1.textContent.trim() : '-'),
  ].join(' ');
}"""
ISSUE_IN_URL_JS = """(issue) => new URLSearchParams(window.location.search).getAll('issue').includes(issue)"""


class Viewer:
    """One simulated viewer; subclasses say how a page is opened and what a step in the session is."""

    client = ""

    def __init__(
        self,
        number: int,
        base_url: str,
        vocabulary: Vocabulary,
        rng: random.Random,
        record: Callable[[Render], None],
        render_timeout_s: float,
    ) -> None:
        self.number = number
        self.base_url = base_url.rstrip("/")
        self.vocabulary = vocabulary
        self.rng = rng
        self.record = record
        self.timeout_s = render_timeout_s
        self.title = ""

    def _record(self, kind: str, target: str, started: float, ok: bool, error: str = "", reconnects: int = 0) -> bool:
        self.record(Render(self.number, self.client, kind, target, started, time.monotonic() - started, ok, error, reconnects))
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

    async def _step(
        self, kind: str, target: str, action: Callable[[], object], title: str, extra_wait: tuple[str, object] | None = None
    ) -> bool:
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
                if self.page is not None:
                    error += f" [{await asyncio.wait_for(self.page.evaluate(STATE_JS), 10)}]"
        self.title = title
        return self._record(kind, target, started, ok, error)

    async def open(self, link: str | None = None) -> bool:
        """A new Streamlit session on a page opened by its address."""
        link = link or self.vocabulary.random_link(self.rng)
        page = await self._new_page()
        # "commit": the render check below decides when the page is done, not the load event (fonts, favicon)
        return await self._step(
            "open", link, lambda: page.goto(self.base_url + link, wait_until="commit", timeout=self.timeout_s * 1000), title_of(link)
        )

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
            # to the top of the sidebar first: low in a short window, with chips above it, the options open below the
            # window's edge where no click reaches them
            await widget.evaluate("el => el.scrollIntoView({block: 'start'})")
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
        return await self._step(
            "clear", "", lambda: button.click(timeout=self.timeout_s * 1000), self.title, extra_wait=(FILTER_CLEARED_JS, None)
        )


class SocketViewer(Viewer):
    """A viewer speaking Streamlit's websocket protocol: one session per connection, nothing drawn."""

    client = "socket"

    def __init__(self, *args, affinity: str = "") -> None:
        super().__init__(*args)
        self.ws_url = stream_url(self.base_url)
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
        self.ws = await connect_stream(self.ws_url, self.headers, self.timeout_s)
        return self.ws

    def _heard_query(self, query: str) -> None:
        self.query = query

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
                assert self.ws is not None
                ok, error = await run_script(self.ws, page_name, parts.query, title, deadline, self._heard_query)
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
