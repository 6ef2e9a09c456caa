"""Overview: the bottom line of the filter in view, the key judgments that matter most, links to the views, and
about the sources at the foot; the entry point of `streamlit run app.py`."""

import streamlit as st

from components.bottom_line import bottom_line_box, key_judgments
from components.downloads import download_buttons
from components.history import change_list
from components.overview import (
    about_the_sources,
    counts_table,
    editor_notes,
    escalation_ladders,
    issue_counts,
    party_counts,
    view_links,
)
from components.provenance import illustrative_notice
from components.shell import page_footer, page_shell

context = page_shell("overview", illustrative_first=False)
bottom_line_box(context)
illustrative_notice(context.scope)  # under the finding, not above it

st.header("Key judgments")
key_judgments(context)

st.header("The views")
view_links(context)

if not context.view.ladders.empty:
    st.header("Escalation ladders")
    st.caption("Where a source sets out a party's demands from the minimum upwards, the ladder as one structure.")
    escalation_ladders(context)

if len(context.frames.briefs) > 1:
    st.header("Changes between briefs")
    st.caption("Where a later brief reads a party's stance differently, comparing like with like.")
    change_list(context)

st.header("About the sources")
about_the_sources(context)
editor_notes(context)
left, right = st.columns(2)
with left:
    counts_table(context, "Per issue", issue_counts, "Nothing matches the current filter.")
with right:
    counts_table(context, "Per party", party_counts, "No party has a position or event under the current filter.")

download_buttons(context, "judgments", "positions", "events", "impacts")
page_footer(context)
