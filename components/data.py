"""The one Streamlit cache around the data layer: one shared, read-only Frames per data version."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st

import briefing.outlines as outline_files
from briefing.frames import Frames, Selection, select
from briefing.load import DataWatch, Layout
from briefing.outlines import Outlines, load_outlines
from briefing.store import load_frames

T = TypeVar("T")
RECHECK_SECONDS = 1.0  # where the folders cannot be watched: how stale a view may be after a file is edited


@st.cache_resource(show_spinner=False, max_entries=4, on_release=DataWatch.stop)
def _watch(root: str) -> DataWatch:
    return DataWatch(Layout(root=Path(root)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _fingerprint(root: str, tick: int) -> str:
    # stat() of every file, at most once per tick and process: the fallback where the folders cannot be watched
    return str(hash(Layout(root=Path(root)).fingerprint()))


def _data_key(root: str) -> str:
    """Changes whenever a file under data/ or seeds/ does: a count of file events, else the files' fingerprint.

    Reading the count costs the same for 1 or 1,000 briefs; a stat() of 2,000 files cost about 20 ms a run.
    """
    watch = _watch(root)
    changes = watch.changes
    if changes is not None:
        # with the watch's start: a watch started again (after eviction) counts from 0 once more
        return f"events:{watch.started}:{changes}"
    return "files:" + _fingerprint(root, int(time.monotonic() / RECHECK_SECONDS))


@st.cache_resource(show_spinner="Loading and validating briefs…", max_entries=2)
def _frames_for(root: str, data_key: str) -> Frames:
    # data_key is only the cache key: an edited file changes it, so a rerun reloads
    frames = load_frames(Layout(root=Path(root)))
    frames.evidence_rows(frames.evidence["id"].head(1))  # builds the id index's hash table now, not in a visitor's run
    _freeze_long_lived()
    return frames


def _freeze_long_lived() -> None:
    """Move the loaded modules and frames out of the collector's sight.

    Streamlit runs a full garbage collection after every script run. Over the hundreds of thousands of objects
    that the frames and the imported libraries hold, that took about 160 ms a run, holding the interpreter lock
    while the finished page waited to be sent. Frozen objects are still freed when nothing refers to them; an
    earlier data version's cycles become collectable again at the next load, which unfreezes before collecting.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def get_frames() -> Frames:
    """All briefs as shared frames; reloads on the next run after any file under data/ or seeds/ changes."""
    root = str(Layout.from_env().root)
    return _frames_for(root, _data_key(root))


@st.cache_resource(show_spinner=False, max_entries=256)
def _per_view(kind: str, version: str, selection_key: tuple, _compute: Callable[[], T]) -> T:
    return _compute()


def per_view(kind: str, frames: Frames, selection: Selection, compute: Callable[[], T]) -> T:
    """Compute something once per data version and filter, shared read-only by every session.

    Reruns then cost the same for one brief or a thousand: only a filter never seen before pays for the work.
    """
    return _per_view(kind, frames.version, (selection.issues, selection.parties, selection.briefs), compute)


def filtered_view(frames: Frames, selection: Selection) -> Frames:
    """The frames limited to the filter, computed once per filter and shared."""
    return per_view("view", frames, selection, lambda: select(frames, selection))


@st.cache_resource(show_spinner=False, max_entries=2)
def _outlines_at(path: str) -> Outlines:
    # not cached when it raises, so a fixed file is read again on the next run
    return load_outlines(Path(path))


def get_outlines() -> Outlines:
    """The map's outlines, read once per process (they ship with the code); raises OutlineError if broken."""
    return _outlines_at(str(outline_files.OUTLINES_PATH))
