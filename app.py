"""Overview: the brief, its key judgments, and counts; the entry point of `streamlit run app.py`."""

import streamlit as st

from components.downloads import download_buttons
from components.history import change_list
from components.overview import (
    brief_summary,
    counts_table,
    editor_notes,
    escalation_ladders,
    issue_counts,
    key_judgments,
    party_counts,
    view_links,
)
from components.pages import page
from components.shell import page_footer, page_shell

context = page_shell(page("overview").title)
brief_summary(context)
view_links(context)
editor_notes(context)

st.header("Key judgments")
st.caption("The analyst's bottom-line assessments, each with the passage it rests on.")
key_judgments(context)

if not context.view.ladders.empty:
    st.header("Escalation ladders")
    st.caption("Where a source sets out a party's demands from the minimum upwards, the ladder as one structure.")
    escalation_ladders(context)

if len(context.frames.briefs) > 1:
    st.header("Changes between briefs")
    st.caption("Where a later brief reads a party's stance differently, comparing like with like.")
    change_list(context)

left, right = st.columns(2)
with left:
    counts_table(context, "Per issue", issue_counts, "Nothing matches the current filter.")
with right:
    counts_table(context, "Per party", party_counts, "No party has a position or event under the current filter.")

download_buttons(context, "judgments", "positions", "events", "impacts")
page_footer(context)
