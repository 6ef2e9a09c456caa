"""The reporting period of the briefs in view: which events are the news a brief reports, and which are background.

The timeline zooms to it by default, and briefing mode calls the events inside it "recent" and the rest
"background".
"""

from __future__ import annotations

import pandas as pd

ONE_DAY = pd.Timedelta(days=1)
# An event that ends more than this long before its brief was published is background to it (an invasion, an
# earlier round of talks), not part of the period it reports on.
BRIEF_PERIOD = pd.Timedelta(days=90)
Window = tuple[pd.Timestamp, pd.Timestamp]


def brief_period(events: pd.DataFrame, briefs: pd.DataFrame) -> Window | None:
    """From the first day of the dated events that belong to their brief's own period (within BRIEF_PERIOD of its
    publication) to the day after the last; None when no event is that recent."""
    dated = events[events["date_start"].notna()]
    published = dated["brief"].map(dict(zip(briefs["id"], briefs["published"], strict=True)))
    own = dated[(dated["date_end"] >= published - BRIEF_PERIOD) & (dated["date_start"] <= published + BRIEF_PERIOD)]
    if own.empty:
        return None
    return own["date_start"].min(), own["date_end"].max() + ONE_DAY


def event_period(date_start, date_end, period: Window | None) -> str:
    """ "recent" for an event whose extent overlaps the reporting period, "background" for a dated one outside it (or
    when there is no period), "undated" for one the text gives no date."""
    if pd.isna(date_start):
        return "undated"
    inside = period is not None and date_end >= period[0] and date_start < period[1]
    return "recent" if inside else "background"
