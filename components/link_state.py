"""The link and the session: the filter seeded from the address bar on a session's first run, the page's own link params, the permalink."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlencode

import streamlit as st

from briefing.archive import kept_since
from briefing.frames import Frames, Selection
from briefing.links import LINKED_TABLES, link_value, qualified, resolve
from briefing.markdown import markdown_escape
from briefing.store import cache_dir
from briefing.versions import MANIFEST_FORMAT, VERSION_PATTERN, describe_changes, holder, load_manifest, manifest
from components.filters import FILTER_KEYS, filter_params, parse_filter, unknown_keys

SELECTION_KEY = "selection"
VERSION_NOTICE_KEY = "version_notice"
AS_OF_KEY = "as_of_version"  # (version, the day this server first served it): the session shows that version
VERSION_PARAM = "v"
SEEDED_KEY = "selection_seeded"
AUDIT_PARAM = "audit"  # audit=1: every id, offset, hash and file name shown beside the readers' words
AUDIT_KEY = "audit_details"
ParamCheck = Callable[[str, Frames], str | None]


def _query_lists() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def seed_selection(frames: Frames, notices: list[str]) -> None:
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
    audit = raw.get(AUDIT_PARAM, [])
    st.session_state[AUDIT_KEY] = bool(audit) and audit[-1] == "1"
    if audit and audit[-1] not in ("0", "1"):
        notices.append(f"Ignored the “{AUDIT_PARAM}” value in the link: it is 1 (audit details shown) or 0.")
    linked_version = raw[VERSION_PARAM][-1] if raw.get(VERSION_PARAM) else None
    if linked_version is not None:
        if not VERSION_PATTERN.match(linked_version):
            notices.append("Ignored the “v” value in the link: it is not a data version.")
        elif linked_version != frames.version and (kept := kept_since(linked_version, cache_dir())) is not None:
            # the data as it was: the shell serves that version's frames to this session until "today's view"
            st.session_state[AS_OF_KEY] = (linked_version, kept.date().isoformat())
        elif linked_version != frames.version:
            changes = " ".join(describe_changes(load_manifest(linked_version, cache_dir()), _current_manifest(frames)))
            # the versions are hashes: the readers' words say what changed, the audit details add which versions
            st.session_state[VERSION_NOTICE_KEY] = (
                f"This link was made with an earlier version of the data. What changed: {changes}",
                f"This link was made with data version `{linked_version}`; the data is now version `{frames.version}`. "
                f"What changed: {changes}",
            )


def _current_manifest(frames: Frames) -> dict:
    """This version's manifest, as recorded beside the frames when they were built, else made now."""
    recorded = load_manifest(frames.version, cache_dir()) if frames.version else None
    return recorded if recorded and recorded.get("format") == MANIFEST_FORMAT else manifest(frames)


def _linked_id(key: str, value: str, frames: Frames, raw: dict[str, list[str]], selection: Selection) -> tuple[str | None, str | None]:
    """A bare id several briefs use: the one the link's data version meant, else a notice asking which is meant."""
    table = LINKED_TABLES[key]
    candidates = resolve(frames, table, value).candidates
    if not candidates:
        return None, None
    version = raw[VERSION_PARAM][-1] if raw.get(VERSION_PARAM) else ""
    if VERSION_PATTERN.match(version) and (brief := holder(load_manifest(version, cache_dir()), value, table)):
        for frame_id, candidate_brief in candidates:
            if candidate_brief == brief:
                return frame_id, None
    titles = frames.brief_titles
    carried = carried_params(selection)
    choices = " or ".join(
        f"[{markdown_escape(titles.get(brief, brief))}](?{urlencode({**carried, key: qualified(frame_id, brief)}, doseq=True)})"
        for frame_id, brief in candidates
    )
    return None, f"The link's “{key}” names a record in more than one brief. Which is meant: {choices}?"


def changes_since(old_version: str, frames: Frames) -> list[str]:
    """What changed between an earlier version and these frames, in sentences."""
    return describe_changes(load_manifest(old_version, cache_dir()), _current_manifest(frames))


def audit_on() -> bool:
    """Whether this session shows the audit details (the sidebar's switch, seeded from the link)."""
    return bool(st.session_state.get(AUDIT_KEY, False))


def carried_params(selection: Selection) -> dict[str, list[str] | str]:
    """What every link to another view keeps: the filter, and the audit switch when it is on."""
    return {**filter_params(selection), **({AUDIT_PARAM: "1"} if audit_on() else {})}


def read_page_params(frames: Frames, selection: Selection, params: Mapping[str, ParamCheck], notices: list[str]) -> dict[str, str]:
    """The page's own link params that name something real; the address bar is set to the filter and those params.

    Anything else the link held is dropped with a notice (appended to ``notices``): an unknown key, a repeated one, a
    value that names nothing in the data.
    """
    raw = _query_lists()
    if notice := unknown_keys(raw, (*FILTER_KEYS, VERSION_PARAM, AUDIT_PARAM, *params)):
        notices.append(notice)
    page_params: dict[str, str] = {}
    for key, validate in params.items():
        values = raw.get(key, [])
        if not values:
            continue
        if len(values) > 1:
            notices.append(f"The link gave “{key}” {len(values)} times; only the last one is used.")
        accepted = validate(values[-1], frames)
        if accepted is None and key in LINKED_TABLES:
            accepted, question = _linked_id(key, values[-1], frames, raw, selection)
            if question:
                notices.append(question)
                continue
        if accepted is None:
            notices.append(f"Ignored the “{key}” value in the link: it names nothing in the data.")
        else:
            page_params[key] = accepted
    wanted = {**carried_params(selection), **page_params}
    if raw != {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)
    return page_params


def permalink(version: str, frames: Frames | None = None) -> str:
    """The address of this exact view: page, filter, view state and data version; a linked record by its
    brief-qualified id, which no brief added later can take over."""

    def shared(key: str, value: str) -> str:
        return link_value(frames, LINKED_TABLES[key], value) if frames is not None and key in LINKED_TABLES else value

    params = [(key, shared(key, value)) for key in st.query_params for value in st.query_params.get_all(key) if key != VERSION_PARAM]
    query = urlencode([*params, (VERSION_PARAM, version)])
    return f"{st.context.url or ''}?{query}"
