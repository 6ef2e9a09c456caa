"""Hostile links against every page of one real server, in real Chromium, with every file the server opens audited.

A seeded generator (tests/hostile_cases.py) writes 36 query strings per sidebar page, three of each of twelve
classes: unknown ids, 100 KB values, unicode (right-to-left overrides, emoji, combining marks, NUL, invalid UTF-8),
`<script>`, `<img onerror>`, `"><svg onload>`, `javascript:` URLs, path traversal, repeated keys, empty keys, keys
with brackets, and huge numbers of parameters. Each is opened once, in a fresh session, on one server started under
`audited_server.py`. For each load: the page shows its own title, no exception box, no uncaught page error, no
JavaScript dialog, no injected element or handler, nothing of the payload in the page's text, a notice wherever the
link named something that was dropped (and none where nothing was), and an address bar holding only what was kept.
Afterwards the audit log shows that no file named by a link was opened, that every file opened lies in an
allow-listed place, and that nothing but the frames cache (and Python's bytecode caches) was opened for writing.

Two limits sit in front of the app. Streamlit discards a query string of more than 1,000 parameters (or 512 Ki
characters) before the app runs (`streamlit.runtime.state.query_params.sanitize_query_string`), so for those the app
cannot name what was dropped: the page shows unfiltered and without a notice, and the server log records the discard.
And the HTTP server (uvicorn on h11) answers a request whose head does not arrive within one read, here on loopback
about 128 KiB, with a bare 400: those links are refused before the app runs, and the server keeps serving. On a
kept-alive connection the head of a 100 KB link can arrive in pieces and meet h11's 16 KiB limit for an incomplete
head, so each 100 KB link is opened the way a shared link is, in a fresh browser context on a new connection.
"""

from __future__ import annotations

import mimetypes
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from scripts.harness import UNDRAWN_BODY
from tests.browser.conftest import PROJECT, let_handlers_run
from tests.conftest import CORPUS
from tests.hostile_cases import FILTER_KEYS, PAGES, PATH_MARKERS, TEXT_MARKERS, Case, Known

# about eight minutes on this 2-core machine, so it runs under `make soak` rather than in `make test`
pytestmark = pytest.mark.soak

LANES = 3  # pages loading at once, each in its own browser context
SETTLE_TIMEOUT_MS = 60_000
LANE_VIEWPORT = {"width": 1100, "height": 700}  # smaller than the other tests': less to paint per load

# the harness's SETTLED_JS without waiting for plotly to draw: charts hold only data, never link input, and a run of
# some 250 loads would otherwise spend much of its time drawing them.
SCRIPT_DONE_JS = "() => {" + UNDRAWN_BODY + "}"

CHECK_JS = """(markers) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const text = document.body.innerText.toLowerCase();
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) handlers.push(el.outerHTML.slice(0, 160));
    }
  }
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'];
  const scriptUrls = [];
  for (const el of document.querySelectorAll('[href], [src], [action], [formaction], [data]')) {
    for (const name of urlAttrs) {
      const value = (el.getAttribute(name) || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data):/.test(value)) scriptUrls.push(el.outerHTML.slice(0, 160));
    }
  }
  return {
    titles: main ? [...main.querySelectorAll('h1')].map(e => e.textContent.trim()) : [],
    exceptions: [...document.querySelectorAll('[data-testid="stException"]')].map(e => e.innerText.slice(0, 300)),
    alerts: [...document.querySelectorAll('[data-testid="stAlert"]')].map(e => e.innerText),
    handlers,
    scriptUrls,
    scripts: [...document.scripts].filter(s => /alert|passwd/i.test(s.textContent + ' ' + s.src)).map(s => s.outerHTML.slice(0, 160)),
    embedded: [...document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]')].map(e => e.outerHTML.slice(0, 160)),
    images: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x' || i.getAttribute('src') === '1')
      .map(e => e.outerHTML.slice(0, 160)),
    reflected: markers.filter(m => text.includes(m)),
  };
}"""

NOTICE = re.compile(r"Ignored|Showing one brief|only the last one is used")


def _check(case: Case, facts: dict, url: str, known: Known) -> None:
    problems = case.problems
    title = PAGES[case.page].title
    if facts["titles"] != [title]:
        problems.append(f"page titles {facts['titles']}, expected [{title!r}]")
    for name in ("exceptions", "handlers", "scriptUrls", "scripts", "embedded", "images", "reflected"):
        if facts[name] and not (name == "reflected" and case.keeps_text):
            problems.append(f"{name}: {facts[name][:3]}")
    notices = [text for text in facts["alerts"] if NOTICE.search(text)]
    if case.outcome == "notice" and not notices:
        problems.append(f"no notice for a dropped value; alerts: {facts['alerts']}")
    if case.outcome != "notice" and notices:
        problems.append(f"a notice though the app was given nothing to drop ({case.outcome}): {notices}")
    if case.outcome == "discarded":
        return
    params = parse_qs(urlsplit(url).query, keep_blank_values=True)
    page_keys = PAGES[case.page].params
    kept_badly = {
        key: values
        for key, values in params.items()
        if key not in (*FILTER_KEYS, *page_keys) or not all(known.accepts(key, v) for v in values)
    }
    if kept_badly:
        problems.append(f"the address bar still holds dropped values: {str(kept_badly)[:200]}")
    filters = {key: params[key] for key in ("issue", "party", "brief") if key in params}
    if filters != case.filters:
        problems.append(f"address bar filter {filters}, expected {case.filters}")


@pytest.fixture(scope="module")
def audited(start_server_at, tmp_path_factory):
    """One server on the project's data, logging every file it opens."""
    audit_log = tmp_path_factory.mktemp("audit") / "opened.log"
    # a frames cache of its own, empty, inside the allowed one: the server reads the data files whatever other tests
    # of this worker have cached before it
    cache = Path(tempfile.mkdtemp(prefix="audited-", dir=os.environ["BRIEFING_CACHE"]))
    server = start_server_at(audit_log=audit_log, cache=cache)
    return server, audit_log


@dataclass
class Run:
    cases: list[Case]
    dialogs: list[str]
    page_errors: list[str]
    seconds: float


class Lane:
    """One browser context and page; loads one case at a time and records what happens to it."""

    def __init__(self, browser, run: Run) -> None:
        self.context = browser.new_context(viewport=LANE_VIEWPORT, reduced_motion="reduce")
        self.page = self.context.new_page()
        self.case: Case | None = None
        self.status: int | None = None
        self.started = 0.0
        self.run = run
        self._watch()

    def _watch(self) -> None:
        self.page.on("dialog", self._on_dialog)
        self.page.on("pageerror", lambda error: self.run.page_errors.append(f"{self._label()}: {error}"))
        self.page.on("response", self._on_response)

    def _label(self) -> str:
        return self.case.label() if self.case else "before the first case"

    def _on_dialog(self, dialog) -> None:
        self.run.dialogs.append(f"{self._label()}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    def _on_response(self, response) -> None:
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.status = response.status

    def renew(self, browser) -> None:
        """A fresh browser context (new cookies, new connections) for the next case."""
        self.context.close()
        self.context = browser.new_context(viewport=LANE_VIEWPORT, reduced_motion="reduce")
        self.page = self.context.new_page()
        self._watch()

    def open(self, base_url: str, case: Case) -> None:
        self.case, self.status, self.started = case, None, time.monotonic()
        try:
            self.page.goto(base_url + case.path, wait_until="commit")
        except Exception as error:  # a refused request is an error page; anything else is recorded against the case
            if case.outcome != "refused":
                case.problems.append(f"navigation failed: {str(error).splitlines()[0][:200]}")

    def finish(self, known: Known) -> bool:
        """Check the loaded case; False if the page never settled."""
        case = self.case
        try:
            if case.outcome == "refused":
                if self.status not in (400, 413, 414, 431):
                    case.problems.append(f"expected the HTTP server to refuse the request, got status {self.status}")
                return True
            try:
                self.page.wait_for_function(SCRIPT_DONE_JS, timeout=SETTLE_TIMEOUT_MS, polling=100)
            except Exception as error:
                case.problems.append(f"did not settle: {str(error).splitlines()[0][:200]}")
                return False
            _check(case, self.page.evaluate(CHECK_JS, list(TEXT_MARKERS)), self.page.url, known)
            return True
        finally:
            case.seconds = time.monotonic() - self.started


@pytest.fixture(scope="module")
def run(browser, audited, cases, known) -> Run:
    """Open every case once, LANES at a time, each load in a fresh Streamlit session."""
    server, _log = audited
    result = Run(cases, [], [], 0.0)
    lanes = [Lane(browser, result) for _ in range(LANES)]
    started = time.monotonic()
    unsettled = 0  # in a row: the server has stopped answering
    try:
        for first in range(0, len(cases), LANES):
            batch = list(zip(lanes, cases[first : first + LANES], strict=False))
            for lane, case in batch:
                if case.kind == "huge":
                    lane.renew(browser)
                lane.open(server.url, case)
            for lane, _case in batch:
                unsettled = 0 if lane.finish(known) else unsettled + 1
                assert unsettled < 2 * LANES, f"pages stopped settling; server log:\n{server.output()[-3000:]}"
        for lane in lanes:  # anything injected into the last pages would open its dialog by now
            let_handlers_run(lane.page)
    finally:
        for lane in lanes:
            lane.context.close()
    result.seconds = time.monotonic() - started
    slowest = sorted(cases, key=lambda c: c.seconds)[-3:]
    print(
        f"\n{len(cases)} hostile links in {result.seconds:.1f} s; slowest: "
        + ", ".join(f"{c.page} [{c.kind}] {c.seconds:.1f} s" for c in slowest)
    )
    return result


@pytest.mark.parametrize("page", list(PAGES))
def test_every_hostile_link_shows_the_page_with_a_notice_and_injects_nothing(run, page):
    """Title shown, no exception, nothing injected or reflected, a notice where a value was dropped, a clean address bar."""
    failed = [f"{c.label()}: {'; '.join(c.problems)}" for c in run.cases if c.page == page and c.problems]
    assert not failed, f"{len(failed)} link(s) failed:\n" + "\n".join(failed[:20])


def test_no_dialog_and_no_page_error_on_any_load(run):
    assert not run.dialogs, run.dialogs[:10]
    assert not run.page_errors, run.page_errors[:10]


@pytest.mark.parametrize(
    "path",
    [
        "/sources?span=%3Cscript%3Ealert(1)%3C%2Fscript%3E&span=lrl-zelenskyy-document-100-percent-ready",
        "/matrix?cell=%3Csvg%20onload%3Dalert(1)%3E&cell=russia%3Aceasefire",
    ],
)
def test_an_earlier_value_of_a_repeated_page_param_is_not_dropped_silently(browser, audited, known, path):
    server, _log = audited
    page, _, query = path.partition("?")
    case = Case(next(name for name, spec in PAGES.items() if spec.url_path == page), "repeated", query, outcome="notice")
    lane = Lane(browser, Run([case], [], [], 0.0))
    try:
        lane.open(server.url, case)
        lane.finish(known)
    finally:
        lane.context.close()
    assert not case.problems, case.problems


def test_links_past_the_front_door_limits_are_refused_or_discarded_and_logged(run, audited):
    """Links past Streamlit's 1,000-parameter limit reach the app empty; oversized requests get a 400; both are logged."""
    server, _log = audited
    output = server.output()
    assert "exceeds the 1000 parameter limit" in output
    assert "Invalid HTTP request received" in output


def _opened(audit_log: Path) -> list[str]:
    return audit_log.read_text(encoding="utf-8").splitlines()


def _allowed_prefixes() -> tuple[list[Path], list[Path]]:
    """(folders, files) the server may open: its code, config and data, Python, the frames cache and a few system files."""
    home = Path.home()
    folders = [
        CORPUS / "data",
        CORPUS / "seeds",
        PROJECT / "pages",
        PROJECT / "components",
        PROJECT / "briefing",
        PROJECT / ".streamlit",
        Path(sys.prefix),
        Path(sys.base_prefix),  # the venv and the Python it was made from
        Path(os.environ["BRIEFING_CACHE"]),  # the frames cache and version manifests (tests/conftest.py)
        home / ".streamlit",  # Streamlit's global config, credentials and secrets
        Path("/usr"),
        Path("/proc"),  # shared libraries, zoneinfo, CPU and memory probes
        # the project's own package metadata from `pip install -e .`: building its first model, pydantic reads the
        # entry points of every package on the path, and the project folder is on it
        *PROJECT.glob("*.egg-info"),
    ]
    # an editable install's import hook puts a marker on sys.path ("__editable__.<name>.finder.__path_hook__"), no
    # file; scanning the path for installed packages (Streamlit's component scanner, pydantic's entry points) tries to
    # open it, relative to the working folder, and finds nothing
    markers = [PROJECT / entry for entry in sys.path if entry.startswith("__editable__.") and entry.endswith(".__path_hook__")]
    files = [
        PROJECT / "app.py",
        # read by Streamlit's component scanner, which looks for custom components in every installed package that
        # depends on Streamlit, this project included once `pip install -e .` has made it one
        PROJECT / "pyproject.toml",
        # the launcher itself: python -m tests.browser.audited_server
        PROJECT / "tests" / "__init__.py",
        PROJECT / "tests" / "browser" / "__init__.py",
        PROJECT / "tests" / "browser" / "audited_server.py",
        Path("/etc/machine-id"),
        Path("/etc/localtime"),
        Path("/etc/timezone"),
        *(Path(p) for p in mimetypes.knownfiles),
        *markers,
    ]
    return [Path(os.path.realpath(p)) for p in folders], [Path(os.path.realpath(p)) for p in files]


def test_the_audit_hook_saw_the_server_read_its_data(run, audited):
    _server, audit_log = audited
    opened = set(_opened(audit_log))
    assert str(CORPUS / "data" / "taxonomy.yaml") in opened
    assert str(PROJECT / "app.py") in opened


def test_no_file_named_by_a_link_was_opened(run, audited):
    """No opened path carries a traversal, a payload or anything else a link supplied."""
    _server, audit_log = audited
    opened = sorted(set(_opened(audit_log)))
    suspicious = [path for path in opened if any(marker in path.lower() for marker in PATH_MARKERS)]
    assert not suspicious, suspicious[:20]
    data_files = {str(p) for folder in (CORPUS / "data", CORPUS / "seeds") for p in folder.rglob("*") if p.is_file()}
    under_data = [p for p in opened if p.startswith((str(CORPUS / "data") + "/", str(CORPUS / "seeds") + "/"))]
    assert set(under_data) <= data_files, sorted(set(under_data) - data_files)


def test_every_file_the_server_opened_is_in_an_allowed_place(run, audited):
    """Every opened path, resolved, is the server's code, config, data or Python, the cache, or an allow-listed file."""
    _server, audit_log = audited
    folders, files = _allowed_prefixes()
    outside = []
    for path in sorted(set(_opened(audit_log))):
        resolved = Path(os.path.realpath(path))
        if resolved in files or any(resolved.is_relative_to(folder) for folder in folders):
            continue
        outside.append(path)
    assert not outside, outside[:30]
