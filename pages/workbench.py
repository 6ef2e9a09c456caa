"""Coding workbench: select a passage of a brief's source text, code it, and save it to the brief safely."""

import streamlit as st

from components.coding_form import clear_after_save, coding_form, taxonomy_additions
from components.edit_trail import trail
from components.new_brief_form import new_brief_form
from components.passage_panel import open_records, passage_panel
from components.shell import page_footer, page_shell
from components.suggestions import suggestions_for, suggestions_panel
from components.workbench import (
    choose_brief,
    current_access,
    editing_off,
    open_taxonomy,
    show_notice,
    taxonomy_of,
)

context = page_shell("workbench")
access = current_access()
if not access.allowed:
    editing_off(access)
else:
    clear_after_save()
    st.caption(access.reason)
    show_notice()
    coding, creating, history = st.tabs(["Code a passage", "New brief", "Trail and undo"])
    with coding:
        opened = choose_brief(context.frames, context)
        taxonomy_file = open_taxonomy()
        taxonomy = taxonomy_of(taxonomy_file) if taxonomy_file else None
        if opened is not None and taxonomy is not None:
            suggestions = suggestions_for(opened, context.frames.evidence, taxonomy)
            passage = passage_panel(context.frames, opened, suggested=[(s.start, s.end) for s in suggestions])
            suggestions_panel(opened, suggestions, taxonomy)
            open_records(context.frames, opened)
            if passage is None:
                st.info("Select a passage in the text above, or type a quote, to code it.", icon=":material/ads_click:")
            else:
                coding_form(access, context.frames, opened, passage, taxonomy)
            taxonomy_additions(access, taxonomy_file)
    with creating:
        new_brief_form(access, context.frames)
    with history:
        trail(access)
page_footer(context)
