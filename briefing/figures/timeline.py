"""The timeline's figures: each dated event at its real extent, or counts per period; undated events listed apart.
The Plotly figures here are the pack's pictures; the page draws the same from timeline_html.py."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from markupsafe import escape

from briefing.dates import human_date
from briefing.dates.words import between_words
from briefing.figures.timeline_layout import AXIS_PX, BAR_PX, LABEL_INK, axis_range, date_axis, event_rows, label_annotations
from briefing.frames import each_row
from briefing.periods import ONE_DAY, Window, brief_period
from briefing.schema import BACKGROUND_LABEL
from briefing.vocabulary import ISSUE_INK

STATUS_STYLE = {
    # status: (bar pattern, opacity, label shown beside the title)
    "occurred": ("", 1.0, ""),
    "proposed": ("/", 0.75, "proposed"),
    "reported": (".", 0.75, "reported"),
    "denied": ("x", 0.55, "denied"),
}
# the zooms a link may name: the period the brief(s) in view are about, computed from their events, and every year
# their events reach back to
ZOOMS = {"brief": "Reporting period", "all": "Whole span"}
BACKGROUND = ""  # the issue key of an event that concerns no single issue: background the text gives


def whole_span(events: pd.DataFrame) -> Window | None:
    dated = events[events["date_start"].notna()]
    if dated.empty:
        return None
    return dated["date_start"].min(), dated["date_end"].max() + ONE_DAY


def zoom_windows(events: pd.DataFrame, briefs: pd.DataFrame) -> dict[str, Window | None]:
    """The zooms this view offers, first the default: the brief's period where it is narrower than the whole
    span, then the whole span (None: Plotly fits the axis to every event)."""
    period, span = brief_period(events, briefs), whole_span(events)
    if period is None or span is None or (period[0] <= span[0] and period[1] >= span[1]):
        return {"all": None}
    return {"brief": period, "all": None}


def zoom_label(zoom: str, events: pd.DataFrame, window: Window | None) -> str:
    """The zoom's name with the dates it shows, so the context years are named on their button."""
    span = window or whole_span(events)
    if span is None:
        return ZOOMS[zoom]
    first, last = span[0], span[1] - ONE_DAY
    if zoom == "all":
        dates = f"{first.year}" if first.year == last.year else f"{first.year}–{last.year}"
    else:  # in the words every date is said in: "29 January 2026", "30 January – 2 February 2026"
        dates = between_words(first.date(), last.date())
    return f"{ZOOMS[zoom]} · {dates}"


def wrap_label(text: str, width: int = 14) -> str:
    """Plotly-escaped text broken into lines of about `width` characters, so narrow columns stay legible."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(escape(line) for line in lines)


EVENT_LABEL_WIDTH = 48  # characters per line of an event's label: about 300 px, inside a 390 px phone's chart


def first_issue(issues) -> str:
    """The issue an event is counted under, or BACKGROUND for an event that names none."""
    return issues[0] if len(issues) else BACKGROUND


def issues_text(labels) -> str:
    return ", ".join(labels) or BACKGROUND_LABEL


def issue_name(issue: str, issue_labels: dict[str, str]) -> str:
    """The words for the issue a count is under: its label, or the background's."""
    return BACKGROUND_LABEL if issue == BACKGROUND else issue_labels.get(issue, issue)


def hover_lines(row) -> list[str]:
    """An event's hover text in plain lines: its title, its date in words, its status and its issues."""
    return [row.title, human_date(row.date), f"status: {row.status}", f"issues: {issues_text(row.issue_labels)}"]


def event_label(row) -> str:
    status = STATUS_STYLE[row.status][2]
    # anywhere in the date: EDTF level 2 qualifies a part, as in 2026-01?-29
    uncertain = "?" if row.date and any(mark in row.date for mark in "?~%") else ""
    return f"{row.title}{uncertain}" + (f" [{status}]" if status else "")


def x_range_for(dated: pd.DataFrame, window: Window | None) -> list[pd.Timestamp] | None:
    """The date axis's range: the window's, else the dated events' whole span, with axis_range's margin."""
    span = window or whole_span(dated)
    return axis_range(span) if span else None


def in_window(events: pd.DataFrame, window: Window | None) -> pd.DataFrame:
    """The dated events, or only those whose extent overlaps the window."""
    dated = events[events["date_start"].notna()]
    if window is None:
        return dated
    return dated[(dated["date_end"] + ONE_DAY > window[0]) & (dated["date_start"] < window[1])]


def _plotly_hover(lines: list[str]) -> str:
    title, *rest = (escape(line) for line in lines)
    return "<br>".join([f"<b>{title}</b>", *rest])


def timeline_figure(events: pd.DataFrame, issue_labels: dict[str, str], window: Window | None = None) -> go.Figure:
    """Horizontal bars from the first to the last day each date allows, in the one issue ink and hatched by status,
    each labelled with its issues in words; with a window, only the events it overlaps, on an axis that spans it.

    Two traces in all, styled per event: Plotly lays out and draws every trace on its own, so a trace per
    issue × status (and one per legend swatch) cost more than the events themselves. Issues are named, not coloured
    (briefing.vocabulary: orange and purple are the stances'), so no legend is needed.
    """
    dated = in_window(events, window).sort_values(["date_start", "date_end"], kind="stable")
    rows = list(each_row(dated))
    labels = [wrap_label(f"{event_label(row)} · {issues_text(row.issue_labels)}", EVENT_LABEL_WIDTH) for row in rows]
    starts = [row.date_start for row in rows]
    spans = [(row.date_end + ONE_DAY) - row.date_start for row in rows]
    ids = [row.id for row in rows]
    tops, middles, plot_height = event_rows(labels)
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            base=starts,
            x=[span.total_seconds() * 1000 for span in spans],
            y=middles,
            width=BAR_PX,
            orientation="h",
            name="events",
            showlegend=False,
            marker=dict(
                color=ISSUE_INK,
                opacity=[STATUS_STYLE[row.status][1] for row in rows],
                pattern=dict(shape=[STATUS_STYLE[row.status][0] for row in rows]),
                line=dict(color="#222222", width=1),
            ),
            customdata=ids,
            hovertext=[_plotly_hover(hover_lines(row)) for row in rows],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    # a marker in the middle keeps one-day events visible on a 12-year axis
    figure.add_trace(
        go.Scatter(
            x=[start + span / 2 for start, span in zip(starts, spans, strict=True)],
            y=middles,
            mode="markers",
            name="midpoints",
            showlegend=False,
            hoverinfo="skip",
            customdata=ids,
            marker=dict(
                symbol=["diamond" if row.status == "occurred" else "diamond-open" for row in rows],
                size=9,
                color=ISSUE_INK,
                line=dict(color="#222222", width=1),
            ),
        )
    )
    x_range = x_range_for(dated, window)
    figure.update_layout(
        barmode="overlay",
        height=plot_height + AXIS_PX + 10,
        # each label sits above its bar, so the bars have the chart's whole width, on a phone too; fixed margins and
        # no automargin, so one data unit on the y axis is one pixel and Plotly need not draw, measure and draw again
        margin=dict(l=10, r=10, t=10, b=AXIS_PX),
        xaxis=date_axis(x_range),
        yaxis=dict(range=[plot_height, 0], visible=False, fixedrange=True, automargin=False),
        annotations=label_annotations(labels, tops),
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        meta={"issues": list(dict.fromkeys(first_issue(row.issues) for row in rows))},
    )
    return figure


UNDATED_CAPTION = "Events the text does not date"


def undated_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events the text does not date, with what is known of their time; never placed on the axis."""
    undated = events[events["date_start"].isna()]
    return pd.DataFrame(
        {
            "Event": undated["title"],
            "Status": undated["status"],
            "What the text says of its time": undated["date_note"],
            "Not before": undated["after"].map(lambda day: human_date(day) if isinstance(day, str) else ""),
            "Not after": undated["before"].map(lambda day: human_date(day) if isinstance(day, str) else ""),
            "Issues": undated["issue_labels"].map(issues_text),
        }
    )


MAX_BARS = 120  # above this, individual bars become unreadable: draw counts instead


def bucket_for(window: Window | None) -> tuple[str, str]:
    """(name, pandas period) of the count buckets: days for a few months, months for a few years, else years."""
    length = window[1] - window[0] if window else None
    if length is not None and length <= pd.Timedelta(days=92):
        return "day", "D"
    if length is not None and length <= pd.Timedelta(days=3 * 366):
        return "month", "M"
    return "year", "Y"


def density_counts(events: pd.DataFrame, window: Window | None = None) -> tuple[pd.DataFrame, str, int]:
    """Events per bucket (year, or month or day in a window of a few years or months) and first issue, as rows of
    bucket, issue and count; the bucket's name; and how many events span several buckets and are not placed.

    An event counts in a bucket only if its whole extent lies inside it, so no imprecise date is narrowed.
    """
    dated = in_window(events, window)
    bucket, period = bucket_for(window)
    if period == "D":
        start_bucket, end_bucket = dated["date_start"].dt.floor("D"), dated["date_end"].dt.floor("D")
    else:
        start_bucket = dated["date_start"].dt.to_period(period).dt.start_time
        end_bucket = dated["date_end"].dt.to_period(period).dt.start_time
    placed = dated[start_bucket == end_bucket].assign(bucket=start_bucket[start_bucket == end_bucket])
    placed = placed.assign(issue=placed["issues"].map(first_issue))
    counts = placed.groupby(["bucket", "issue"]).size().rename("count").reset_index()
    return counts, bucket, int(len(dated) - len(placed))


def density_figure(events: pd.DataFrame, issue_labels: dict[str, str], window: Window | None = None) -> go.Figure:
    """The counts of density_counts as stacked bars, each block in the one issue ink with a white edge and its issue
    named on hover; events spanning several buckets are counted in the caption, not placed."""
    counts, bucket, unplaced = density_counts(events, window)
    figure = go.Figure()
    for key, rows in counts.groupby("issue", sort=False):
        issue = str(key)
        name = issue_name(issue, issue_labels)
        figure.add_trace(
            go.Bar(
                x=rows["bucket"],
                y=rows["count"],
                name=name,
                marker=dict(color=ISSUE_INK, line=dict(color="#ffffff", width=1)),
                hovertemplate="%{x|%Y-%m-%d}: %{y} events<extra>" + escape(name) + "</extra>",
            )
        )
    # Plotly's own legend was the costliest part of redrawing this chart after a filter change, and with issues in
    # one ink it would say nothing: the hover names each block's issue
    figure.update_layout(
        barmode="stack",
        height=380,
        margin=dict(l=10, r=10, t=30, b=10),
        plot_bgcolor="#ffffff",
        xaxis=dict(type="date", title=None, tickfont=dict(color=LABEL_INK)),
        yaxis=dict(title=dict(text="events", font=dict(color=LABEL_INK)), tickfont=dict(color=LABEL_INK)),
        showlegend=False,
    )
    figure.update_layout(meta={"unplaced": unplaced, "issues": list(dict.fromkeys(counts["issue"])), "bucket": bucket})
    if window:
        figure.update_xaxes(range=axis_range(window))
    return figure
