"""The timeline chart's geometry: the x range around a window (never narrower than a fortnight), whole-day ticks,
and the rows of labels and bars in pixels."""

from __future__ import annotations

import pandas as pd

from briefing.periods import ONE_DAY, Window

# A short span is shown with at least a week either side: a one-day event on an axis of its own hours reads as a
# block of time and hides how it sits in its fortnight.
MIN_HALF_WINDOW = pd.Timedelta(days=7)


def axis_range(window: Window) -> list[pd.Timestamp]:
    """The window with a margin, so bars at either end stay clear of the chart's edge, and at least
    MIN_HALF_WINDOW either side of its middle."""
    margin = max(ONE_DAY, (window[1] - window[0]) * 0.05)
    first, last = window[0] - margin, window[1] + margin
    middle = first + (last - first) / 2
    return [min(first, (middle - MIN_HALF_WINDOW).floor("D")), max(last, (middle + MIN_HALF_WINDOW).ceil("D"))]


# (longest range, days between ticks): a range of up to this many days is ticked on whole days
DAY_TICKS = ((9, 1), (31, 2), (70, 7), (120, 14))


def tick_days(length: pd.Timedelta) -> int | None:
    """Days between ticks on a range this long, or None for a range too long to tick in days (months or years)."""
    return next((days for longest, days in DAY_TICKS if length <= pd.Timedelta(days=longest)), None)


def date_ticks(x_range: list[pd.Timestamp]) -> dict:
    """Axis settings that tick whole days (every day or two) on a range of up to a month, so Plotly never falls back
    to hours; on longer ranges its own choice (weeks, months, years) is kept."""
    length = x_range[1] - x_range[0]
    if length > pd.Timedelta(days=31):
        return {}
    step = (tick_days(length) or 2) * ONE_DAY
    return {"dtick": step.total_seconds() * 1000, "tick0": x_range[0].floor("D"), "tickformat": "%-d<br>%b"}


LABEL_FONT_PX = 13
LABEL_LINE_PX = 17
BAR_PX = 16
ROW_GAP_PX = 12
AXIS_PX = 44  # below the plot: two lines of date ticks
# the labels' and ticks' ink: Streamlit's text colour, 12.5:1 on white (its grey tick ink, #808495, was 3.7:1)
LABEL_INK = "#31333F"


def event_rows(labels: list[str]) -> tuple[list[int], list[int], int]:
    """Where each event's label starts and its bar's middle sits, in pixels from the top of the plot, and the
    plot's height: a label of one line or more, then its bar under it."""
    tops, middles, cursor = [], [], ROW_GAP_PX // 2
    for label in labels:
        tops.append(cursor)
        cursor += LABEL_LINE_PX * (label.count("<br>") + 1) + 5
        middles.append(cursor + BAR_PX // 2)
        cursor += BAR_PX + ROW_GAP_PX
    return tops, middles, max(cursor, 120)


def date_axis(x_range: list[pd.Timestamp] | None) -> dict:
    """The x axis: dates over the range, in dark ink, with whole-day ticks on a short range."""
    return dict(
        type="date",
        range=x_range,
        title=None,
        showgrid=True,
        automargin=False,
        tickfont=dict(color=LABEL_INK, size=12),
        **(date_ticks(x_range) if x_range else {}),
    )


def label_annotations(labels: list[str], tops: list[int]) -> list[dict]:
    """Each event's label at the chart's left edge, above its bar, in dark ink on a light backing over the grid."""
    return [
        dict(
            text=label,
            x=0,
            xref="paper",
            xanchor="left",
            y=top,
            yref="y",
            yanchor="top",
            align="left",
            showarrow=False,
            font=dict(color=LABEL_INK, size=LABEL_FONT_PX),
            bgcolor="rgba(255,255,255,0.85)",
        )
        for label, top in zip(labels, tops, strict=True)
    ]
