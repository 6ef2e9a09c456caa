"""Dates as a reader says them: one formatter for every date a reader sees ("29 January 2026", "spring 2022").

The export keeps EDTF, because there the date is data; everything drawn for a reader goes through ``human_date``.
"""

from __future__ import annotations

import calendar
import datetime as dt

from briefing.dates.extent import DateError, DateExtent

SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
QUARTERS = {1: "first quarter", 4: "second quarter", 7: "third quarter", 10: "fourth quarter"}
UNDATED = "undated"


def day_words(day: dt.date, year: bool = True, month: bool = True) -> str:
    """'29 January 2026'; without the year or the month where the context already gives them."""
    return f"{day.day}{' ' + calendar.month_name[day.month] if month else ''}{' ' + str(day.year) if year else ''}"


def between_words(start: dt.date, end: dt.date) -> str:
    """'23–24 January 2026', '30 January – 2 February 2026', '30 December 2025 – 2 January 2026'."""
    if start == end:
        return day_words(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_words(end)}"
    if start.year == end.year:
        return f"{day_words(start, year=False)} – {day_words(end)}"
    return f"{day_words(start)} – {day_words(end)}"


def extent_words(extent: DateExtent) -> str:
    """The extent at its own precision, e.g. 'spring 2022', 'January 2026 (uncertain)', '2014–2015'."""
    start, end, precision = extent.start, extent.end, extent.precision
    if precision == "day":
        words = day_words(start)
    elif precision == "month":
        words = f"{calendar.month_name[start.month]} {start.year}"
    elif precision == "month-range":
        first = calendar.month_name[start.month] + ("" if start.year == end.year else f" {start.year}")
        words = f"{first} – {calendar.month_name[end.month]} {end.year}"
    elif precision == "season" and start.month in SEASONS:
        words = f"{SEASONS[start.month]} {start.year}"
    elif precision == "quarter" and start.month in QUARTERS:
        words = f"{QUARTERS[start.month]} of {start.year}"
    elif precision == "half-year":
        words = f"{'first' if start.month == 1 else 'second'} half of {start.year}"
    elif precision == "year":
        words = str(start.year)
    elif precision == "year-range" or ((start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year != end.year):
        words = f"{start.year}–{end.year}"
    else:
        words = between_words(start, end)
    return f"{words} (uncertain)" if extent.uncertain else words


def human_date(edtf: str | None, *, after: str | None = None, before: str | None = None) -> str:
    """Any date of a brief in words: the EDTF date, else its bounds ('before 30 January 2026'), else 'undated'.

    A date that does not parse is shown as written rather than hidden: validation reports it elsewhere.
    """
    from briefing.dates import parse_date  # the package imports this module's siblings; avoid a cycle at import

    def words(text: str) -> str:
        try:
            return extent_words(parse_date(text))
        except DateError:
            return text

    if edtf:
        return words(edtf)
    if after and before:
        return f"between {words(after)} and {words(before)}"
    if before:
        return f"before {words(before)}"
    if after:
        return f"after {words(after)}"
    return UNDATED
