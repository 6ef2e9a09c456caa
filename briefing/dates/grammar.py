"""Every other EDTF form through the edtf package's grammar: its strict bounds, or a DateError saying what to write."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from edtf.parser import grammar
from edtf.parser import parser_classes as edtf_classes
from edtf.parser.edtf_exceptions import EDTFParseException
from pyparsing import ParseException

from briefing.dates.extent import EXAMPLES, PARTS, DateError, DateExtent
from briefing.dates.plain import SEASON_PRECISION, WINTERS, _month_end


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


_TRAILING_X = re.compile(r"(?:[0-9]{4}-(?:[0-9]{2}-XX|XX(?:-XX)?)|(?:[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)(?:-XX(?:-XX)?)?)[?~%]?")
_SIGNIFICANT_DIGITS = re.compile(r"[0-9]S[0-9]")
_EDTF_CHARACTERS = re.compile(r"[0-9X?~%/.\- ]+")


def _no_definite_extent(text: str, open_end: bool) -> DateError:
    end = "an open end (..)" if open_end else "an unknown end"
    return DateError(
        f"{text!r} has {end}, which has no definite extent; give both ends (2026-01/2026-03), "
        "or for an event leave out date and give after: and before: bounds"
    )


def _refuse_unplaceable(text: str) -> None:
    """Refuse, before the grammar runs, the forms on which edtf's own objects fail or print."""
    if text[:1] in ("[", "{"):
        raise DateError(
            f"{text!r} is a set of dates ([…] one of them, {{…}} all of them), which is not one extent; "
            "write the span from the first to the last as an interval (2020/2022) and name the dates in the text"
        )
    if _SIGNIFICANT_DIGITS.search(text):
        raise DateError(
            f"{text!r} uses significant digits (S), which are not supported; write the span they stand for "
            "as an interval, e.g. 1900/1999 for 1950S2"
        )
    if "X" in text and not _TRAILING_X.fullmatch(text):
        # never to the grammar: its parse actions run on partial matches too, and edtf prints as its objects fail
        if not _EDTF_CHARACTERS.fullmatch(text):
            raise DateError(f"{text!r} is not a valid EDTF date ({EXAMPLES})")
        if "/" in text:
            raise DateError(
                f"{text!r} has unspecified digits (X) in an interval, which is not supported; write both ends "
                "without X, e.g. 2010/2020 for 201X/2020"
            )
        raise DateError(
            f"{text!r} uses unspecified digits (X) that do not only end the date, which is not supported; "
            "X may stand for the last digits (201X), the month (2026-XX) or the day (2026-01-XX); "
            "otherwise write the year, the month or an interval"
        )
    if "/" in text:
        ends = [end.strip() for end in text.split("/", 1)]
        if any(end in ("", "..") for end in ends) and all(_EDTF_CHARACTERS.fullmatch(end) or not end for end in ends):
            # edtf fails on some of these ('/..') and prints as it does; the answer is the same for all of them
            raise _no_definite_extent(text, open_end=".." in ends)
    if "^" in text:
        raise DateError(
            f"{text!r} qualifies a season (^), which is not supported; write the season alone (2022-21) and say the rest in the text"
        )


@dataclass(frozen=True)
class _Part:
    """One end of an interval, or a whole single date."""

    start: dt.date
    end: dt.date
    precision: str
    uncertain: bool = False
    uncertain_parts: tuple[str, ...] = ()


def _strict_bounds(node, text: str) -> tuple[dt.date, dt.date]:
    """edtf's strict lower and upper bounds of one date, as calendar days."""
    try:
        lower, upper = node.lower_strict(), node.upper_strict()
        years = (int(lower[0]), int(upper[0]))
    except Exception as error:  # edtf's objects raise TypeError, ValueError or worse on forms they cannot bound
        raise DateError(f"{text!r} has no definite extent: {error}") from None
    if min(years) < 1:
        raise DateError(
            f"{text!r} reaches before year 1 (a year 0000 or a negative year), which the timeline cannot place; "
            "leave the date out and say it in the text"
        )
    try:
        return dt.date(*lower[:3]), dt.date(*upper[:3])
    except (TypeError, ValueError) as error:
        raise DateError(f"{text!r} has no definite extent: {error}") from None


def _qualified_parts(node: edtf_classes.PartialUncertainOrApproximate) -> tuple[str, ...]:
    """Which of year, month and day a level-2 qualifier applies to.

    EDTF: a mark left of a part qualifies that part alone (2026-?01-29: the month); a mark right of a part qualifies
    it and every part to its left (2026-01?-29: year and month).
    """
    qualified = set()
    if node.year_ua or node.year_ua_b:
        qualified.add("year")
    if node.month_ua:
        qualified.add("month")
    if node.day_ua:
        qualified.add("day")
    if node.year_month_ua:
        qualified |= {"year", "month"}
    if node.month_day_ua:
        qualified |= {"month", "day"}
    if node.all_ua or node.season_ua:
        qualified |= set(PARTS)
    return tuple(part for part in PARTS if part in qualified)


def _part(node, text: str) -> _Part:
    """The extent of one date node, or a DateError naming the form and what to write instead."""
    if isinstance(node, edtf_classes.UnspecifiedIntervalSection):
        raise _no_definite_extent(text, open_end=node.is_open)
    if isinstance(node, edtf_classes.UncertainOrApproximate):
        inner = _part(node.date, text)
        return dataclasses.replace(inner, uncertain=inner.uncertain or node.ua is not None)
    if isinstance(node, edtf_classes.DateAndTime):
        raise DateError(f"{text!r} gives a time of day (unsupported EDTF form DateAndTime); write the day alone, {str(node.date)!r}")
    if isinstance(node, edtf_classes.LongYear):
        raise DateError(
            f"{text!r} is a year written with Y (beyond 9999 or before 1), which the timeline cannot place; "
            "leave the date out and say it in the text"
        )
    if not isinstance(node, edtf_classes.Date):
        raise DateError(f"{text!r} is an unsupported EDTF form ({type(node).__name__}); write one of the forms {EXAMPLES}")
    start, end = _strict_bounds(node, text)
    if isinstance(node, edtf_classes.Season):
        season = int(node.season)
        if season in WINTERS:
            if start.year == 9999:
                raise DateError(
                    f"{text!r} runs into the year 10000, which the timeline cannot place; "
                    "write 9999-12 for its December and say the rest in the text"
                )
            end = _month_end(start.year, 14)
        return _Part(start, end, SEASON_PRECISION[season])
    if isinstance(node, edtf_classes.Unspecified):  # only the forms _TRAILING_X lets through reach here
        hidden = "X" in str(node.year)
        precision = "month" if node.month not in (None, "XX") else ("year-range" if hidden else "year")
        return _Part(start, end, precision, uncertain=getattr(node, "ua", None) is not None)
    precision = node.precision
    if isinstance(node, edtf_classes.PartialUncertainOrApproximate):
        present = PARTS[: PARTS.index(precision) + 1]
        qualified = tuple(part for part in _qualified_parts(node) if part in present)
        return _Part(start, end, precision, uncertain=True, uncertain_parts=() if qualified == present else qualified)
    return _Part(start, end, precision)


def edtf_extent(text: str) -> DateExtent:
    """Any EDTF date through the edtf package's grammar."""
    _refuse_unplaceable(text)
    try:
        node = _parse_edtf(text)
    except (EDTFParseException, ParseException):
        raise DateError(f"{text!r} is not a valid EDTF date ({EXAMPLES})") from None
    except Exception as error:  # edtf's objects fail on a few strings its grammar accepts
        raise DateError(f"{text!r} could not be read as EDTF ({type(error).__name__}); write one of the forms {EXAMPLES}") from None
    if isinstance(node, edtf_classes.Interval):
        lower, upper = _part(node.lower, text), _part(node.upper, text)
        kinds = {lower.precision, upper.precision}
        plain = len(kinds) == 1 and lower.precision in PARTS
        part = _Part(lower.start, upper.end, f"{lower.precision}-range" if plain else "range", uncertain=lower.uncertain or upper.uncertain)
    else:
        part = _part(node, text)
    if part.end < part.start:
        raise DateError(f"{text!r} ends before it starts")
    return DateExtent(
        edtf=text, start=part.start, end=part.end, precision=part.precision, uncertain=part.uncertain, uncertain_parts=part.uncertain_parts
    )
