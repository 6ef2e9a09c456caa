"""Briefing mode: one slide per step, the bottom line first, each issue, then a summary; keys step through them."""

import streamlit as st

from briefing.presenting import CLOSING, OPENING, slide_issues, slide_steps
from components.pages import page
from components.present import draw_issue_slide, presenting_style
from components.present_bookends import draw_closing, draw_opening
from components.present_nav import current_step, step_bar, step_param
from components.share import share_box
from components.shell import page_shell

context = page_shell(page("present").title, params={"topic": step_param}, presenting=True)
presenting_style()
issues = slide_issues(context.view, context.selection.issues)
if not issues:
    st.info("Nothing to present under the current filter.")
else:
    steps = slide_steps(issues)
    index = current_step(context, steps)
    step_bar(context, steps, index)
    if steps[index] == OPENING:
        draw_opening(context)
    elif steps[index] == CLOSING:
        draw_closing(context)
    else:
        draw_issue_slide(context, steps[index], context.audit)
share_box(context)  # the footer's sources and data version are on the closing slide
