"""The coding workbench's parts: who may edit, the brief and passage being coded, the trail with undo, and a new
brief from the browser. The form that codes a passage is in components/coding_form.py.

Every control that writes is drawn only for an editor, and every write checks access again at the moment it is
made, so no URL or input can write when editing is off.
"""

from __future__ import annotations

import getpass
import os
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from briefing import editing
from briefing.editing import Access, EditConflict, EditError, Snapshot
from briefing.frames import Frames
from briefing.load import Layout
from briefing.schema import Taxonomy
from briefing.store import cache_dir
from components.context import PageContext
from components.data import current_data_key
from components.pages import page
from components.shell import login_configured
from components.sidebar import editing_settings

BRIEF_KEY = "wb_brief"
SEED_KEY = "wb_seed"
PASSAGE_KEY = "wb_passage"
OPENED_KEY = "wb_opened"  # file: sha256 of the content the analyst opened
OPEN_RECORDS_KEY = "wb_open_records"
CANDIDATES_KEY = "wb_candidates"
NEAR_KEY = "wb_near"
NOTICE_KEY = "wb_notice"
PENDING_BRIEF_KEY = "wb_pending_brief"
FILTERED_KEY = "wb_filtered_brief"
QUOTE_KEY = "wb_quote"
TAXONOMY_FILE = "data/taxonomy.yaml"
RELOAD_WAIT_S = 3.0


def _local_name() -> str:
    try:
        return f"local editor ({getpass.getuser()})"
    except (KeyError, OSError):
        return "local editor"


def current_access() -> Access:
    """Whether this visitor may edit now: the switch, the login and the list of editors."""
    login = login_configured()
    email = None
    if login and st.user.get("is_logged_in", False):
        address = st.user.get("email")
        email = address if isinstance(address, str) else None
    return editing.editing_access(os.environ, editing_settings(), login, email, _local_name())


def show_refusal(error: EditError) -> None:
    """A write refused: why, and each problem the checks found; nothing was written."""
    st.error(str(error), icon=":material/block:")
    if error.problems:
        st.code("\n".join(error.problems), language=None, wrap_lines=True)


def _require(access: Access) -> None:
    """Stop before any write unless this visitor may edit now (checked again, whatever the page drew)."""
    if not current_access().allowed or not access.allowed:
        raise EditError("Editing is off; nothing was written.")


def editing_off(access: Access) -> None:
    st.info(access.reason, icon=":material/lock:")
    st.page_link(page("sources").script, label="Read the coded passages in the source viewer", icon=":material/article:")


def layout() -> Layout:
    return Layout.from_env()


def compiled() -> Path:
    return cache_dir() / "briefs"


def wait_for_reload(before: str) -> None:
    """Wait until the data layer has noticed the write, so the next run shows it (the watch reports within ms)."""
    deadline = time.monotonic() + RELOAD_WAIT_S
    while current_data_key() == before and time.monotonic() < deadline:
        time.sleep(0.05)


def notice(kind: str, message: str, details: tuple[str, ...] = ()) -> None:
    """A message to show on the next run (after st.rerun)."""
    st.session_state[NOTICE_KEY] = (kind, message, details)


def show_notice() -> None:
    kind, message, details = st.session_state.pop(NOTICE_KEY, (None, "", ()))
    if kind is None:
        return
    getattr(st, kind)(message)
    if details:
        st.code("\n".join(details), language=None, wrap_lines=True)


@dataclass(frozen=True)
class Opened:
    """The brief being coded, as the analyst opened it, and the seed whose text is shown."""

    brief: str
    snapshot: Snapshot
    opened_sha256: str
    seed: str
    text: str

    @property
    def changed(self) -> bool:
        return self.snapshot.sha256 != self.opened_sha256


def _reload(file: str) -> None:
    st.session_state.get(OPENED_KEY, {}).pop(file, None)
    st.session_state.get(OPENED_KEY, {}).pop(TAXONOMY_FILE, None)


def choose_brief(frames: Frames, context_: PageContext) -> Opened | None:
    """The brief and seed to code, read from its file; says so when the file changed since it was opened."""
    titles = frames.brief_titles
    options = list(titles)[::-1]  # newest first
    if (pending := st.session_state.pop(PENDING_BRIEF_KEY, None)) and pending in titles:
        st.session_state[BRIEF_KEY] = pending
    filtered = context_.selection.briefs[0] if context_.selection.briefs else None
    if filtered != st.session_state.get(FILTERED_KEY):  # a brief chosen in the sidebar's filter is the one coded
        st.session_state[FILTERED_KEY] = filtered
        if filtered in titles:
            st.session_state[BRIEF_KEY] = filtered
    if st.session_state.get(BRIEF_KEY) not in titles:
        st.session_state[BRIEF_KEY] = options[0]
    brief = st.selectbox("Brief", options, key=BRIEF_KEY, format_func=lambda b: f"{titles.get(b, b)} ({b})")
    row = frames.briefs[frames.briefs["id"] == brief].iloc[0]
    try:
        snapshot = editing.open_file(layout(), row["file"])
    except EditError as error:
        st.error(str(error))
        return None
    opened = st.session_state.setdefault(OPENED_KEY, {})
    opened.setdefault(snapshot.file, snapshot.sha256)
    seeds = [seed for seed in row["seeds"] if seed in frames.seed_texts]
    if not seeds:
        st.error("This brief's source text could not be read; run `python -m briefing validate`.")
        return None
    if st.session_state.get(SEED_KEY) not in seeds:
        st.session_state[SEED_KEY] = seeds[0]
    seed = st.selectbox("Source text", seeds, key=SEED_KEY) if len(seeds) > 1 else seeds[0]
    result = Opened(brief, snapshot, opened[snapshot.file], seed, frames.seed_texts[seed])
    left, right = st.columns([4, 1], vertical_alignment="center")
    if result.changed:
        left.warning(
            f"{snapshot.file} has changed since you opened it (another editor saved, or it was edited by "
            "hand). Reload it before saving; what you have entered stays.",
            icon=":material/sync_problem:",
        )
    else:
        left.caption(
            f"Editing `{snapshot.file}` as opened (content sha256 `{result.opened_sha256[:12]}`). A save is "
            "refused if the file changes meanwhile."
        )
    right.button("Reload the brief", key="wb_reload", on_click=_reload, args=(snapshot.file,), icon=":material/refresh:")
    return result


def taxonomy_of(opened_taxonomy: Snapshot) -> Taxonomy | None:
    try:
        return Taxonomy.model_validate(opened_taxonomy.document)
    except ValueError:
        return None


def open_taxonomy() -> Snapshot | None:
    try:
        snapshot = editing.open_file(layout(), TAXONOMY_FILE)
    except EditError as error:
        st.error(str(error))
        return None
    st.session_state.setdefault(OPENED_KEY, {}).setdefault(TAXONOMY_FILE, snapshot.sha256)
    return snapshot


def save(access: Access, file: str, change, *, action: str, record: str) -> editing.Saved | None:
    """Save through briefing.editing; on success the file counts as opened anew. Errors are shown, nothing is lost."""
    try:
        _require(access)
        before = current_data_key()
        saved = editing.save(
            layout(),
            file,
            st.session_state[OPENED_KEY][file],
            change,
            editor=access.editor,
            action=action,
            record=record,
            compiled=compiled(),
        )
    except EditConflict as error:
        st.error(str(error), icon=":material/sync_problem:")
        return None
    except EditError as error:
        show_refusal(error)
        return None
    st.session_state[OPENED_KEY][file] = saved.snapshot.sha256
    wait_for_reload(before)
    return saved
