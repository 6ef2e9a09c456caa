"""Dates in a sentence, as EDTF: a small set of patterns finds the phrase, `dateparser` reads each day in it.

The patterns (each tested): "January 23 and 24, 2026" / "From January 23 to 24" (a range within a month),
"January 29", "29 January" and "February 24, 2022" (a day; without a year, the year of the source's publication,
never after it), "29 January 2026", "January 2026" (a month), "the spring of 2022" (a season, EDTF 2022-21), "2026-01-29"
and "30/01/2026" (day first, as the shipped sources print it). A phrase that names nothing more is not read:
"last winter", "several days after" stay in the text for the analyst.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser  # type: ignore[import-untyped]  # the package ships no type information

from briefing.dates.plain import SEASON_CODES

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
PATTERNS = (
    (
        "range",
        re.compile(
            rf"\b(?P<month>{MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)? ?(?:and|to|-|–) ?(?P<last>\d{{1,2}})(?:, (?P<year>\d{{4}}))?\b"
        ),
    ),
    ("day", re.compile(rf"\b(?P<month>{MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:, (?P<year>\d{{4}}))?\b")),
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{MONTH})(?: (?P<year>\d{{4}}))?\b")),
    ("month", re.compile(rf"\b(?P<month>{MONTH}) (?:of )?(?P<year>\d{{4}})\b")),
    ("season", re.compile(rf"\b(?P<season>{'|'.join(SEASON_CODES)}) (?:of )?(?P<year>\d{{4}})\b", re.IGNORECASE)),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    ("numeric", re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")),
)


@dataclass(frozen=True)
class FoundDate:
    """A date phrase of a text: its EDTF and the words it was read from."""

    edtf: str
    words: str
    start: int


def _day(month: str, day: str, year: str | None, published: dt.date | None) -> dt.date | None:
    base = dt.datetime.combine(published, dt.time()) if published else None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": "MDY"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    if year is None and published is None:
        return None  # a day without its year, and nothing to take the year from
    parsed = dateparser.parse(f"{month} {day} {year}" if year else f"{month} {day}", languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _edtf(kind: str, match: re.Match[str], published: dt.date | None) -> str | None:
    parts = match.groupdict()
    if kind == "season":
        return f"{parts['year']}-{SEASON_CODES[parts['season'].lower()]}"
    if kind == "month":
        parsed = dateparser.parse(f"1 {parts['month']} {parts['year']}", languages=["en"])
        return f"{parsed:%Y-%m}" if parsed else None
    if kind in ("iso", "numeric"):
        try:
            return dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"])).isoformat()
        except ValueError:
            return None
    first = _day(parts["month"], parts["day"], parts.get("year"), published)
    if first is None:
        return None
    if kind == "range":
        last = _day(parts["month"], parts["last"], parts.get("year") or str(first.year), None)
        return f"{first.isoformat()}/{last.isoformat()}" if last and last > first else None
    return first.isoformat()


def dateline(text: str) -> dt.date | None:
    """The publication date a source prints on a line of its own near its top ("30/01/2026"), if it does."""
    for line in text.splitlines()[:6]:
        found = dates_in(line.strip())
        if len(found) == 1 and found[0].words == line.strip() and len(found[0].edtf) == 10:
            return dt.date.fromisoformat(found[0].edtf)
    return None


def dates_in(text: str, published: dt.date | None = None) -> list[FoundDate]:
    """Every date phrase of a text, in order; a phrase inside a longer one already read is not read again."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in taken):
                continue
            edtf = _edtf(kind, match, published)
            if edtf is not None:
                taken.append(match.span())
                found.append(FoundDate(edtf, match.group(0), match.start()))
    return sorted(found, key=lambda date: date.start)
