"""Event timeline: each dated event at its real extent, undated events listed apart."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.evidence import evidence_quotes
from components.html import escape, label_margin, wrap_label
from components.shell import PageContext

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies
ISSUE_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
STATUS_STYLE = {
    # status: (bar pattern, opacity, label shown beside the title)
    "occurred": ("", 1.0, ""),
    "proposed": ("/", 0.75, "proposed"),
    "reported": (".", 0.75, "reported"),
    "denied": ("x", 0.55, "denied"),
}
ZOOMS = {
    "all": ("Whole span", None),
    "late-jan-2026": ("Late January 2026", (dt.date(2026, 1, 20), dt.date(2026, 2, 1))),
}
ONE_DAY = pd.Timedelta(days=1)
EVENT_LABEL_WIDTH = 48  # characters per line of an event's label on the axis


def issue_colours(issue_ids) -> dict[str, str]:
    return {issue: ISSUE_PALETTE[index % len(ISSUE_PALETTE)] for index, issue in enumerate(issue_ids)}


def event_label(row) -> str:
    status = STATUS_STYLE[row.status][2]
    uncertain = "?" if row.date and row.date.endswith(("?", "~", "%")) else ""
    return f"{row.title}{uncertain}" + (f" [{status}]" if status else "")


def timeline_figure(events: pd.DataFrame, issue_labels: dict[str, str], colours: dict[str, str], zoom: str = "all") -> go.Figure:
    """Horizontal bars from the first to the last day each date allows; one bar and one marker trace per issue × status."""
    dated = events[events["date_start"].notna()].sort_values(["date_start", "date_end"], kind="stable")
    figure = go.Figure()
    rows = list(dated.itertuples(index=False))
    label_of = {row.id: wrap_label(event_label(row), EVENT_LABEL_WIDTH) for row in rows}
    order = list(label_of.values())
    groups: dict[tuple[str, str], list] = {}
    for row in rows:
        groups.setdefault((row.issues[0], row.status), []).append(row)
    for (issue, status), members in groups.items():
        pattern, opacity, _status = STATUS_STYLE[status]
        colour = colours.get(issue, "#777777")
        starts = [row.date_start for row in members]
        spans = [(row.date_end + ONE_DAY) - row.date_start for row in members]
        labels = [label_of[row.id] for row in members]
        ids = [row.id for row in members]
        figure.add_trace(
            go.Bar(
                base=starts,
                x=[span.total_seconds() * 1000 for span in spans],
                y=labels,
                orientation="h",
                name=issue_labels.get(issue, issue),
                legendgroup=issue,
                showlegend=False,
                marker=dict(color=colour, opacity=opacity, pattern=dict(shape=pattern), line=dict(color="#222222", width=1)),
                customdata=ids,
                hovertext=[
                    f"<b>{escape(row.title)}</b><br>{escape(row.date)} ({escape(row.date_precision)})<br>"
                    f"status: {row.status}<br>issues: {escape(', '.join(row.issue_labels))}"
                    for row in members
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
        # a marker in the middle keeps one-day events visible on a 12-year axis
        figure.add_trace(
            go.Scatter(x=[start + span / 2 for start, span in zip(starts, spans, strict=True)], y=labels, mode="markers",
                       showlegend=False, hoverinfo="skip", customdata=ids, legendgroup=issue,
                       marker=dict(symbol="diamond" if status == "occurred" else "diamond-open", size=9, color=colour,
                                   line=dict(color="#222222", width=1)))
        )
    for issue in dict.fromkeys(issue for issue, _status in groups):  # the legend: one plain swatch per issue
        figure.add_trace(go.Bar(x=[None], y=[None], name=issue_labels.get(issue, issue), marker_color=colours.get(issue),
                                legendgroup=issue, showlegend=True, orientation="h"))
    x_range = None
    if ZOOMS.get(zoom, ZOOMS["all"])[1]:
        first, last = ZOOMS[zoom][1]
        x_range = [pd.Timestamp(first), pd.Timestamp(last)]
    figure.update_layout(
        barmode="overlay",
        height=max(300, sum(max(34, 17 * (label.count("<br>") + 1) + 12) for label in order) + 190),
        # a fixed left margin from the label lengths: automargin would make Plotly draw, measure and draw again
        margin=dict(l=label_margin(order), r=10, t=30, b=10),
        xaxis=dict(type="date", range=x_range, title=None, showgrid=True),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(order)), title=None),
        legend=dict(title="Colour: first issue", orientation="h", y=-0.12),
        plot_bgcolor="#ffffff",
    )
    return figure


def undated_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events the text does not date, with what is known of their time; never placed on the axis."""
    undated = events[events["date_start"].isna()]
    return pd.DataFrame({
        "Event": undated["title"],
        "Status": undated["status"],
        "What the text says of its time": undated["date_note"],
        "Not before": undated["after"].fillna(""),
        "Not after": undated["before"].fillna(""),
        "Issues": undated["issue_labels"].map(", ".join),
    })


def event_details(context: PageContext, event_id: str) -> None:
    events = context.frames.events
    row = next(events[events["id"] == event_id].itertuples(index=False), None)
    if row is None:
        return
    with st.container(border=True):
        st.subheader(row.title)
        when = f"{row.date} ({row.date_precision})" if row.date else f"undated — {row.date_note}"
        st.markdown(f"**When:** {when} · **Status:** {row.status} · **Parties:** {', '.join(row.party_names) or '—'} · "
                    f"**Issues:** {', '.join(row.issue_labels)}")
        if row.summary:
            st.markdown(row.summary)
        evidence_quotes(context, row.evidence, claim_label=f"Event ({row.status})")


MAX_BARS = 120  # above this, individual bars become unreadable: draw counts instead


def density_figure(events: pd.DataFrame, issue_labels: dict[str, str], colours: dict[str, str], zoom: str = "all") -> go.Figure:
    """Events per year (or per day when zoomed), stacked by first issue.

    An event counts in a bucket only if its whole extent lies inside it, so no imprecise date is
    narrowed; events spanning several buckets are counted in the caption, not placed.
    """
    dated = events[events["date_start"].notna()]
    window = ZOOMS.get(zoom, ZOOMS["all"])[1]
    if window:
        first, last = (pd.Timestamp(d) for d in window)
        dated = dated[(dated["date_end"] >= first) & (dated["date_start"] <= last)]
        start_bucket, end_bucket = dated["date_start"].dt.floor("D"), dated["date_end"].dt.floor("D")
    else:
        start_bucket = dated["date_start"].dt.to_period("Y").dt.start_time
        end_bucket = dated["date_end"].dt.to_period("Y").dt.start_time
    placed = dated[start_bucket == end_bucket].assign(bucket=start_bucket[start_bucket == end_bucket])
    placed = placed.assign(issue=placed["issues"].map(lambda issues: issues[0]))
    counts = placed.groupby(["bucket", "issue"]).size().rename("count").reset_index()
    figure = go.Figure()
    for issue, rows in counts.groupby("issue", sort=False):
        figure.add_trace(go.Bar(x=rows["bucket"], y=rows["count"], name=issue_labels.get(issue, issue),
                                marker_color=colours.get(issue, "#777777"),
                                hovertemplate="%{x|%Y-%m-%d}: %{y} events<extra>" + escape(issue_labels.get(issue, issue)) + "</extra>"))
    figure.update_layout(barmode="stack", height=380, margin=dict(l=10, r=10, t=30, b=10), plot_bgcolor="#ffffff",
                         xaxis=dict(type="date", title=None), yaxis=dict(title="events"),
                         legend=dict(title="Colour: first issue", orientation="h", y=-0.15))
    figure.update_layout(meta={"unplaced": int(len(dated) - len(placed))})
    return figure
