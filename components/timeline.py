"""The timeline's event card; the figures themselves are built in briefing.figures.timeline."""

from __future__ import annotations

import streamlit as st

from briefing.dates import human_date
from briefing.figures.timeline import issues_text
from briefing.frames import each_row
from components.context import PageContext
from components.evidence import evidence_quotes


def event_details(context: PageContext, event_id: str) -> None:
    events = context.frames.events
    row = next(each_row(events[events["id"] == event_id]), None)
    if row is None:
        return
    with st.container(border=True):
        st.subheader(row.title)
        when = human_date(row.date, after=row.after, before=row.before) + ("" if row.date else f" — {row.date_note}")
        if context.audit:  # the date as the brief gives it, and the event's id
            when += f" · `{row.date or 'undated'}` ({row.date_precision}) · `{row.id}`"
        st.markdown(
            f"**When:** {when} · **Status:** {row.status} · **Parties:** {', '.join(row.party_names) or '—'} · "
            f"**Issues:** {issues_text(row.issue_labels)}"
        )
        if row.summary:  # the records it cites by id, by their names for a reader
            st.markdown(row.summary if context.audit else context.frames.reader_prose(row.summary, row.brief))
        evidence_quotes(context, row.evidence, claim_label=f"Event ({row.status})")
