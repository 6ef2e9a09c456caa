"""Negotiation space: do the parties' positions on an issue overlap?"""

import streamlit as st

from components.downloads import download_buttons
from components.negotiation import RANGE_KEY, no_verdict_line, verdict_panel, view_verdicts_of
from components.shell import page_footer, page_shell

context = page_shell("negotiation")
st.caption(
    "For each issue, each party's place on the stance scale, taken from its cell's headline as in the matrix, "
    "and whether the places meet. A verdict is no surer than its weakest input; it names the records it rests "
    "on and those that contradict it."
)
verdicts = view_verdicts_of(context.scope)
if not verdicts:
    st.info("No position matches the current filter. Clear or widen the filter in the sidebar.", icon=":material/filter_alt_off:")
decided = [verdict for verdict in verdicts if verdict.verdict != "insufficient"]
if decided:
    st.caption(RANGE_KEY)
for verdict in decided:
    verdict_panel(context, verdict)
no_verdict_line(context, verdicts)

download_buttons(context, "positions")
page_footer(context)
