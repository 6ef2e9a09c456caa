"""The hostile links of tests/browser/test_hostile_urls.py: a seeded generator of query strings for every page, and
what each must do (refused by the HTTP server, discarded by Streamlit, or shown with or without a notice).

Twelve classes, three of each per page: unknown ids, 100 KB values, unicode (right-to-left overrides, emoji, combining
marks, NUL, invalid UTF-8), `<script>`, `<img onerror>`, `"><svg onload>`, `javascript:` URLs, path traversal,
repeated keys, empty keys, keys with brackets, and huge numbers of parameters.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote

from briefing.figures.timeline import ZOOMS
from briefing.load import Layout, load_corpus
from briefing.regions import REGIONAL_PANELS
from components.pages import SIDEBAR, Page
from tests.conftest import CORPUS

SEED = 20260130
PER_PAGE = 36
PAGES: dict[str, Page] = {page.name: page for page in SIDEBAR}
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
    '<img src=x onerror="alert(1)">',
    "&lt;img src=x onerror=alert(1)&gt;",
]
SVGS = [
    SVG,
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)//",
    "'><svg><animate onbegin=alert(1) attributeName=x>",
    '"><svg><script>alert(1)</script></svg>',
    '<math><mtext><table><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
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
UNKNOWN = [
    "zz-unknown",
    "atlantis",
    "no-such-brief",
    "lrl-does-not-exist",
    "evt-never-happened",
    "Ceasefire",
    "CEASEFIRE",
    "russia ",
    "0",
    "-1",
    "null",
    "undefined",
    "true",
    "[]",
    "{}",
    "9" * 40,
]
# Data versions (?v=) are twelve lowercase hex digits; these only look like one.
VERSION_LOOKALIKES = ["0123456789ab\n", "0123456789AB", "0123456789abc", "0123456789a", "../0123456789", "0123456789ab%"]
UNKNOWN_CELLS = ["atlantis:ceasefire", "russia:zz-unknown", "russia", ":", "russia:ceasefire:extra", "ceasefire:russia"]

# Strings that must never reach a file path, and never the page's text.
PATH_MARKERS = ("passwd", "self/environ", "..", "%", "<", ">", "alert(", "javascript:", "\\")
TEXT_MARKERS = ("alert(", "<script", "<img", "<svg", "onerror", "onload", "javascript:", "passwd", "self/environ")

CLASSES = (
    "unknown",
    "huge",
    "unicode",
    "script",
    "img",
    "svg",
    "javascript",
    "traversal",
    "repeated",
    "empty-keys",
    "brackets",
    "many-params",
)


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
        return PAGES[self.page].url_path + (f"?{self.query}" if self.query else "")

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
            regions=frozenset(
                region
                for panel in REGIONAL_PANELS
                if panel in {p.id for p in corpus.taxonomy.parties}
                for region in (panel, *corpus.taxonomy.party(panel).members)
            ),
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
            pairs = [
                _pair(self.key(), rng.choice(UNKNOWN)),
                _pair("cell", rng.choice(UNKNOWN_CELLS)),
                _pair(rng.choice(("zoom", "v", "zz-unknown-key")), rng.choice(UNKNOWN)),
            ]
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
            return [
                rng.choice(
                    ("=x", "", "=", "issue=", "party=", "==", "issue==ceasefire", "&", "=&=", "cell=", "span=", "q=", "event=", "q=%20%20")
                )
                for _ in range(rng.randint(1, 4))
            ] + [""]
        if kind == "brackets":
            return [
                rng.choice(
                    (
                        "issue[]=ceasefire",
                        "issue[0]=ceasefire",
                        "party[]=russia",
                        "a[b][c]=1",
                        "%5Bissue%5D=ceasefire",
                        "[]=",
                        "issue]=x",
                        "cell[party]=russia",
                        "__proto__[x]=1",
                        "constructor[prototype][x]=1",
                        "span[]=" + _enc(SCRIPT),
                    )
                )
                for _ in range(rng.randint(1, 3))
            ]
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
        page_keys = PAGES[case.page].params
        dropped = any(key not in (*FILTER_KEYS, *page_keys) for key in params)
        for key in FILTER_KEYS:
            dropped |= any(not self.known.accepts(key, value) for value in params.get(key, []))
        for key in page_keys:
            if params.get(key):  # the last value counts; earlier ones are dropped with a notice
                dropped |= len(params[key]) > 1 or not self.known.accepts(key, params[key][-1])
        kept = {
            key: list(dict.fromkeys(v for v in params.get(key, []) if self.known.accepts(key, v))) for key in ("issue", "party", "brief")
        }
        dropped |= len(kept["brief"]) > 1  # one brief or all of them, with a notice
        kept["brief"] = kept["brief"][:1]
        case.outcome = "notice" if dropped else "clean"
        case.keeps_text = "q" in page_keys and bool(params.get("q")) and self.known.accepts("q", params["q"][-1])
        case.filters = {key: values for key, values in kept.items() if values}
