"""Hostile links against every page of one real server, in real Chromium, with every file the server opens audited.

A seeded generator writes 216 query strings, 36 per page, three of each of twelve classes: unknown ids, 100 KB values,
unicode (right-to-left overrides, emoji, combining marks, NUL, invalid UTF-8), `<script>`, `<img onerror>`,
`"><svg onload>`, `javascript:` URLs, path traversal, repeated keys, empty keys, keys with brackets, and huge numbers
of parameters. Each is opened once, in a fresh session, on one server started under `audited_server.py`. For each
load: the page shows its own title, no exception box, no uncaught page error, no JavaScript dialog, no injected
element or handler, nothing of the payload in the page's text, a notice wherever the link named something that was
dropped (and none where nothing was), and an address bar holding only what was kept. Afterwards the audit log shows
that no file named by a link was opened, that every file opened lies in an allow-listed place, and that nothing but
the frames cache (and Python's bytecode caches) was opened for writing.

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
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from briefing.load import Layout, load_corpus
from briefing.regions import REGIONAL_PANELS
from components.timeline import ZOOMS
from tests.browser.conftest import PROJECT
from tests.conftest import CORPUS

# about eight minutes on this 2-core machine, so it runs under `make soak` rather than in `make test`
pytestmark = [pytest.mark.browser, pytest.mark.soak]

SEED = 20260130
PER_PAGE = 36
LANES = 3  # pages loading at once, each in its own browser context
SETTLE_TIMEOUT_MS = 60_000
LANE_VIEWPORT = {"width": 1100, "height": 700}  # smaller than the other tests': less to paint per load

# conftest's SETTLED_JS without waiting for plotly to draw: charts hold only data, never link input, and a run of
# 216 loads would otherwise spend much of its time drawing them.
SCRIPT_DONE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector('[data-testid="stSkeleton"]')
    && document.querySelector('[data-testid="stMain"] h1') !== null;
}"""

PAGES = {
    "overview": ("/", "Overview", ()),
    "matrix": ("/matrix", "Position matrix", ("cell",)),
    "timeline": ("/timeline", "Timeline", ("zoom", "event")),
    "regional": ("/regional", "Poland & Baltic states", ("region",)),
    "sources": ("/sources", "Source viewer", ("span", "q")),
    "negotiation": ("/negotiation", "Negotiation space", ()),
}
FILTER_KEYS = ("issue", "party", "brief", "v")
TARGET_KEYS = ("span", "cell", "event", "q", "brief", "issue", "party")

# Streamlit's own limits on the query string it hands to the app (streamlit/runtime/state/query_params.py).
STREAMLIT_MAX_FIELDS = 1000
STREAMLIT_MAX_CHARS = 512 * 1024
# Above this many characters of path and query the HTTP server refuses the request (about 128 KiB on loopback).
REFUSED_ABOVE = 130_000
KEPT_BELOW = 125_000

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
SCRIPTS = [
    SCRIPT,
    "<ScRiPt>alert(1)</sCrIpT>",
    "</script><script>alert(1)</script>",
    "'\"><script>alert(1)</script>",
    "<script src=//127.0.0.1:1/x.js></script>alert(1)",
    "<scr<script>ipt>alert(1)</script>",
]
IMGS = [
    IMG,
    '"><img src=x onerror=alert(1)>',
    "<IMG SRC=x ONERROR=alert(1)//",
    "<img/src=x/onerror=alert(1)>",
    "<img src=x onerror=\"alert(1)\">",
    "&lt;img src=x onerror=alert(1)&gt;",
]
SVGS = [
    SVG,
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)//",
    "'><svg><animate onbegin=alert(1) attributeName=x>",
    "\"><svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert(1) src=1>\">",
]
JAVASCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:alert(1)",
]
# Written into the URL as they are: their percent signs are the point.
TRAVERSALS = [
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "..%252F..%252Fetc%252Fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "....//....//etc/passwd",
    "..\\..\\etc\\passwd",
    "/etc/passwd",
    "../../../../../../etc/passwd%00.yaml",
    "file:///etc/passwd",
    "../../../../proc/self/environ",
    "..%c0%af..%c0%afetc%c0%afpasswd",
    "data/../../../etc/passwd",
]
UNICODE = [
    "\u202eevil\u202c",  # right-to-left override
    "\u202bceasefire\u202c",
    "مرحبا بالعالم",
    "שלום",
    "🔥💣🧨",
    "👨\u200d👩\u200d👧\u200d👦",
    "Z\u0337\u0322\u0349a\u0335\u0347l\u0336g\u0334o\u0338",
    "e\u0301" * 40,
    "\u0000",
    "russia\u0000",
    "\ufeffceasefire",
    "cease\u200bfire",
    "ceasef\u0456re",  # Cyrillic i: a homoglyph of a real id
    "\U0001f600" * 199,
    "\u2028\u2029",
    "\ud7ff\ue000\uffff",
]
UNICODE_FRAGMENTS = ["%00", "%00%00", "%ED%A0%80", "%FF%FE", "%C0%AF", "%", "%zz", "%E2%80%AE"]
UNKNOWN = ["zz-unknown", "atlantis", "no-such-brief", "lrl-does-not-exist", "evt-never-happened", "Ceasefire",
           "CEASEFIRE", "russia ", "0", "-1", "null", "undefined", "true", "[]", "{}", "9" * 40]
# Data versions (?v=) are twelve lowercase hex digits; these only look like one.
VERSION_LOOKALIKES = ["0123456789ab\n", "0123456789AB", "0123456789abc", "0123456789a", "../0123456789", "0123456789ab%"]
UNKNOWN_CELLS = ["atlantis:ceasefire", "russia:zz-unknown", "russia", ":", "russia:ceasefire:extra", "ceasefire:russia"]

# Strings that must never reach a file path, and never the page's text.
PATH_MARKERS = ("passwd", "self/environ", "..", "%", "<", ">", "alert(", "javascript:", "\\")
TEXT_MARKERS = ("alert(", "<script", "<img", "<svg", "onerror", "onload", "javascript:", "passwd", "self/environ")

CLASSES = ("unknown", "huge", "unicode", "script", "img", "svg", "javascript", "traversal",
           "repeated", "empty-keys", "brackets", "many-params")


@dataclass
class Case:
    page: str
    kind: str
    query: str
    outcome: str = ""  # notice, clean, discarded (by Streamlit, before the app) or refused (by the HTTP server)
    keeps_text: bool = False  # the source viewer keeps a free-text search, which then shows as text (and in the link)
    seconds: float = 0.0
    filters: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return PAGES[self.page][0] + (f"?{self.query}" if self.query else "")

    def label(self) -> str:
        shown = self.query if len(self.query) <= 120 else f"{self.query[:100]}… ({len(self.query):,} characters)"
        return f"{self.page} [{self.kind}] ?{shown!r}"


@dataclass(frozen=True)
class Known:
    """The ids a link may name, read from the project's own data."""

    issues: frozenset[str]
    parties: frozenset[str]
    briefs: tuple[str, ...]
    spans: frozenset[str]
    events: frozenset[str]
    regions: frozenset[str]  # the regional view's regions and their members

    @classmethod
    def load(cls) -> Known:
        corpus = load_corpus(layout=Layout(root=CORPUS))
        assert not corpus.problems, corpus.problems
        return cls(
            issues=frozenset(i.id for i in corpus.taxonomy.issues),
            parties=frozenset(p.id for p in corpus.taxonomy.parties),
            briefs=tuple(b.id for b in corpus.briefs),
            spans=frozenset(span.id for brief in corpus.briefs for span in brief.evidence()),
            events=frozenset(event.id for brief in corpus.briefs for event in brief.events),
            regions=frozenset(region for panel in REGIONAL_PANELS if panel in {p.id for p in corpus.taxonomy.parties}
                              for region in (panel, *corpus.taxonomy.party(panel).members)),
        )

    def accepts(self, key: str, value: str) -> bool:
        """Whether the app keeps this value for this key (page params: the last value of the key)."""
        party, _, issue = value.partition(":")
        return {
            "issue": lambda: value in self.issues,
            "party": lambda: value in self.parties,
            "brief": lambda: value in self.briefs,
            "v": lambda: re.fullmatch(r"[0-9a-f]{12}", value) is not None,
            "cell": lambda: party in self.parties and issue in self.issues,
            "span": lambda: value in self.spans,
            "event": lambda: value in self.events,
            "zoom": lambda: value in ZOOMS,
            "region": lambda: value in self.regions,
            "q": lambda: 0 < len(value.strip()) <= 200,
        }.get(key, lambda: False)()


def _enc(text: str) -> str:
    return quote(text, safe="")


def _pair(key: str, value: str, raw: bool = False) -> str:
    """key=value for a query string; `raw` writes the value as it is (safe only without & # + % or whitespace)."""
    return f"{_enc(key)}={value if raw else _enc(value)}"


class Generator:
    """Deterministic hostile query strings; `random.Random(SEED)` makes every run the same."""

    def __init__(self, known: Known) -> None:
        self.rng = random.Random(SEED)
        self.known = known

    def key(self) -> str:
        return self.rng.choice(TARGET_KEYS)

    def valid_pair(self) -> str:
        key = self.rng.choice(("issue", "party"))
        return _pair(key, self.rng.choice(sorted(self.known.issues if key == "issue" else self.known.parties)))

    def payload_pairs(self, values: list[str], raw_ok: bool) -> list[str]:
        pairs = []
        for _ in range(self.rng.randint(1, 3)):
            value = self.rng.choice(values)
            raw = raw_ok and self.rng.random() < 0.5 and not re.search(r"[&#+%\s]", value)
            pairs.append(_pair(self.key(), value, raw))
        return pairs

    def make(self, kind: str, nth: int) -> list[str]:
        """The pairs of one query string of this class; `nth` counts the class's strings on the current page."""
        rng = self.rng
        if kind == "unknown":
            pairs = [_pair(self.key(), rng.choice(UNKNOWN)), _pair("cell", rng.choice(UNKNOWN_CELLS)),
                     _pair(rng.choice(("zoom", "v", "zz-unknown-key")), rng.choice(UNKNOWN))]
            pairs = rng.sample(pairs, rng.randint(1, 3))
            return [*pairs, _pair("v", rng.choice(VERSION_LOOKALIKES))] if nth == 0 else pairs
        if kind == "huge":  # 100 KB values; the third per page, percent-encoded, is past the HTTP server's limit
            filler = rng.choice(("A", "ceasefire-", "russia:ceasefire", "lrl-") if nth < 2 else (SCRIPT, "é", "../"))
            value = (filler * (100_000 // len(filler) + 1))[:100_000]
            return [_pair(self.key(), value)]
        if kind == "unicode":
            pairs = [_pair(self.key(), rng.choice(UNICODE)), _pair(self.key(), rng.choice(UNICODE_FRAGMENTS), raw=True)]
            if rng.random() < 0.3:
                pairs.append(_pair(rng.choice(UNICODE), "x"))  # a unicode key
            return rng.sample(pairs, len(pairs))
        if kind in ("script", "img", "svg", "javascript"):
            values = {"script": SCRIPTS, "img": IMGS, "svg": SVGS, "javascript": JAVASCRIPT_URLS}[kind]
            return self.payload_pairs(values, raw_ok=True)
        if kind == "traversal":
            return [_pair(self.key(), rng.choice(TRAVERSALS), raw=True) for _ in range(rng.randint(1, 3))]
        if kind == "repeated":
            value = rng.choice((rng.choice(sorted(self.known.issues)), SCRIPT, "zz-unknown", ""))
            pairs = [_pair("issue", value)] * 50
            if rng.random() < 0.5:
                pairs += [_pair("brief", b) for b in self.known.briefs] * 3  # several briefs: one is kept
            if rng.random() < 0.5:
                pairs += [_pair(rng.choice(("span", "cell", "event", "q")), rng.choice((SVG, "zz-unknown")))] * 10
            return pairs
        if kind == "empty-keys":
            return [rng.choice(("=x", "", "=", "issue=", "party=", "==", "issue==ceasefire", "&", "=&=",
                                "cell=", "span=", "q=", "event=", "q=%20%20"))
                    for _ in range(rng.randint(1, 4))] + [""]
        if kind == "brackets":
            return [rng.choice(("issue[]=ceasefire", "issue[0]=ceasefire", "party[]=russia", "a[b][c]=1",
                                "%5Bissue%5D=ceasefire", "[]=", "issue]=x", "cell[party]=russia",
                                "__proto__[x]=1", "constructor[prototype][x]=1", "span[]=" + _enc(SCRIPT)))
                    for _ in range(rng.randint(1, 3))]
        if kind == "many-params":
            count = (rng.choice((200, 500, 999)), rng.choice((200, 999)), rng.choice((1001, 5000)))[nth % 3]
            return [_pair(f"{rng.choice(('k', 'issue', 'p', '<b>'))}{i}", rng.choice(("v", "", "<i>"))) for i in range(count)]
        raise ValueError(kind)

    def cases(self) -> list[Case]:
        cases = []
        for page in PAGES:
            kinds = [CLASSES[i % len(CLASSES)] for i in range(PER_PAGE)]
            self.rng.shuffle(kinds)
            seen: dict[str, int] = {}
            for kind in kinds:
                seen[kind] = seen.get(kind, -1) + 1
                pairs = self.make(kind, seen[kind])
                if self.rng.random() < 0.3 and kind not in ("many-params", "empty-keys"):
                    pairs.insert(self.rng.randrange(len(pairs) + 1), self.valid_pair())
                query = "&".join(pairs)
                case = Case(page, kind, query)
                self.expect(case)
                cases.append(case)
        return cases

    def expect(self, case: Case) -> None:
        """What must happen to this link: refused, discarded, or a notice or not, and which filter values are kept."""
        query = case.query
        if len(case.path) > REFUSED_ABOVE:
            case.outcome = "refused"
            return
        assert len(case.path) < KEPT_BELOW, f"{case.label()}: too close to the HTTP server's limit to be deterministic"
        if len(query) > STREAMLIT_MAX_CHARS or query.count("&") + 1 > STREAMLIT_MAX_FIELDS:
            case.outcome = "discarded"
            return
        params = parse_qs(query, keep_blank_values=True)  # as Streamlit parses it
        for reserved in ("embed", "embed_options"):
            params.pop(reserved, None)
        page_keys = PAGES[case.page][2]
        dropped = any(key not in (*FILTER_KEYS, *page_keys) for key in params)
        for key in FILTER_KEYS:
            dropped |= any(not self.known.accepts(key, value) for value in params.get(key, []))
        for key in page_keys:
            if params.get(key):  # the last value counts; earlier ones are dropped with a notice
                dropped |= len(params[key]) > 1 or not self.known.accepts(key, params[key][-1])
        kept = {key: list(dict.fromkeys(v for v in params.get(key, []) if self.known.accepts(key, v)))
                for key in ("issue", "party", "brief")}
        dropped |= len(kept["brief"]) > 1  # one brief or all of them, with a notice
        kept["brief"] = kept["brief"][:1]
        case.outcome = "notice" if dropped else "clean"
        case.keeps_text = "q" in page_keys and bool(params.get("q")) and self.known.accepts("q", params["q"][-1])
        case.filters = {key: values for key, values in kept.items() if values}


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
    title = PAGES[case.page][1]
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
    page_keys = PAGES[case.page][2]
    kept_badly = {key: values for key, values in params.items()
                  if key not in (*FILTER_KEYS, *page_keys) or not all(known.accepts(key, v) for v in values)}
    if kept_badly:
        problems.append(f"the address bar still holds dropped values: {str(kept_badly)[:200]}")
    filters = {key: params[key] for key in ("issue", "party", "brief") if key in params}
    if filters != case.filters:
        problems.append(f"address bar filter {filters}, expected {case.filters}")


@pytest.fixture(scope="module")
def known() -> Known:
    return Known.load()


@pytest.fixture(scope="module")
def cases(known) -> list[Case]:
    return Generator(known).cases()


@pytest.fixture(scope="module")
def audited(start_server_at, tmp_path_factory):
    """One server on the project's data, logging every file it opens."""
    audit_log = tmp_path_factory.mktemp("audit") / "opened.log"
    server = start_server_at(audit_log=audit_log)
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
            batch = list(zip(lanes, cases[first:first + LANES], strict=False))
            for lane, case in batch:
                if case.kind == "huge":
                    lane.renew(browser)
                lane.open(server.url, case)
            for lane, _case in batch:
                unsettled = 0 if lane.finish(known) else unsettled + 1
                assert unsettled < 2 * LANES, f"pages stopped settling; server log:\n{server.output()[-3000:]}"
        lanes[0].page.wait_for_timeout(500)  # anything injected late would still open a dialog
    finally:
        for lane in lanes:
            lane.context.close()
    result.seconds = time.monotonic() - started
    slowest = sorted(cases, key=lambda c: c.seconds)[-3:]
    print(f"\n{len(cases)} hostile links in {result.seconds:.1f} s; slowest: "
          + ", ".join(f"{c.page} [{c.kind}] {c.seconds:.1f} s" for c in slowest))
    return result


def test_generator_is_deterministic_and_covers_every_class_on_every_page(cases, known):
    """At least 200 query strings; the same ones every run; every class on every page; every kind of outcome."""
    assert len(cases) >= 200
    assert [c.query for c in Generator(known).cases()] == [c.query for c in cases]
    for page in PAGES:
        kinds = {c.kind for c in cases if c.page == page}
        assert kinds == set(CLASSES), (page, set(CLASSES) - kinds)
        reaching = {c.kind for c in cases if c.page == page and c.outcome in ("notice", "clean")}
        assert reaching == set(CLASSES), (page, "classes that never reach the app:", set(CLASSES) - reaching)
    assert {c.outcome for c in cases} == {"notice", "clean", "discarded", "refused"}
    assert any(len(c.query) >= 100_000 and c.outcome == "notice" for c in cases)
    assert any(c.query.count("issue=") >= 50 for c in cases)
    for key in TARGET_KEYS:
        assert any(re.search(rf"(^|&){key}=[^&]*(passwd|%3Cscript|%3Csvg|%3Cimg|javascript)", c.query, re.I) for c in cases), key


@pytest.mark.parametrize("page", list(PAGES))
def test_every_hostile_link_shows_the_page_with_a_notice_and_injects_nothing(run, page):
    """Title shown, no exception, nothing injected or reflected, a notice where a value was dropped, a clean address bar."""
    failed = [f"{c.label()}: {'; '.join(c.problems)}" for c in run.cases if c.page == page and c.problems]
    assert not failed, f"{len(failed)} link(s) failed:\n" + "\n".join(failed[:20])


def test_no_dialog_and_no_page_error_on_any_load(run):
    assert not run.dialogs, run.dialogs[:10]
    assert not run.page_errors, run.page_errors[:10]


@pytest.mark.parametrize("path", [
    "/sources?span=%3Cscript%3Ealert(1)%3C%2Fscript%3E&span=lrl-zelenskyy-document-100-percent-ready",
    "/matrix?cell=%3Csvg%20onload%3Dalert(1)%3E&cell=russia%3Aceasefire",
])
def test_an_earlier_value_of_a_repeated_page_param_is_not_dropped_silently(browser, audited, known, path):
    server, _log = audited
    page, _, query = path.partition("?")
    case = Case(next(name for name, spec in PAGES.items() if spec[0] == page), "repeated", query, outcome="notice")
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
        CORPUS / "data", CORPUS / "seeds", PROJECT / "pages", PROJECT / "components", PROJECT / "briefing",
        PROJECT / ".streamlit",
        Path(sys.prefix), Path(sys.base_prefix),  # the venv and the Python it was made from
        Path(os.environ["BRIEFING_CACHE"]),  # the frames cache and version manifests (tests/conftest.py)
        home / ".streamlit",  # Streamlit's global config, credentials and secrets
        Path("/usr"), Path("/proc"),  # shared libraries, zoneinfo, CPU and memory probes
    ]
    files = [
        PROJECT / "app.py",
        # the launcher itself: python -m tests.browser.audited_server
        PROJECT / "tests" / "__init__.py", PROJECT / "tests" / "browser" / "__init__.py",
        PROJECT / "tests" / "browser" / "audited_server.py",
        Path("/etc/machine-id"), Path("/etc/localtime"), Path("/etc/timezone"),
        *(Path(p) for p in mimetypes.knownfiles),
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

