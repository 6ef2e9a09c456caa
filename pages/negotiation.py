"""Negotiation space: do the parties' positions on an issue overlap?"""

import streamlit as st

from briefing.negotiation import negotiation_space
from components.data import per_view
from components.downloads import download_buttons
from components.negotiation import verdict_panel
from components.shell import page_footer, page_shell

context = page_shell("Negotiation space")
st.caption("For each issue, every party's range on the stance scale, and whether the ranges meet. "
           "The brief's conclusion is that the parties need “a painful yet realistic intersection” on security; "
           "this view shows, from the sourced positions, where one exists.")
issues = [i for i in context.frames.issues["id"] if not context.selection.issues or i in context.selection.issues]
verdicts = per_view("negotiation", context.frames, context.selection,
                    lambda: negotiation_space(context.view.positions, issues))
if not verdicts:
    st.info("No position matches the current filter. Clear or widen the filter in the sidebar.", icon=":material/filter_alt_off:")
for verdict in sorted(verdicts, key=lambda v: v.verdict == "insufficient"):
    verdict_panel(context, verdict)

download_buttons(context, "positions")
page_footer(context)
