"""Negotiation space: do the parties' positions on an issue overlap?"""

import streamlit as st

from briefing.negotiation import view_verdicts
from components.data import per_view
from components.downloads import download_buttons
from components.negotiation import verdict_panel
from components.shell import page_footer, page_shell

context = page_shell("Negotiation space")
st.caption("For each issue, each party's place on the stance scale, taken from its cell's headline as in the matrix, "
           "and whether the places meet. A verdict is no surer than its weakest input; it names the records it rests "
           "on and those that contradict it.")
verdicts = per_view("negotiation", context.frames, context.selection,
                    lambda: view_verdicts(context.view, context.selection.issues))
if not verdicts:
    st.info("No position matches the current filter. Clear or widen the filter in the sidebar.", icon=":material/filter_alt_off:")
for verdict in sorted(verdicts, key=lambda v: v.verdict == "insufficient"):
    verdict_panel(context, verdict)

download_buttons(context, "positions")
page_footer(context)
