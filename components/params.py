"""Validators for page-specific link params: each returns the accepted value or None."""

from __future__ import annotations

from briefing.deck import ONE_SIDED
from briefing.figures.timeline import ZOOMS
from briefing.frames import Frames
from briefing.links import resolve
from briefing.presenting import CLOSING, OPENING
from briefing.regions import regional_parties
from components.link_state import ParamCheck


def cell_param(value: str, frames: Frames) -> str | None:
    """'party:issue' naming a known party and issue."""
    party, _, issue = value.partition(":")
    if party in set(frames.parties["id"]) and issue in set(frames.issues["id"]):
        return value
    return None


def span_param(value: str, frames: Frames) -> str | None:
    """An evidence id that exists, bare or brief-qualified (``<brief>:<id>``); a bare id several briefs use is refused
    here and answered by the shell (resolved by the link's data version, or the reader is asked which is meant)."""
    return value if frames.has_evidence(value) else resolve(frames, "evidence", value).found


def event_param(value: str, frames: Frames) -> str | None:
    """An event id that exists, bare or brief-qualified."""
    return value if value in frames.event_ids else resolve(frames, "events", value).found


def choice_param(*choices: str) -> ParamCheck:
    """A validator accepting one of a fixed set of values."""

    def validate(value: str, _frames: Frames) -> str | None:
        return value if value in choices else None

    return validate


def search_param(value: str, _frames: Frames) -> str | None:
    """Free text for the source search, bounded; it is only ever compared, never rendered unescaped."""
    value = value.strip()
    return value if 0 < len(value) <= 200 else None


def issue_param(value: str, frames: Frames) -> str | None:
    """An issue id from the taxonomy."""
    return value if value in set(frames.issues["id"]) else None


def region_param(value: str, frames: Frames) -> str | None:
    """Poland, the Baltic states or one of them: a region the regional view covers."""
    return value if value in regional_parties(frames.parties) else None


zoom_param = choice_param(*ZOOMS)


def step_param(value: str, frames: Frames) -> str | None:
    """Briefing mode's step: ``opening``, ``one-sided``, ``closing`` or an issue id from the taxonomy."""
    return value if value in (OPENING, ONE_SIDED, CLOSING) else issue_param(value, frames)
