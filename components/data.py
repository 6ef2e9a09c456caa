"""The one Streamlit cache around the data layer: one shared, read-only Frames per data version."""

from __future__ import annotations

import contextvars
import functools
import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner_utils.script_run_context import in_cached_function

import briefing.outlines as outline_files
from briefing.archive import open_version
from briefing.frames import Frames, Selection, select
from briefing.load import DataWatch, Layout
from briefing.load.pool import Progress
from briefing.outlines import Outlines, load_outlines
from briefing.store import cache_dir, load_frames, prepare

RECHECK_SECONDS = 1.0  # where the folders cannot be watched: how stale a view may be after a file is edited


@st.cache_resource(show_spinner=False, max_entries=4, on_release=DataWatch.stop)
def _watch(root: str) -> DataWatch:
    # a saved edit is spliced in the watch's thread at once, so the run after it (a reload, the workbench's rerun)
    # finds the new frames ready (briefing.store.prepare)
    layout = Layout(root=Path(root))
    return DataWatch(layout, on_settled=functools.partial(prepare, layout))


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


@st.cache_resource(show_spinner=False, max_entries=2)
def _frames_for(root: str, data_key: str, _progress: Progress | None = None) -> Frames:
    # data_key is only the cache key: an edited file changes it, so a rerun reloads
    frames = load_frames(Layout(root=Path(root)), progress=_progress)
    frames.index_evidence()
    _freeze_long_lived()
    return frames


def _freeze_long_lived() -> None:
    """Move the loaded modules and frames out of the collector's sight.

    Streamlit runs a full garbage collection after every script run. Over the hundreds of thousands of objects
    that the frames and the imported libraries hold, that took about 160 ms a run, holding the interpreter lock
    while the finished page waited to be sent. Frozen objects are still freed when nothing refers to them; an
    earlier data version's cycles are collected a few seconds later (``_collect_and_freeze``): done here, the full
    collection took about 0.3 s of the run that shows an edit at 1,000 briefs.
    """
    gc.freeze()
    later = threading.Timer(COLLECT_AFTER_SECONDS, _collect_and_freeze)
    later.daemon = True
    later.start()


COLLECT_AFTER_SECONDS = 5.0  # after a load: by then the run that needed the new frames has sent its page


def _collect_and_freeze() -> None:
    """The earlier data version's cycles collected, and everything alive then frozen again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def current_data_key() -> str:
    """The key the frames are cached under; it changes once a change to data/ or seeds/ has been noticed."""
    return _data_key(str(Layout.from_env().root))


def get_frames() -> Frames:
    """All briefs as shared frames; reloads on the next run after any file under data/ or seeds/ changes."""
    root = str(Layout.from_env().root)
    key = _data_key(root)
    if (root, key) in _LOADED:
        return _frames_for(root, key)
    # the first run after a start or a change may compile for a while: it shows how far it is, not a blank page
    bar = st.progress(0.0, text=LOADING)
    try:
        frames = _frames_for(root, key, functools.partial(_show_progress, bar))
    finally:
        bar.empty()
    _LOADED.add((root, key))
    return frames


LOADING = "Loading and validating briefs…"
_LOADED: set[tuple[str, str]] = set()  # keys this process has served; a key only grows, one per data change


def _show_progress(bar: DeltaGenerator, done: int, total: int) -> None:
    """Moves the bar from inside the cached load, marked as outside it, so the cache does not record it as part of
    the frames (it would be replayed on every later hit, into a container the cached function did not make)."""
    text = f"Loading and validating briefs: {done:,} of {total:,}" + ("; building the tables…" if done == total else "")
    contextvars.copy_context().run(_outside_cache, bar.progress, done / max(total, 1), text=text)


def _outside_cache(draw: Callable[..., object], *args: object, **kwargs: object) -> None:
    in_cached_function.set(False)  # only in this copy of the context: Streamlit records elements drawn while it is True
    draw(*args, **kwargs)


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


def _selection_key(selection: Selection) -> tuple:
    return (selection.issues, selection.parties, selection.briefs)


def _scope_key(scope: Scope) -> tuple:
    # everything a scope holds follows from these: the frames from the data version, the view from the filter
    return (scope.frames.version, *_selection_key(scope.selection))


def _not_a_key(value: object) -> object:
    raise TypeError(
        f"a view cache hashes a Scope by its data version and filter, not a {type(value).__name__}: pass context.scope "
        "(a page's context also holds session state, and frames would be hashed cell by cell)"
    )


# Streamlit hashes a dataclass field by field: a Frames or a page's context would be hashed table by table, every run
SCOPE_HASH: dict[str | type, Callable[[Any], Any]] = {Scope: _scope_key, Frames: _not_a_key, "components.context.PageContext": _not_a_key}
VIEWS = 64  # entries per view function: filters × its other arguments (a zoom, a seed, a region)
CELLS = 256  # entries per cell function: cells × filters, with and without the audit details

# ``@view_cache``: ``function(scope, *args)`` computed once per data version, filter and arguments, and shared read-only
# by every session, so reruns cost the same for one brief or a thousand. st.cache_resource, not st.cache_data: the
# results are frames, figures and tables that are only read, and cache_data would pickle each one on its first call
# and unpickle a copy on every later one (a 1,000-brief matrix or figure per rerun).
view_cache = st.cache_resource(show_spinner=False, max_entries=VIEWS, hash_funcs=SCOPE_HASH)
cell_cache = st.cache_resource(show_spinner=False, max_entries=CELLS, hash_funcs=SCOPE_HASH)


def _version(frames: Frames) -> str:
    return frames.version


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs={Frames: _version, Selection: _selection_key})
def filtered_view(frames: Frames, selection: Selection) -> Frames:
    """The frames limited to the filter, computed once per data version and filter and shared."""
    return select(frames, selection)


@st.cache_resource(show_spinner=False, max_entries=2)
def _outlines_at(path: str) -> Outlines:
    # not cached when it raises, so a fixed file is read again on the next run
    return load_outlines(Path(path))


def get_outlines() -> Outlines:
    """The map's outlines, read once per process (they ship with the code); raises OutlineError if broken."""
    return _outlines_at(str(outline_files.OUTLINES_PATH))
