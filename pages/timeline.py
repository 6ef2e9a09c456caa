"""Event timeline."""

import streamlit as st

from briefing.figures.timeline import MAX_BARS, UNDATED_CAPTION, ZOOMS, event_label, in_window
from briefing.frames import each_row
from components.downloads import download_buttons
from components.html import html_table, render_html
from components.paging import page_of
from components.shell import page_footer, page_shell
from components.svg_figure import svg_figure
from components.timeline import event_details
from components.timeline_views import (
    event_choices,
    view_density,
    view_timeline,
    view_undated_table,
    view_zoom_labels,
    view_zoom_windows,
)

MAX_CHOICES = 300
UNDATED_PAGE = 15

context = page_shell("timeline")
events = context.view.events

if events.empty:
    st.info("No event matches the current filter. Clear or widen the filter in the sidebar.", icon=":material/filter_alt_off:")
else:
    windows = view_zoom_windows(context.scope)
    zoom = context.params.get("zoom")
    if zoom not in windows:
        zoom = next(iter(windows))  # the reporting period where there is one; a link without zoom= opens there too
    st.session_state["timeline_zoom"] = zoom

    def _zoom_changed() -> None:
        st.query_params["zoom"] = st.session_state["timeline_zoom"] or zoom

    zoom_labels = view_zoom_labels(context.scope)
    zoom = (
        st.segmented_control(
            "Zoom",
            options=list(windows),
            format_func=lambda z: zoom_labels[z],
            key="timeline_zoom",
            on_change=_zoom_changed,
            required=True,
        )
        or zoom
    )
    window = windows[zoom]
    dated_count = int(events["date_start"].notna().sum())
    shown_count = len(in_window(events, window))

    def _event_clicked(event_id: str) -> None:
        st.query_params["event"] = event_id

    if window is not None and shown_count < dated_count:
        st.caption(
            f"{shown_count:,} of {dated_count:,} dated events fall in this period; the other "
            f"{dated_count - shown_count:,}, background from other years, are under “{ZOOMS['all']}”."
        )
    if shown_count > MAX_BARS:
        drawing, bucket, unplaced = view_density(context.scope, zoom)
        st.caption(
            f"{shown_count:,} dated events are drawn as counts per {bucket}; "
            f"{unplaced:,} whose dates span several of these are not placed. "
            "Each block is one issue's events; point at it for the issue. Narrow the filter to see each event at its real extent."
        )
        svg_figure(drawing, key="timeline_density")
    elif shown_count:
        st.caption(
            "Bars span the real extent of each date: a season is a band, a day range a short bar. "
            "Hatched bars are proposed, reported or denied events; their status is also named after the title, and "
            "their issues after it."
        )
        svg_figure(view_timeline(context.scope, zoom), key="timeline_chart", on_pick=_event_clicked)
    undated = view_undated_table(context.scope)
    if not undated.empty:
        st.subheader("Undated in the text")
        st.caption("The brief gives no date for these; they are listed with what the text says, not placed on a guessed date.")
        # static HTML, paged at 15 rows: the data grid would load its own scripts, and st.table
        # renders each cell as Markdown
        render_html(
            html_table(
                page_of(undated, "timeline_undated_page", UNDATED_PAGE, "undated events"),
                UNDATED_CAPTION,
                nowrap=("Not before", "Not after"),
                min_width="40rem",  # a narrow table scrolls in its box: five columns of a word each were unreadable
                stacked=True,  # on a phone: a block per event, each value under its column's name
            )
        )

    labels = event_choices(context.scope, MAX_CHOICES)
    chosen_id = context.params.get("event")
    if chosen_id is not None and chosen_id not in labels:
        linked = events[events["id"] == chosen_id]
        labels = {row.id: (row.date or "undated") + " · " + event_label(row) for row in each_row(linked)} | labels
    st.session_state["timeline_event"] = chosen_id if chosen_id in labels else next(iter(labels))

    def _event_changed() -> None:
        st.query_params["event"] = st.session_state["timeline_event"]

    if len(events) > MAX_CHOICES:
        st.caption(f"The list offers the first {MAX_CHOICES} of {len(events):,} events; narrow the filter for the rest.")
    chosen = st.selectbox(
        "Inspect an event (or click one on the chart)", list(labels), key="timeline_event", format_func=labels.get, on_change=_event_changed
    )
    event_details(context, chosen)

download_buttons(context, "events")
page_footer(context)
