"""The global filter: parsed from a link's query params, kept in session state, mirrored to the URL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefing.frames import Selection

FILTER_KEYS = ("issue", "party", "brief")
MAX_VALUES = 50
SAFE_TOKEN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True)
class ParsedFilter:
    selection: Selection
    notices: tuple[str, ...]


def shown(value: str) -> str:
    """A value safe to repeat in a notice: slug-like values verbatim, anything else described."""
    return f"“{value}”" if SAFE_TOKEN.match(value) else f"a malformed value ({len(value):,} characters)"


def _keep_known(kind: str, values: Iterable[str], known: Mapping[str, str]) -> tuple[tuple[str, ...], list[str]]:
    kept: list[str] = []
    dropped: list[str] = []
    for value in values:
        if value in known:
            if value not in kept:
                kept.append(value)
        else:
            dropped.append(value)
    notices = []
    if dropped:
        listed = ", ".join(shown(v) for v in dropped[:5])
        more = f" and {len(dropped) - 5} more" if len(dropped) > 5 else ""
        notices.append(f"Ignored {len(dropped)} unknown {kind} value(s) from the link: {listed}{more}.")
    return tuple(kept[:MAX_VALUES]), notices


def parse_filter(
    params: Mapping[str, list[str]], issues: Mapping[str, str], parties: Mapping[str, str], briefs: Mapping[str, str] | None = None
) -> ParsedFilter:
    """Selection from ?issue=…&party=…&brief=…; unknown or malformed values are dropped with a notice."""
    chosen_issues, notices = _keep_known("issue", params.get("issue", []), issues)
    chosen_parties, party_notices = _keep_known("party", params.get("party", []), parties)
    chosen_briefs, brief_notices = _keep_known("brief", params.get("brief", []), briefs or {})
    if len(chosen_briefs) > 1:  # one brief or all of them
        brief_notices.append(f"Showing one brief: {shown(chosen_briefs[0])}; the link named {len(chosen_briefs)}.")
    selection = Selection(issues=chosen_issues, parties=chosen_parties, briefs=chosen_briefs[:1])
    return ParsedFilter(selection, tuple(notices + party_notices + brief_notices))


def unknown_keys(params: Mapping[str, list[str]], allowed: Iterable[str]) -> str | None:
    """A notice for link parameters this page does not understand, or None."""
    extra = [key for key in params if key not in set(allowed)]
    if not extra:
        return None
    listed = ", ".join(shown(k) for k in extra[:5])
    return f"Ignored {len(extra)} unknown link parameter(s): {listed}."


def filter_params(selection: Selection) -> dict[str, list[str]]:
    """The query params that reproduce a selection."""
    params: dict[str, list[str]] = {}
    if selection.issues:
        params["issue"] = list(selection.issues)
    if selection.parties:
        params["party"] = list(selection.parties)
    if selection.briefs:
        params["brief"] = list(selection.briefs)
    return params
