"""The sidebar's share box: the permalink of the exact view, and the briefing pack of the filter."""

from __future__ import annotations

import streamlit as st

from components.context import PageContext
from components.copy_link import copy_link
from components.link_state import permalink
from components.pack_box import pack_box

SHARE_KEY = "share_view"


def share_box(context: PageContext) -> None:
    frames, selection = context.frames, context.selection
    with context.share_slot or st.sidebar:
        st.divider()
        # lazy: the link and the pack's buttons are sent only once the analyst opens the box, so every other run of
        # every page draws one closed expander here instead of seven elements
        share = st.expander("Share this view · pack", icon=":material/link:", key=SHARE_KEY, on_change="rerun")
        if not share.open:
            return
        with share:
            copy_link(permalink(frames.version, frames), key="share_link")
            st.caption("The link holds the filter, the view and the data version.")
            pack_box(frames, selection)
