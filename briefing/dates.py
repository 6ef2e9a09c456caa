"""Imprecise dates: EDTF strings in, explicit extent and precision out."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from edtf.parser import grammar
from edtf.parser.edtf_exceptions import EDTFParseException
from pyparsing import ParseException

PRECISION_LABELS = {
    "day": "exact day",
    "day-range": "day range",
    "month": "month",
    "month-range": "month range",
    "season": "season",
    "year": "year",
    "year-range": "year range",
    "range": "range",
    "undated": "undated",
}


class DateError(ValueError):
    """An EDTF string that cannot be parsed or describes an impossible extent."""


@dataclass(frozen=True)
class DateExtent:
    """The real extent of an imprecise date: first day, last day and how precise it is."""

    edtf: str
    start: dt.date
    end: dt.date
    precision: str
    uncertain: bool = False

    @property
    def label(self) -> str:
        text = PRECISION_LABELS[self.precision]
        return f"{text}, uncertain" if self.uncertain else text


def _as_date(parts: tuple) -> dt.date:
    return dt.date(parts[0], parts[1], parts[2])


def _single_precision(node) -> str:
    name = type(node).__name__
    if name == "UncertainOrApproximate":
        return _single_precision(node.date)
    if name == "Season":
        return "season"
    precision = getattr(node, "precision", None)
    if precision in ("day", "month", "year"):
        return precision
    raise DateError(f"unsupported EDTF form {name}")


def _parse_edtf(text: str):
    """edtf's own grammar, level by level.

    edtf.parse_edtf tries all three EDTF levels at once and keeps the longest match, so every date pays
    for the costly level-2 grammar. Levels nest and ties go to the lower level, so trying them in order
    gives the same result, several times faster for the everyday level-0 and level-1 forms.
    """
    for level in (grammar.level0Expression, grammar.level1Expression, grammar.level2Expression):
        try:
            return level.parse_string(text, parse_all=True)[0]
        except ParseException:
            continue
    raise EDTFParseException(text)


@functools.lru_cache(maxsize=65536)  # the EDTF grammar is slow (~20 ms a call) and briefs repeat dates
def parse_date(text: str) -> DateExtent:
    """Parse one EDTF date (day, month, year, season, interval; '?' or '~' marks uncertainty)."""
    if not isinstance(text, str):
        raise DateError(f"a date is EDTF text, not {type(text).__name__}")
    if not text.strip():
        raise DateError("empty date")
    text = text.strip()
    if "X" in text or "x" in text:
        raise DateError(f"{text!r} uses unspecified digits (X); give the month, year or a range instead")
    return _plain_extent(text) or edtf_extent(text)


_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$")
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # winter runs into the next February


def _month_end(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _plain_part(text: str) -> tuple[dt.date, dt.date, str, bool] | None:
    match = _PLAIN.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups()[:3])
    uncertain = match.group(4) is not None
    try:
        if day is not None:
            return dt.date(year, month, day), dt.date(year, month, day), "day", uncertain
        if month in SEASON_MONTHS:
            if uncertain:
                return None  # the grammar does not take a qualified season; let it say so
            first, last = SEASON_MONTHS[month]
            return dt.date(year, first, 1), _month_end(year, last), "season", uncertain
        if month is not None:
            if not 1 <= month <= 12:
                return None  # let the grammar say what is wrong
            return dt.date(year, month, 1), _month_end(year, month), "month", uncertain
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", uncertain
    except ValueError:
        raise DateError(f"{text!r} is not a valid EDTF date (e.g. 2026-01-29, 2026-01, 2022-21, 2026-01-23/2026-01-24)") from None


def _plain_extent(text: str) -> DateExtent | None:
    """The everyday EDTF forms read with the calendar: a day, month, season or year, a whole-date '?', '~' or '%',
    and intervals of these.

    These are nearly all dates in a brief; the EDTF grammar takes ~20 ms each, which a thousand briefs cannot
    afford. Anything else goes to the grammar. tests/unit/test_dates.py checks both paths agree.
    """
    parts = text.split("/")
    if len(parts) > 2:
        return None
    parsed = [_plain_part(part) for part in parts]
    if any(part is None for part in parsed):
        return None
    (start, _, first, _), (_, end, last, _) = parsed[0], parsed[-1]
    if len(parts) == 1:
        precision = first
    else:
        kinds = {first, last}
        precision = f"{first}-range" if len(kinds) == 1 and "season" not in kinds else "range"
    if end < start:
        raise DateError(f"{text!r} ends before it starts")
    return DateExtent(edtf=text, start=start, end=end, precision=precision, uncertain=any(p[3] for p in parsed))


def edtf_extent(text: str) -> DateExtent:
    """Any EDTF date through the edtf package's grammar."""
    try:
        node = _parse_edtf(text)
    except (EDTFParseException, ParseException):
        raise DateError(f"{text!r} is not a valid EDTF date (e.g. 2026-01-29, 2026-01, 2022-21, 2026-01-23/2026-01-24)") from None
    except (TypeError, ValueError) as error:  # open intervals such as '2022/..' fail inside edtf
        raise DateError(f"{text!r} is not supported: {error}") from None
    name = type(node).__name__
    uncertain = any(mark in text for mark in "?~%")  # EDTF: uncertain, approximate, both
    try:
        start = _as_date(node.lower_strict())
        end = _as_date(node.upper_strict())
    except (TypeError, ValueError) as error:
        raise DateError(f"{text!r} has no definite extent: {error}") from None
    if name.endswith("Interval"):
        lower, upper = node.lower, node.upper
        kinds = {_single_precision(lower), _single_precision(upper)}
        precision = f"{kinds.pop()}-range" if len(kinds) == 1 and "season" not in kinds else "range"
        if precision == "season-range":
            precision = "range"
    elif uncertain:
        precision = _single_precision(node.date)
    else:
        precision = _single_precision(node)
    last = node.upper if name.endswith("Interval") else node
    while type(last).__name__ == "UncertainOrApproximate":
        last = last.date
    if type(last).__name__ == "Season" and str(last).endswith("-24"):
        # EDTF leaves winter's months to convention and the edtf package makes it December alone;
        # here winter runs from December to the end of February, so it is never narrower than the text.
        end = dt.date(end.year + 1, 3, 1) - dt.timedelta(days=1)
    if end < start:
        raise DateError(f"{text!r} ends before it starts")
    return DateExtent(edtf=text, start=start, end=end, precision=precision, uncertain=uncertain)
