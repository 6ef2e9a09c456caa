"""The timeline on /timeline drawn on the server as HTML: the same bars, labels, hatching and counts as the pack's
Plotly timeline (briefing.figures.timeline), laid out by the browser's own CSS, without a chart library.

Positions across are percentages of the date axis, so the drawing fits any width; each bar is a focusable button
(``data-pick`` its event id) named in words, with its hover text as ``data-tip``. Every value from data is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from markupsafe import Markup

from briefing.dates import human_date
from briefing.figures.timeline import (
    STATUS_STYLE,
    density_counts,
    event_label,
    hover_lines,
    in_window,
    issue_name,
    issues_text,
    x_range_for,
)
from briefing.figures.timeline_layout import LABEL_INK, tick_days
from briefing.frames import each_row
from briefing.periods import ONE_DAY, Window
from briefing.vocabulary import ISSUE_INK

MONTH_STEPS = (1, 2, 3, 6)
YEAR_STEPS = (1, 2, 5, 10, 20, 50)
MOST_TICKS = 8


def _months(x_range: list[pd.Timestamp]) -> int:
    return (x_range[1].year - x_range[0].year) * 12 + x_range[1].month - x_range[0].month


def date_ticks(x_range: list[pd.Timestamp]) -> list[tuple[pd.Timestamp, str]]:
    """Ticks on whole days, months or years, at most about MOST_TICKS, each with its label in words."""
    first, last = x_range
    length = last - first
    days = tick_days(length)
    if days is not None:
        ticks = pd.date_range(first.ceil("D"), last, freq=f"{days}D")
        return [(tick, f"{tick.day} {tick:%b}") for tick in ticks]
    months = _months(x_range)
    if months <= 36:
        step = next((step for step in MONTH_STEPS if months / step <= MOST_TICKS), 12)
        start = pd.Timestamp(first.year, first.month, 1) + pd.DateOffset(months=1)
        months_in = [tick for tick in pd.date_range(start, last, freq=f"{step}MS") if (tick.month - 1) % step == 0]
        return [(tick, f"{tick:%b %Y}") for tick in months_in]
    years = last.year - first.year
    step = next((step for step in YEAR_STEPS if years / step <= MOST_TICKS), 100)
    return [(pd.Timestamp(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1) if year % step == 0]


@dataclass(frozen=True)
class Axis:
    """A date axis over a range: where a date lies across it, in percent."""

    start: pd.Timestamp
    end: pd.Timestamp

    def at(self, day: pd.Timestamp) -> float:
        return (day - self.start) / (self.end - self.start) * 100

    def grid(self) -> tuple[Markup, Markup]:
        """Vertical grid lines and their labels under the plot, the end labels kept inside the frame."""
        lines, labels = [], []
        for tick, words in date_ticks([self.start, self.end]):
            left = self.at(tick)
            shift = "0" if left < 6 else "-100%" if left > 94 else "-50%"
            lines.append(Markup('<span class="tl-grid" style="left:{left:.3f}%"></span>').format(left=left))
            labels.append(
                Markup('<span class="tl-tick" style="left:{left:.3f}%;transform:translateX({shift})">{words}</span>').format(
                    left=left, shift=shift, words=words
                )
            )
        gridlines = Markup('<div class="tl-gridlines" aria-hidden="true">{lines}</div>').format(lines=Markup("").join(lines))
        return gridlines, Markup('<div class="tl-axis" aria-hidden="true">{labels}</div>').format(labels=Markup("").join(labels))


def _axis(dated: pd.DataFrame, window: Window | None) -> Axis | None:
    x_range = x_range_for(dated, window)
    return Axis(x_range[0], x_range[1]) if x_range else None


def _bar(row, axis: Axis) -> Markup:
    end = row.date_end + ONE_DAY
    left, right = axis.at(row.date_start), axis.at(end)
    _pattern, opacity, status = STATUS_STYLE[row.status]  # the hatching is the stylesheet's, by data-status
    issues = issues_text(row.issue_labels)
    when = human_date(row.date)
    return Markup(
        '<span class="tl-bar" role="button" tabindex="0" data-pick="{id}" data-status="{status}" '
        'aria-label="{title}, {when}, {status_words}; issues: {issues}. Show its details" data-tip="{tip}" '
        'style="left:{left:.3f}%;width:max(3px,{width:.3f}%);background-color:{ink};opacity:{opacity}">'
        '<span class="tl-mark{open}" style="left:50%"></span></span>'
    ).format(
        id=row.id,
        status=row.status,
        title=row.title,
        when=when,
        status_words=status or "occurred",
        issues=issues,
        tip="\n".join(hover_lines(row)),
        left=left,
        width=right - left,
        ink=ISSUE_INK,
        opacity=opacity,
        open="" if row.status == "occurred" else " tl-open",
    )


def timeline_html(events: pd.DataFrame, window: Window | None = None) -> Markup:
    """Each dated event in the window as its label over a bar from the first to the last day its date allows, in the
    one issue ink and hatched by status; the events in order of their start, on an axis of dates under them."""
    dated = in_window(events, window).sort_values(["date_start", "date_end"], kind="stable")
    axis = _axis(dated, window)
    if axis is None:
        return Markup("")
    rows = [
        Markup(
            '<li class="tl-row"><div class="tl-label figure-label">{label} · {issues}</div><div class="tl-track">{bar}</div></li>'
        ).format(label=event_label(row), issues=issues_text(row.issue_labels), bar=_bar(row, axis))
        for row in each_row(dated)
    ]
    gridlines, ticks = axis.grid()
    return Markup(
        '<div class="svg-figure timeline-figure" role="group" aria-label="{summary}" data-axis-start="{start}" '
        'data-axis-end="{end}" style="--label-ink:{ink}"><div class="tl-plot">{gridlines}<ol class="tl-rows">{rows}</ol></div>'
        "{ticks}</div>"
    ).format(
        summary=f"Timeline of {len(rows)} dated {'event' if len(rows) == 1 else 'events'}, from "
        f"{human_date(axis.start.date().isoformat())} to {human_date(axis.end.date().isoformat())}",
        start=axis.start.isoformat(),
        end=axis.end.isoformat(),
        ink=LABEL_INK,
        gridlines=gridlines,
        rows=Markup("").join(rows),
        ticks=ticks,
    )


def _count_ticks(most: int) -> list[int]:
    step = next(step for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000) if most / step <= 6 or step == 5000)
    return list(range(0, most + 1, step))


def density_html(events: pd.DataFrame, issue_labels: dict[str, str], window: Window | None = None) -> Markup:
    """Events per year (or month or day), stacked by first issue in the one issue ink with a white edge between
    blocks, each block's issue and count on hover; the root carries the bucket and the count not placed."""
    counts, bucket, unplaced = density_counts(events, window)
    dated = in_window(events, window)
    axis = _axis(dated, window)
    most = int(counts.groupby("bucket")["count"].sum().max()) if len(counts) else 0
    columns = []
    if axis is not None and most:
        period = {"day": "D", "month": "M", "year": "Y"}[bucket]
        for key, blocks in counts.groupby("bucket", sort=True):
            start = pd.Timestamp(str(key))
            end = pd.Period(start, period).end_time.ceil("D")
            left, right = axis.at(start), axis.at(end)
            segments = Markup("").join(
                Markup('<span class="tl-block" style="height:{share:.3f}%;background:{ink}" data-tip="{tip}"></span>').format(
                    share=block.count / most * 100,
                    ink=ISSUE_INK,
                    tip=f"{issue_name(block.issue, issue_labels)}\n"
                    f"{human_date(start.date().isoformat()[: {'day': 10, 'month': 7, 'year': 4}[bucket]])}: "
                    f"{block.count} {'event' if block.count == 1 else 'events'}",
                )
                for block in each_row(blocks)
            )
            columns.append(
                Markup('<span class="tl-column" style="left:{left:.3f}%;width:max(3px,{width:.3f}%)">{segments}</span>').format(
                    left=left, width=(right - left) * 0.8, segments=segments
                )
            )
    gridlines, ticks = axis.grid() if axis is not None else (Markup(""), Markup(""))
    levels = Markup("").join(
        Markup('<span class="tl-level" style="bottom:{at:.3f}%"><span>{count}</span></span>').format(at=count / most * 100, count=count)
        for count in (_count_ticks(most) if most else [])
    )
    return Markup(
        '<div class="svg-figure density-figure" role="group" aria-label="{summary}" data-bucket="{bucket}" '
        'data-unplaced="{unplaced}" style="--label-ink:{ink}"><div class="tl-counts"><span class="tl-unit">events</span>'
        "{levels}{gridlines}{columns}</div>{ticks}</div>"
    ).format(
        summary=f"Dated events counted per {bucket}, stacked by first issue",
        bucket=bucket,
        unplaced=unplaced,
        ink=LABEL_INK,
        levels=levels,
        gridlines=gridlines,
        columns=Markup("").join(columns),
        ticks=ticks,
    )
