"""The frame every page calls first: page config, login, data, the global filter, sidebar navigation, notices,
footer. Its parts: context (what a page gets), link_state (the address bar), sidebar, share and notices."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from briefing.frames import Selection
from components.assets import stylesheet
from components.context import PageContext
from components.data import Scope, filtered_view, frames_as_of, get_frames
from components.html import render_html
from components.link_state import AS_OF_KEY, SELECTION_KEY, VERSION_NOTICE_KEY, audit_on, read_page_params, seed_selection
from components.notices import as_of_notice, footer, problems_banner
from components.pages import page
from components.provenance import illustrative_notice, quality_note
from components.share import share_box
from components.sidebar import editing_switched_on, sidebar

# a brief on dark ink, shipped with the code: Material icon names would be fetched from a font CDN, which offline
# hosts cannot reach; not orange or purple, which mean stances
FAVICON = Path(__file__).parent / "static" / "favicon.png"
CHROME_STYLE = stylesheet("shell.css")


def login_configured() -> bool:
    """True only when the operator has put an [auth] section in secrets; access control is off by default."""
    try:
        return "auth" in st.secrets
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return False


def _require_login() -> None:
    if not login_configured() or st.user.get("is_logged_in", False):
        return
    st.title("Briefing dashboard")
    st.markdown("This dashboard is restricted. Log in with your organisation's account to continue.")
    st.button("Log in", on_click=st.login, icon=":material/login:", key="login")
    st.stop()


def page_shell(name: str, *, presenting: bool = False, illustrative_first: bool = True) -> PageContext:
    """Draw the frame of the page registered as ``name`` and return its context: its title and the checks of its own
    link params come from the registry. ``illustrative_first=False``: the page places the illustrative notice itself
    (the overview: below its bottom line)."""
    title = page(name).title
    # "auto": open beside the page on a wide screen, folded on a phone, where it would cover the linked view
    st.set_page_config(
        page_title=f"{title} · Briefing dashboard",
        page_icon=FAVICON,
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    render_html(CHROME_STYLE)
    _require_login()
    frames = get_frames()
    notices: list[str] = []
    seed_selection(frames, notices)
    selection: Selection = st.session_state[SELECTION_KEY]
    today, as_of = frames, st.session_state.get(AS_OF_KEY)
    if as_of and (kept := frames_as_of(as_of[0])) is not None:
        frames = kept  # an old link's data, as it was, for this session until "today's view"

    page_params = read_page_params(frames, selection, page(name).checks, notices)

    editing = editing_switched_on()
    share_slot = sidebar(frames, selection, presenting, editing)
    st.title(title)
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    if version_notice := st.session_state.get(VERSION_NOTICE_KEY):
        st.warning(version_notice[audit_on()], icon=":material/update:")
    if as_of and frames is not today:
        as_of_notice(today, frames, as_of[1])
        if name == "workbench":  # the workbench edits today's files, never an old version's
            st.info("The workbench edits today's data: open today's view to edit.", icon=":material/edit_off:")
            st.stop()
    problems_banner(frames)
    if frames.briefs.empty:
        st.error("No brief could be loaded, so there is nothing to show. Fix the files named above.")
        footer(frames)
        st.stop()
    view = filtered_view(frames, selection)
    scope = Scope(frames, view, selection)
    if illustrative_first:
        illustrative_notice(scope)
    quality_note(scope, audit_on())
    if selection.active:
        issues = ", ".join(frames.issue_labels[i] for i in selection.issues if i in frames.issue_labels) or "all issues"
        parties = ", ".join(frames.party_names[p] for p in selection.parties if p in frames.party_names) or "all parties"
        brief = frames.brief_titles.get(selection.briefs[0], "") if selection.briefs else "all briefs"
        st.info(f"Filtered to **{issues}** · **{parties}** · **{brief}**", icon=":material/filter_alt:")
    return PageContext(
        frames=frames,
        view=view,
        selection=selection,
        params=page_params,
        share_slot=share_slot,
        audit=audit_on(),
        editing=editing,
    )


def page_footer(context: PageContext) -> None:
    share_box(context)
    footer(context.frames, context.audit)
