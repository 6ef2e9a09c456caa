"""The everyday EDTF forms read with the calendar, without the grammar: a day, month, season or year, and intervals."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from briefing.dates.extent import EXAMPLES, DateError, DateExtent

# ASCII digits only: \d also matches other scripts' digits, which int() reads but the EDTF grammar refuses
_PLAIN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%])?")
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}  # a season as a text names it
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # winter runs into the next February
# edtf makes each of these December alone; here they run from December to the end of February
WINTERS = frozenset({24, 28, 30})  # northern winter (level 1 and level 2) and southern summer
SEASON_PRECISION = {
    **dict.fromkeys(range(21, 33), "season"),
    **dict.fromkeys(range(33, 37), "quarter"),
    **dict.fromkeys(range(37, 40), "four-months"),
    40: "half-year",
    41: "half-year",
}


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month; month 14 is the next year's February. Never via the next month: December 9999 has none."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _plain_part(text: str) -> tuple[dt.date, dt.date, str, bool] | None:
    match = _PLAIN.fullmatch(text)
    if not match:
        return None
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:3])
    uncertain = match.group(4) is not None
    if year == 0:
        return None  # valid EDTF the calendar cannot hold; let the grammar path say so
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day), dt.date(year, month, day), "day", uncertain
        if month in SEASON_MONTHS:
            if uncertain or (month == 24 and year == 9999):
                return None  # the grammar does not take a qualified season, and winter 9999 ends in 10000
            first, last = SEASON_MONTHS[month]
            return dt.date(year, first, 1), _month_end(year, last), "season", uncertain
        if month is not None:
            if not 1 <= month <= 12:
                return None  # let the grammar say what is wrong
            return dt.date(year, month, 1), _month_end(year, month), "month", uncertain
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", uncertain
    except ValueError:
        raise DateError(f"{text!r} is not a valid EDTF date ({EXAMPLES})") from None


def _plain_extent(text: str) -> DateExtent | None:
    """The everyday EDTF forms read with the calendar: a day, month, season or year, a whole-date '?', '~' or '%',
    and intervals of these.

    These are nearly all dates in a brief; the EDTF grammar takes ~20 ms each, which a thousand briefs cannot
    afford. Anything else goes to the grammar. tests/unit/test_dates.py and test_dates_properties.py check
    that both paths agree.
    """
    parts = text.split("/")
    if len(parts) > 2:
        return None
    found = [_plain_part(part) for part in parts]
    parsed = [part for part in found if part is not None]
    if len(parsed) < len(found):
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


# X may only hide the end of one date: a decade or century (201X, 20XX), the month (2026-XX) or the day (2026-01-XX).
# Elsewhere it stands for scattered days (2026-XX-15), or edtf's objects fail on it (2026-1X, 2026-XX/2027).
