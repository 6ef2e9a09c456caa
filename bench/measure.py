"""Measurements in the browser (a fresh visit's render, a filter change's rerun, many sessions at once), the servers
they are taken on, and the statistics over them."""

from __future__ import annotations

import contextlib
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from bench.pagejs import ARM_RERUN_JS, INIT_JS, UNDRAWN_ROUTE, WAIT_RENDER_JS, WAIT_RERUN_JS, WAIT_SERVED_JS
from bench.settings import FILTER_LABEL, FILTER_OPTION, STARTUP_TIMEOUT_S, VIEWPORT
from scripts.harness import STILL_JS, StreamlitServer, free_port


def start_server(name: str, script: str, workdir: Path, root: Path | None = None) -> StreamlitServer:
    """`streamlit run <script>` with a frames cache of its own in the work folder (on ``root``, else the project's data)."""
    port = free_port()
    return StreamlitServer(
        workdir / f"server-{name}-{port}.log",
        script=script,
        root=root,
        port=port,
        name=name,
        env={"BRIEFING_CACHE": str(workdir / f"cache-{name}")},
    )


@contextlib.contextmanager
def servers(*specs: tuple[str, str, Path, Path | None]) -> Iterator[list[StreamlitServer]]:
    """Start several servers together; every one started is stopped on leaving, whatever happened."""
    started: list[StreamlitServer] = []
    try:
        for spec in specs:
            started.append(start_server(*spec))
        for server in started:
            server.wait_until_healthy(STARTUP_TIMEOUT_S)
        yield started
    finally:
        for server in started:
            server.stop()


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
        page.wait_for_function(STILL_JS, timeout=timeout_s * 1000)  # until the sidebar has slid in
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
            return Sample(None, short_error(error)), Sample(None, "page did not render")
        if not with_rerun:
            return shown, Sample(None, "not measured")
        try:
            ms, signal_seen = rerun(page, timeout_s)
            return shown, Sample(ms, note="" if signal_seen in ("running", "url") else f"start seen via {signal_seen}")
        except PlaywrightError as error:
            return shown, Sample(None, short_error(error))
    finally:
        context.close()


def short_error(error: Exception) -> str:
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
