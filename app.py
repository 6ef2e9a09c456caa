"""Overview: the brief, its key judgments, and counts; the entry point of `streamlit run app.py`."""

import streamlit as st

from components.data import per_view
from components.downloads import download_buttons
from components.history import change_list
from components.overview import brief_summary, issue_counts, key_judgments, party_counts, view_links
from components.shell import page_footer, page_shell

context = page_shell("Overview")
brief_summary(context)
view_links(context)

st.header("Key judgments")
st.caption("The analyst's bottom-line assessments, each with the passage it rests on.")
key_judgments(context)

if len(context.frames.briefs) > 1:
    st.header("Changes between briefs")
    st.caption("Where a later brief reads a party's stance differently, comparing like with like.")
    change_list(context)

left, right = st.columns(2)
with left:
    st.subheader("Per issue")
    counts = per_view("issue-counts", context.frames, context.selection, lambda: issue_counts(context.view))
    if counts.empty:
        st.info("Nothing matches the current filter.")
    else:
        st.dataframe(counts, hide_index=True, width="stretch")
with right:
    st.subheader("Per party")
    counts = per_view("party-counts", context.frames, context.selection, lambda: party_counts(context.view))
    if counts.empty:
        st.info("No party has a position or event under the current filter.")
    else:
        st.dataframe(counts, hide_index=True, width="stretch")

download_buttons(context, "judgments", "positions", "events", "impacts")
page_footer(context)
