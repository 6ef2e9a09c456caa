"""What a date means: its extent (first and last day), its precision and which parts are uncertain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRECISION_LABELS = {
    "day": "exact day",
    "day-range": "day range",
    "month": "month",
    "month-range": "month range",
    "season": "season",
    "quarter": "quarter",
    "four-months": "four months",
    "half-year": "half year",
    "year": "year",
    "year-range": "year range",
    "range": "range",
    "undated": "undated",
}
EXAMPLES = "e.g. 2026-01-29, 2026-01, 2022-21, 2026-01-23/2026-01-24"
MAX_DATE_LENGTH = 64  # twice the longest supported form; longer text is never one date, and the grammar is slow on it
PARTS = ("year", "month", "day")


class DateError(ValueError):
    """An EDTF string that cannot be parsed, describes an impossible extent, or uses a form the dashboard cannot place."""


@dataclass(frozen=True)
class DateExtent:
    """The real extent of an imprecise date: first day, last day and how precise it is."""

    edtf: str
    start: dt.date
    end: dt.date
    precision: str
    uncertain: bool = False
    uncertain_parts: tuple[str, ...] = ()  # EDTF level 2: only these parts are qualified, e.g. ("month",)

    @property
    def label(self) -> str:
        text = PRECISION_LABELS[self.precision]
        if self.uncertain_parts:
            return f"{text}, {' and '.join(self.uncertain_parts)} uncertain"
        return f"{text}, uncertain" if self.uncertain else text
