"""Briefing mode: one issue at a time, large type, next and previous."""

import streamlit as st

from components.pages import page
from components.params import issue_param
from components.present import issue_slide, large_type
from components.shell import page_footer, page_shell

context = page_shell(page("present").title, params={"topic": issue_param}, presenting=True)
large_type()
topics = list(context.selection.issues) or [i for i in context.frames.issues["id"] if i in set(context.view.positions["issue"])]
if not topics:
    st.info("Nothing to present under the current filter.")
else:
    current = context.params.get("topic") if context.params.get("topic") in topics else topics[0]
    index = topics.index(current)

    def _go(step: int) -> None:
        st.query_params["topic"] = topics[(index + step) % len(topics)]

    previous, position, following = st.columns([1, 2, 1])
    previous.button("◀ Previous", on_click=_go, args=(-1,), key="present_previous", width="stretch")
    position.markdown(f"**Issue {index + 1} of {len(topics)}**", text_alignment="center")
    following.button("Next ▶", on_click=_go, args=(1,), key="present_next", width="stretch")
    st.query_params["topic"] = current
    issue_slide(context, current)
page_footer(context)
