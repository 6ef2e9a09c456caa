"""Briefing mode: one slide per step, the bottom line first, each issue with a verdict, those without one folded into
one slide, then a summary; keys step through them."""

import streamlit as st

from briefing.deck import ONE_SIDED
from briefing.presenting import CLOSING, OPENING
from components.present import draw_issue_slide, presenting_style
from components.present_bookends import draw_closing, draw_opening
from components.present_folded import draw_one_sided
from components.present_nav import current_step, marked_issue, slide_deck, step_bar
from components.share import share_box
from components.shell import page_shell

context = page_shell("present", presenting=True)
presenting_style()
slides = slide_deck(context.scope)
if not slides.steps:
    st.info("Nothing to present under the current filter.")
else:
    index = current_step(context, slides)
    marked = marked_issue(context, slides)
    step_bar(context, slides.steps, index, marked)
    step = slides.steps[index]
    if step == OPENING:
        draw_opening(context)
    elif step == ONE_SIDED:
        draw_one_sided(context, slides.folded, marked)
    elif step == CLOSING:
        draw_closing(context)
    else:
        draw_issue_slide(context, step, context.audit)
share_box(context)  # the footer's sources are on the closing slide
