"""The one Streamlit cache around the data layer: one shared, read-only Frames per data version."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import streamlit as st

import briefing.outlines as outline_files
from briefing.archive import open_version
from briefing.frames import Frames, Selection, select
from briefing.load import DataWatch, Layout
from briefing.outlines import Outlines, load_outlines
from briefing.store import cache_dir, load_frames

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


def current_data_key() -> str:
    """The key the frames are cached under; it changes once a change to data/ or seeds/ has been noticed."""
    return _data_key(str(Layout.from_env().root))


def get_frames() -> Frames:
    """All briefs as shared frames; reloads on the next run after any file under data/ or seeds/ changes."""
    root = str(Layout.from_env().root)
    return _frames_for(root, _data_key(root))


@st.cache_resource(show_spinner=False, max_entries=8)
def frames_as_of(version: str) -> Frames | None:
    """The frames of an earlier data version this server kept (``briefing/archive.py``), or None; shared, read-only."""
    layout = open_version(version, cache_dir())
    return load_frames(layout) if layout is not None else None


@dataclass(frozen=True)
class Scope:
    """What a cached view computation may read: every frame, the filtered view and the filter; no session state."""

    frames: Frames
    view: Frames
    selection: Selection


class PageLike(Protocol):
    """A page's context or a scope: anything with the frames and the filter."""

    @property
    def frames(self) -> Frames: ...

    @property
    def selection(self) -> Selection: ...


def _selection_key(selection: Selection) -> tuple:
    return (selection.issues, selection.parties, selection.briefs)


@st.cache_resource(show_spinner=False, max_entries=256)
def _per_view(
    name: str, version: str, selection_key: tuple, args: tuple, _function: Callable[..., T], _frames: Frames, _selection: Selection
) -> T:
    return _function(Scope(_frames, filtered_view(_frames, _selection), _selection), *args)


def per_view(function: Callable[..., T], context: PageLike, *args: Hashable) -> T:
    """``function(scope, *args)``, computed once per function, data version, filter and arguments, and shared read-only
    by every session: reruns then cost the same for one brief or a thousand.

    The cache is keyed on the function's own name and on everything it may read (the data version, the filter, the
    arguments), so no caller can forget an input: a lambda or a closure, whose other inputs the key cannot see, is
    refused.
    """
    if function.__name__ == "<lambda>" or getattr(function, "__closure__", None):
        raise TypeError(
            f"per_view needs a named module-level function, not {function.__qualname__}: the cache is keyed "
            "on its name, and a closure's captured values would not be in the key"
        )
    name = f"{function.__module__}.{function.__qualname__}"
    return _per_view(name, context.frames.version, _selection_key(context.selection), args, function, context.frames, context.selection)


@st.cache_resource(show_spinner=False, max_entries=256)
def _view(version: str, selection_key: tuple, _frames: Frames, _selection: Selection) -> Frames:
    return select(_frames, _selection)


def filtered_view(frames: Frames, selection: Selection) -> Frames:
    """The frames limited to the filter, computed once per data version and filter and shared."""
    return _view(frames.version, _selection_key(selection), frames, selection)


@st.cache_resource(show_spinner=False, max_entries=2)
def _outlines_at(path: str) -> Outlines:
    # not cached when it raises, so a fixed file is read again on the next run
    return load_outlines(Path(path))


def get_outlines() -> Outlines:
    """The map's outlines, read once per process (they ship with the code); raises OutlineError if broken."""
    return _outlines_at(str(outline_files.OUTLINES_PATH))
