"""A new brief from the browser: upload or paste a source, give an id, a title and a date."""

from __future__ import annotations

import streamlit as st

from briefing import editing
from briefing.editing import Access, EditError
from briefing.frames import Frames
from components.data import current_data_key
from components.workbench import PENDING_BRIEF_KEY, _require, layout, notice, show_refusal, wait_for_reload


def _create(access: Access, frames: Frames, source: bytes | None, seed_file: str, brief_id: str, title: str, published: str) -> None:
    if not source:
        st.error("Upload a text file or paste the source text first.")
        return
    try:
        _require(access)
        before = current_data_key()
        entry = editing.create_brief(
            layout(), source, seed_file, brief_id.strip(), title, published, editor=access.editor, known_ids=set(frames.brief_titles)
        )
    except EditError as error:
        show_refusal(error)
        return
    wait_for_reload(before)
    st.session_state[PENDING_BRIEF_KEY] = brief_id.strip()
    notice("success", f"Created {entry['file']} on {entry['seed']}: " + "; ".join(entry["done"]))
    st.rerun()


def new_brief_form(access: Access, frames: Frames) -> None:
    """Start a brief from a source text, as ``python -m briefing new`` does."""
    st.caption(
        "The source text is copied into `seeds/` byte for byte, and a brief is written with its seed, title "
        "and date and one commented example of each kind of record."
    )
    upload = st.file_uploader("Source text (UTF-8 .txt)", type=["txt"], key="wb_new_upload")
    pasted = st.text_area("…or paste the source text", key="wb_new_text", height=150)
    brief_id = st.text_input(
        "Brief id", key="wb_new_id", placeholder="e.g. lavrov-red-line-2026-01", help="Lowercase letters, digits and single hyphens."
    )
    title = st.text_input("Title, as the source gives it", key="wb_new_title")
    published = st.date_input("Published", key="wb_new_published", value=None, format="YYYY-MM-DD")
    default_name = upload.name if upload is not None else f"{brief_id.strip() or 'source'}.txt"
    seed_file = st.text_input(
        "Seed file name",
        key="wb_new_seed_file",
        placeholder=default_name,
        help="The name the text gets in seeds/; left empty, the one shown.",
    )
    if st.button("Create the brief", key="wb_new_create", icon=":material/note_add:", type="primary"):
        source = upload.getvalue() if upload is not None else pasted.encode("utf-8")
        _create(access, frames, source, seed_file.strip() or default_name, brief_id, title, published.isoformat() if published else "")
