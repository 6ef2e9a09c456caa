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


_PLAIN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _plain_part(text: str) -> tuple[dt.date, dt.date, str] | None:
    match = _PLAIN.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        return None  # 21–24 are seasons: the EDTF grammar handles them
    try:
        if day is not None:
            return dt.date(year, month, day), dt.date(year, month, day), "day"
        if month is not None:
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1), "month"
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError:
        raise DateError(f"{text!r} is not a valid EDTF date (e.g. 2026-01-29, 2026-01, 2022-21, 2026-01-23/2026-01-24)") from None


def _plain_extent(text: str) -> DateExtent | None:
    """EDTF level 0 without qualifiers (a day, month or year, or an interval of them), read with the calendar.

    These are most dates in a brief; the EDTF grammar takes ~20 ms each, which a thousand briefs cannot afford.
    Anything else goes to the grammar. tests/unit/test_dates.py checks both paths agree.
    """
    parts = text.split("/")
    if len(parts) > 2:
        return None
    parsed = [_plain_part(part) for part in parts]
    if any(part is None for part in parsed):
        return None
    (start, _, first), (_, end, last) = parsed[0], parsed[-1]
    precision = first if len(parts) == 1 else f"{first}-range" if first == last else "range"
    if end < start:
        raise DateError(f"{text!r} ends before it starts")
    return DateExtent(edtf=text, start=start, end=end, precision=precision)


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
