"""Imprecise dates: EDTF strings in, explicit extent and precision out.

Every string the edtf package's grammar accepts, at any level, gets one of two answers: the extent that edtf's own
objects give as their strict bounds (with the deliberate differences listed under "Dates" in docs/brief-format.md),
or a DateError that says what is not supported and what to write instead. Nothing else escapes parse_date:
tests/unit/test_dates_properties.py checks that on strings built from the grammar's parts.

    extent    the extent of a date: DateExtent and DateError
    plain     the fast path for everyday forms
    grammar   everything else, through edtf's grammar
    words     every date a reader sees, in words
"""

from __future__ import annotations

import functools

from briefing.dates.extent import EXAMPLES, MAX_DATE_LENGTH, PRECISION_LABELS, DateError, DateExtent
from briefing.dates.grammar import edtf_extent
from briefing.dates.plain import _plain_extent
from briefing.dates.words import human_date

__all__ = ["EXAMPLES", "PRECISION_LABELS", "DateError", "DateExtent", "edtf_extent", "human_date", "parse_date"]


def parse_date(text) -> DateExtent:
    """Parse one EDTF date (day, month, year, season, interval; '?', '~' or '%' marks uncertainty); DateError otherwise."""
    if not isinstance(text, str):
        raise DateError(f"a date is EDTF text, not {type(text).__name__}")
    return _parse_text(text.strip())


@functools.lru_cache(maxsize=65536)  # the EDTF grammar is slow (~20 ms a call) and briefs repeat dates
def _parse_text(text: str) -> DateExtent:
    if not text:
        raise DateError("empty date")
    if len(text) > MAX_DATE_LENGTH:
        raise DateError(f"{text[:24]!r}… is {len(text):,} characters, longer than any date; write one EDTF date ({EXAMPLES})")
    return _plain_extent(text) or edtf_extent(text)
