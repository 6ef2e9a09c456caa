"""The frame every page calls first: page config, data, the global filter, sidebar navigation, footer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

import streamlit as st
from PIL import Image
from streamlit.delta_generator import DeltaGenerator
from streamlit.errors import StreamlitSecretNotFoundError

from briefing.frames import Frames, Selection
from briefing.store import cache_dir
from briefing.versions import VERSION_PATTERN, describe_changes, load_manifest, manifest
from components.data import filtered_view, get_frames
from components.filters import FILTER_KEYS, filter_params, parse_filter, unknown_keys
from components.pack_box import pack_box
from components.pages import OVERVIEW, PRESENT, SIDEBAR
from components.provenance import illustrative_notice, quality_note

SELECTION_KEY = "selection"
VERSION_NOTICE_KEY = "version_notice"
VERSION_PARAM = "v"
SEEDED_KEY = "selection_seeded"
ISSUE_WIDGET = "issue_filter_widget"
PARTY_WIDGET = "party_filter_widget"
BRIEF_WIDGET = "brief_filter_widget"
ALL_BRIEFS = "__all__"
BRIEF_SEARCH = "brief_search_widget"
BRIEF_CHOICES = 50  # past this many briefs the chooser offers the newest ones or a search's matches, not every title
SHARE_KEY = "share_view"

_FAVICON = Image.new("RGB", (32, 32), "#542788")


@dataclass(frozen=True)
class PageContext:
    """What a page needs: all frames, the filtered view, the selection and its own link params."""

    frames: Frames
    view: Frames
    selection: Selection
    params: Mapping[str, str] = field(default_factory=dict)
    share_slot: DeltaGenerator | None = field(default=None, compare=False, repr=False)  # sidebar place for share & pack

    def link_params(self, **extra: str) -> dict[str, list[str] | str]:
        """Query params for a link that keeps the filter (and adds page-specific ones)."""
        return {**filter_params(self.selection), **{k: v for k, v in extra.items() if v}}

    def issue_label(self, issue_id: str) -> str:
        return self.frames.issue_labels.get(issue_id, issue_id)


def _query_lists() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


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


def _seed_selection(frames: Frames, notices: list[str]) -> None:
    """On a session's first run, the link decides the filter; afterwards session state does."""
    if st.session_state.get(SEEDED_KEY):
        return
    issues = frames.issue_labels
    parties = frames.party_names
    briefs = frames.brief_titles
    raw = _query_lists()
    parsed = parse_filter(raw, issues, parties, briefs)
    st.session_state[SELECTION_KEY] = parsed.selection
    st.session_state[SEEDED_KEY] = True
    notices.extend(parsed.notices)
    linked_version = (raw.get(VERSION_PARAM) or [None])[-1]
    if linked_version is not None:
        if not VERSION_PATTERN.match(linked_version):
            notices.append("Ignored the “v” value in the link: it is not a data version.")
        elif linked_version != frames.version:
            changes = describe_changes(load_manifest(linked_version, cache_dir()), manifest(frames))
            st.session_state[VERSION_NOTICE_KEY] = (
                f"This link was made with data version `{linked_version}`; the data is now version `{frames.version}`. "
                "What changed: " + " ".join(changes)
            )


def _widgets_changed() -> None:
    brief = st.session_state.get(BRIEF_WIDGET, ALL_BRIEFS)
    st.session_state[SELECTION_KEY] = Selection(
        issues=tuple(st.session_state.get(ISSUE_WIDGET, ())),
        parties=tuple(st.session_state.get(PARTY_WIDGET, ())),
        briefs=() if brief == ALL_BRIEFS else (brief,),
    )


def _clear_filters() -> None:
    st.session_state[SELECTION_KEY] = Selection()


def _sidebar(frames: Frames, selection: Selection, presenting: bool) -> DeltaGenerator:
    """Title, mode, navigation, a place for the share box and pack (filled by the page's footer), then the filter.

    The filter comes last and "Clear filters" above its widgets: a focused multiselect is taller, and shrinks when a
    click elsewhere blurs it, so anything below it moves between the press and the release and the click is lost.
    """
    issues = frames.issue_labels
    parties = frames.party_names
    # widget state is dropped on a page switch in pages/ mode, so it is restored from the selection each run
    st.session_state[ISSUE_WIDGET] = list(selection.issues)
    st.session_state[PARTY_WIDGET] = list(selection.parties)
    st.session_state[BRIEF_WIDGET] = selection.briefs[0] if selection.briefs else ALL_BRIEFS
    with st.sidebar:
        st.markdown("### Briefing dashboard")
        if st.toggle("Briefing mode", value=presenting, key=f"briefing_mode_{presenting}",
                     help="Large type, one issue at a time, sidebar folded away.") != presenting:
            st.switch_page((OVERVIEW if presenting else PRESENT).script, query_params=filter_params(selection))
        for page in SIDEBAR:
            st.page_link(page.script, label=page.title, icon=page.icon, query_params=filter_params(selection))
        share_slot = st.container()
        st.divider()
        st.markdown("**Filter** — follows you to every view and into shared links")
        st.button("Clear filters", key="clear_filters", on_click=_clear_filters, disabled=not selection.active,
                  icon=":material/filter_alt_off:")
        if len(frames.briefs) > 1:
            _brief_chooser(frames, selection)
        st.multiselect("Issues", options=list(issues), format_func=issues.__getitem__, key=ISSUE_WIDGET,
                       on_change=_widgets_changed, placeholder="All issues")
        st.multiselect("Parties", options=list(parties), format_func=parties.__getitem__, key=PARTY_WIDGET,
                       on_change=_widgets_changed, placeholder="All parties",
                       help="Limits positions, events and highlighted evidence to these parties.")
        st.caption("The address bar always holds the current view: copy it to share exactly what you see.")
    return share_slot


def brief_choices(frames: Frames, chosen: str | None, query: str = "") -> tuple[list[str], int]:
    """The briefs the chooser offers, newest first, and how many match: all of them up to BRIEF_CHOICES; past that
    the newest BRIEF_CHOICES, or of those whose title or id holds every word of ``query``; the chosen one always."""
    newest = list(frames.brief_titles)[::-1]  # the frames list briefs oldest first
    words = query.casefold().split()
    if words:
        newest = [brief for brief in newest
                  if all(word in f"{frames.brief_titles[brief]} {brief}".casefold() for word in words)]
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
        query = st.text_input("Find a brief", key=BRIEF_SEARCH, placeholder="Words of its title or id",
                              help=f"The list below offers the newest {BRIEF_CHOICES} of {total:,} briefs, "
                                   "or the newest that match these words.")
    shown, matching = brief_choices(frames, selection.briefs[0] if selection.briefs else None, query)
    label = "Brief"
    if query.strip():
        label = f"Brief ({matching:,} match{'' if matching == 1 else 'es'}, newest {min(matching, BRIEF_CHOICES)} listed)"
    elif total > BRIEF_CHOICES:
        label = f"Brief (newest {BRIEF_CHOICES} of {total:,} listed)"
    everything = f"All briefs ({total:,})"
    st.selectbox(label, options=[ALL_BRIEFS, *shown], key=BRIEF_WIDGET, on_change=_widgets_changed,
                 format_func=lambda brief: everything if brief == ALL_BRIEFS else frames.brief_titles.get(brief, brief))


def _problems_banner(frames: Frames) -> None:
    if not frames.problems:
        return
    files = sorted({problem.file for problem in frames.problems})
    st.error(f"{len(files)} data file(s) failed validation and were skipped; everything else is shown. "
             "Run `python -m briefing validate` for the full list.", icon=":material/error:")
    with st.expander(f"Problems in {', '.join(files[:3])}{' …' if len(files) > 3 else ''}"):
        st.code("\n".join(str(problem) for problem in frames.problems[:50]), language=None, wrap_lines=True)


def _footer(frames: Frames) -> None:
    st.divider()
    briefs = frames.briefs
    if len(briefs) > 3:
        sources = f"{len(briefs):,} briefs, published {briefs['published'].min():%d %b %Y} to {briefs['published'].max():%d %b %Y}"
    else:
        sources = "; ".join(
            f"{title} ({published:%d %b %Y})" for title, published in zip(briefs["title"], briefs["published"], strict=True)
        )
    st.caption(
        f"Source: {sources or 'no brief loaded'}. Data version {frames.version or 'unknown'}. "
        "Every claim links to a verbatim quote in the source text. "
        "Claim types: *stated* = the party's own words; *reported* = attributed by others; "
        "*assessment* = the analyst's judgement."
    )


def page_shell(
    title: str, *, params: Mapping[str, Callable[[str, Frames], str | None]] | None = None, presenting: bool = False
) -> PageContext:
    """Draw the frame of a page and return its context. ``params`` validates the page's own link params."""
    # a drawn favicon: Material icon names would be fetched from a font CDN, which offline hosts cannot reach
    # "auto": open beside the page on a wide screen, folded on a phone, where it would cover the linked view
    st.set_page_config(page_title=f"{title} · Briefing dashboard", page_icon=_FAVICON, layout="wide",
                       initial_sidebar_state="collapsed" if presenting else "auto")
    _require_login()
    frames = get_frames()
    notices: list[str] = []
    _seed_selection(frames, notices)
    selection: Selection = st.session_state[SELECTION_KEY]

    params = params or {}
    raw = _query_lists()
    if notice := unknown_keys(raw, (*FILTER_KEYS, VERSION_PARAM, *params)):
        notices.append(notice)
    page_params: dict[str, str] = {}
    for key, validate in params.items():
        values = raw.get(key, [])
        if not values:
            continue
        if len(values) > 1:
            notices.append(f"The link gave “{key}” {len(values)} times; only the last one is used.")
        accepted = validate(values[-1], frames)
        if accepted is None:
            notices.append(f"Ignored the “{key}” value in the link: it names nothing in the data.")
        else:
            page_params[key] = accepted
    wanted = {**filter_params(selection), **page_params}
    if raw != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)

    share_slot = _sidebar(frames, selection, presenting)
    st.title(title)
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    if version_notice := st.session_state.get(VERSION_NOTICE_KEY):
        st.warning(version_notice, icon=":material/update:")
    _problems_banner(frames)
    if frames.briefs.empty:
        st.error("No brief could be loaded, so there is nothing to show. Fix the files named above.")
        _footer(frames)
        st.stop()
    view = filtered_view(frames, selection)
    illustrative_notice(frames, view)
    quality_note(frames, view)
    if selection.active:
        issues = ", ".join(frames.issue_labels[i] for i in selection.issues if i in frames.issue_labels) or "all issues"
        parties = ", ".join(frames.party_names[p] for p in selection.parties if p in frames.party_names) or "all parties"
        brief = frames.brief_titles.get(selection.briefs[0], "") if selection.briefs else "all briefs"
        st.info(f"Filtered to **{issues}** · **{parties}** · **{brief}**", icon=":material/filter_alt:")
    return PageContext(frames=frames, view=view, selection=selection, params=page_params,
                       share_slot=share_slot)


def permalink(version: str) -> str:
    """The address of this exact view: page, filter, view state and data version."""
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key) if key != VERSION_PARAM]
    query = urlencode([*params, (VERSION_PARAM, version)])
    return f"{st.context.url or ''}?{query}"


def _share_and_pack(context: PageContext) -> None:
    frames, selection = context.frames, context.selection
    with context.share_slot or st.sidebar:
        st.divider()
        # lazy: the link and the pack's buttons are sent only once the analyst opens the box, so every other run of
        # every page draws one closed expander here instead of seven elements
        share = st.expander("Share this view · pack", icon=":material/link:", key=SHARE_KEY,
                            on_change="rerun")
        if not share.open:
            return
        with share:
            st.code(permalink(frames.version), language=None, wrap_lines=True)
            st.caption("The link holds the filter, the view and the data version; the copy button is at its right.")
            pack_box(frames, selection)


def page_footer(context: PageContext) -> None:
    _share_and_pack(context)
    _footer(context.frames)
