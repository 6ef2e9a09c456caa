"""The workbench's trail: the latest saves, with their diffs, and the undo of the last one."""

from __future__ import annotations

import streamlit as st

from briefing import editing
from briefing.editing import Access, EditError
from components.data import current_data_key
from components.workbench import OPENED_KEY, _require, compiled, layout, notice, show_refusal, wait_for_reload


def trail(access: Access) -> None:
    """The latest saves, each with its diff, and the button that takes back the last one."""
    entries = editing.read_log(layout())
    if not entries:
        st.caption("Nothing has been saved from the workbench yet. Every save is recorded in `data/edit-log.jsonl`.")
        return
    target = editing.undoable(entries)
    if target is not None:
        label = f"Undo: {target['action']} {target.get('record', '')} in {target.get('file', '')}"
        if st.button(label, key="wb_undo", icon=":material/undo:"):
            try:
                _require(access)
                before = current_data_key()
                editing.undo(layout(), target, editor=access.editor, compiled=compiled())
            except EditError as error:
                show_refusal(error)
            else:
                st.session_state.get(OPENED_KEY, {}).pop(target.get("file"), None)
                wait_for_reload(before)
                notice("success", f"Undone: {target['action']} {target.get('record', '')}.")
                st.rerun()
    st.caption(f"The trail, newest first ({len(entries)} entries; the whole log is `data/edit-log.jsonl`).")
    for entry in reversed(entries[-20:]):
        title = f"{entry.get('time', '')} · {entry.get('editor', '')} · {entry.get('action', '')} {entry.get('record', '')}"
        with st.expander(title):
            st.text(f"File: {entry.get('file', '')}")
            if entry.get("diff"):
                st.code(entry["diff"], language="diff")
