"""The context a page hands its components: the frames, the filtered view, the filter and its own link params."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from streamlit.delta_generator import DeltaGenerator

from briefing.frames import Frames, Selection
from components.data import Scope
from components.filters import filter_params
from components.link_state import AUDIT_PARAM


@dataclass(frozen=True)
class PageContext:
    """What a page needs: all frames, the filtered view, the selection and its own link params."""

    frames: Frames
    view: Frames
    selection: Selection
    params: Mapping[str, str] = field(default_factory=dict)
    share_slot: DeltaGenerator | None = field(default=None, compare=False, repr=False)  # sidebar place for share & pack
    audit: bool = False  # the sidebar's "Audit details": ids, offsets, hashes and file names beside the readers' words
    editing: bool = False  # editing switched on: the workbench is in the navigation

    @property
    def scope(self) -> Scope:
        """What the view caches (``components.data.view_cache``) key on and may read: no session state, no params."""
        return Scope(self.frames, self.view, self.selection)

    def link_params(self, **extra: str) -> dict[str, list[str] | str]:
        """Query params for a link that keeps the filter (and adds page-specific ones)."""
        audit = {AUDIT_PARAM: "1"} if self.audit else {}
        return {**filter_params(self.selection), **audit, **{k: v for k, v in extra.items() if v}}

    def issue_label(self, issue_id: str) -> str:
        return self.frames.issue_labels.get(issue_id, issue_id)
