"""The one Streamlit cache around the data layer: one shared, read-only Frames per data version."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from briefing.frames import Frames, build_frames
from briefing.load import Layout, load_corpus


@st.cache_resource(show_spinner="Loading and validating briefs…", max_entries=2)
def _frames_for(root: str, fingerprint: tuple) -> Frames:
    # fingerprint is only the cache key: an edited file changes it, so the next rerun reloads
    return build_frames(load_corpus(layout=Layout(root=Path(root))))


def get_frames() -> Frames:
    """All briefs as shared frames; reloads when any file under data/ or seeds/ changes."""
    layout = Layout.from_env()
    return _frames_for(str(layout.root), layout.fingerprint())
