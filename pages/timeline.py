"""Event timeline."""

import streamlit as st

from components.downloads import download_buttons
from components.params import choice_param, event_param
from components.shell import page_footer, page_shell
from components.timeline import ZOOMS, event_details, event_label, issue_colours, timeline_figure, undated_table

context = page_shell("Timeline",
                     params={"zoom": choice_param(*ZOOMS), "event": event_param})
events = context.view.events
issue_labels = dict(zip(context.frames.issues["id"], context.frames.issues["label"], strict=True))

if events.empty:
    st.info("No event matches the current filter. Clear or widen the filter in the sidebar.", icon=":material/filter_alt_off:")
else:
    st.session_state["timeline_zoom"] = context.params.get("zoom", "all")

    def _zoom_changed() -> None:
        st.query_params["zoom"] = st.session_state["timeline_zoom"] or "all"

    zoom = st.segmented_control("Zoom", options=list(ZOOMS), format_func=lambda z: ZOOMS[z][0], key="timeline_zoom",
                                on_change=_zoom_changed, required=True)
    st.caption("Bars span the real extent of each date: a season is a band, a day range a short bar. "
               "Hatched bars are proposed, reported or denied events; their status is also named after the title.")

    def _event_clicked() -> None:
        points = st.session_state["timeline_chart"].selection.points
        if points and points[0].get("customdata"):
            st.query_params["event"] = points[0]["customdata"]

    dated = events[events["date_start"].notna()]
    if not dated.empty:
        figure = timeline_figure(events, issue_labels, issue_colours(context.frames.issues["id"]), zoom or "all")
        st.plotly_chart(figure, key="timeline_chart", on_select=_event_clicked, selection_mode="points",
                        config={"displayModeBar": False})
    undated = undated_table(events)
    if not undated.empty:
        st.subheader("Undated in the text")
        st.caption("The brief gives no date for these; they are listed with what the text says, not placed on a guessed date.")
        st.dataframe(undated, hide_index=True, width="stretch")

    labels = {row.id: (row.date or "undated") + " · " + event_label(row) for row in events.itertuples(index=False)}
    st.session_state["timeline_event"] = context.params.get("event") if context.params.get("event") in labels else next(iter(labels))

    def _event_changed() -> None:
        st.query_params["event"] = st.session_state["timeline_event"]

    chosen = st.selectbox("Inspect an event (or click one on the chart)", list(labels), key="timeline_event",
                          format_func=labels.get, on_change=_event_changed)
    event_details(context, chosen)

download_buttons(context, "events")
page_footer(context)
