"""The sidebar: title, the filter, navigation, briefing-mode and audit-details switches, and a place for the share box."""

from __future__ import annotations

import os
from collections.abc import Mapping

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.errors import StreamlitSecretNotFoundError

from briefing.editing import switched_on
from briefing.frames import Frames, Selection
from components.link_state import AUDIT_KEY, AUDIT_PARAM, SELECTION_KEY, audit_on, carried_params
from components.pages import OVERVIEW, PRESENT, navigation

ISSUE_WIDGET = "issue_filter_widget"
PARTY_WIDGET = "party_filter_widget"
BRIEF_WIDGET = "brief_filter_widget"
ALL_BRIEFS = "__all__"
BRIEF_SEARCH = "brief_search_widget"
BRIEF_CHOICES = 50  # past this many briefs the chooser offers the newest ones or a search's matches, not every title
AUDIT_WIDGET = "audit_details_widget"


def editing_settings() -> Mapping | None:
    """The secrets' [briefing] table, which switches editing on and names the editors; None without one."""
    try:
        settings = st.secrets.get("briefing")
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return None
    return settings if isinstance(settings, Mapping) else None


def editing_switched_on() -> bool:
    """Whether the operator has switched editing on (BRIEFING_EDITING=1 or the secrets), whoever is visiting."""
    return switched_on(os.environ, editing_settings())


def _audit_changed() -> None:
    st.session_state[AUDIT_KEY] = bool(st.session_state.get(AUDIT_WIDGET))
    if st.session_state[AUDIT_KEY]:
        st.query_params[AUDIT_PARAM] = "1"
    elif AUDIT_PARAM in st.query_params:
        del st.query_params[AUDIT_PARAM]


def _widgets_changed() -> None:
    brief = st.session_state.get(BRIEF_WIDGET, ALL_BRIEFS)
    st.session_state[SELECTION_KEY] = Selection(
        issues=tuple(st.session_state.get(ISSUE_WIDGET, ())),
        parties=tuple(st.session_state.get(PARTY_WIDGET, ())),
        briefs=() if brief == ALL_BRIEFS else (brief,),
    )


def _clear_filters() -> None:
    st.session_state[SELECTION_KEY] = Selection()


def sidebar(frames: Frames, selection: Selection, presenting: bool, editing: bool = False) -> DeltaGenerator:
    """Title, navigation, the filter, the briefing-mode and audit-details switches, then a place for the share box
    and pack (filled by the page's footer).

    The page links come before the filter, not after it: a focused multiselect is taller and shrinks when a click
    elsewhere blurs it, so a link just below it moves between the press and the release and the click is lost (seen
    under load, about one link in twelve right after choosing an issue). Six links are short enough that the Issues
    field is still in view on a 1280 × 800 screen.
    """
    # widget state is dropped on a page switch in pages/ mode, so it is restored from the selection each run
    st.session_state[ISSUE_WIDGET] = list(selection.issues)
    st.session_state[PARTY_WIDGET] = list(selection.parties)
    st.session_state[BRIEF_WIDGET] = selection.briefs[0] if selection.briefs else ALL_BRIEFS
    st.session_state[AUDIT_WIDGET] = audit_on()
    with st.sidebar:
        st.markdown("### Briefing dashboard")
        for page in navigation(editing):
            st.page_link(page.script, label=page.title, icon=page.icon, query_params=carried_params(selection))
        st.divider()
        _filter_widgets(frames, selection)
        st.divider()
        if (
            st.toggle(
                "Briefing mode",
                value=presenting,
                key=f"briefing_mode_{presenting}",
                help="Large type, one issue at a time, sidebar folded away.",
            )
            != presenting
        ):
            st.switch_page((OVERVIEW if presenting else PRESENT).script, query_params=carried_params(selection))
        st.toggle(
            "Audit details",
            key=AUDIT_WIDGET,
            on_change=_audit_changed,
            help="Show every record's id, each quote's offsets and file, and the source's hash beside the plain words. Kept in the link.",
        )
        share_slot = st.container()
        st.caption("The address bar always holds the current view: copy it to share exactly what you see.")
    return share_slot


def _filter_widgets(frames: Frames, selection: Selection) -> None:
    """The filter at the top of the sidebar, the issues first, so it is in view on a laptop screen without scrolling.

    "Clear filters" sits beside the heading, above the widgets: a focused multiselect is taller, and shrinks when a
    click elsewhere blurs it, so a button just below it would move between the press and the release.
    """
    issues, parties = frames.issue_labels, frames.party_names
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown("**Filter**", width="content", help="Follows you to every view and into shared links.")
        st.button(
            "Clear filters",
            key="clear_filters",
            on_click=_clear_filters,
            disabled=not selection.active,
            icon=":material/filter_alt_off:",
            type="tertiary",
        )
    st.multiselect(
        "Issues",
        options=list(issues),
        format_func=issues.__getitem__,
        key=ISSUE_WIDGET,
        on_change=_widgets_changed,
        placeholder="All issues",
    )
    st.multiselect(
        "Parties",
        options=list(parties),
        format_func=parties.__getitem__,
        key=PARTY_WIDGET,
        on_change=_widgets_changed,
        placeholder="All parties",
        help="Limits positions, events and highlighted evidence to these parties.",
    )
    if len(frames.briefs) > 1:
        _brief_chooser(frames, selection)


def brief_choices(frames: Frames, chosen: str | None, query: str = "") -> tuple[list[str], int]:
    """The briefs the chooser offers, newest first, and how many match: all of them up to BRIEF_CHOICES; past that
    the newest BRIEF_CHOICES, or of those whose title or id holds every word of ``query``; the chosen one always."""
    newest = list(frames.brief_titles)[::-1]  # the frames list briefs oldest first
    words = query.casefold().split()
    if words:
        newest = [brief for brief in newest if all(word in f"{frames.brief_titles[brief]} {brief}".casefold() for word in words)]
    shown = newest[:BRIEF_CHOICES]
    if chosen is not None and chosen not in shown:
        shown.insert(0, chosen)
    return shown, len(newest)


def _brief_chooser(frames: Frames, selection: Selection) -> None:
    """The brief filter. A large corpus gets a search instead of a list of every title: 1,000 titles sent with
    every run of every page cost about 0.1 s a rerun."""
    total = len(frames.brief_titles)
    query = ""
    if total > BRIEF_CHOICES:
        query = st.text_input(
            "Find a brief",
            key=BRIEF_SEARCH,
            placeholder="Words of its title or id",
            help=f"The list below offers the newest {BRIEF_CHOICES} of {total:,} briefs, or the newest that match these words.",
        )
    shown, matching = brief_choices(frames, selection.briefs[0] if selection.briefs else None, query)
    label = "Brief"
    if query.strip():
        label = f"Brief ({matching:,} match{'' if matching == 1 else 'es'}, newest {min(matching, BRIEF_CHOICES)} listed)"
    elif total > BRIEF_CHOICES:
        label = f"Brief (newest {BRIEF_CHOICES} of {total:,} listed)"
    everything = f"All briefs ({total:,})"
    st.selectbox(
        label,
        options=[ALL_BRIEFS, *shown],
        key=BRIEF_WIDGET,
        on_change=_widgets_changed,
        format_func=lambda brief: everything if brief == ALL_BRIEFS else frames.brief_titles.get(brief, brief),
    )
