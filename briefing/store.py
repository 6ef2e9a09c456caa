"""Validated frames cached on disk, keyed on the content of every data and seed file.

Parsing and validating a thousand briefs takes seconds; unpickling their finished frames takes a fraction
of that. The cache lives outside data/ and seeds/ (BRIEFING_CACHE, else ~/.cache/briefing-dashboard), is
written atomically, and is only ever a copy: delete it and the next load rebuilds it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
from pathlib import Path

from briefing.archive import keep_version
from briefing.atomic import write_atomic
from briefing.frames import Frames, build_frames
from briefing.load import CODE_VERSION, Layout, load_corpus
from briefing.load.pool import Progress
from briefing.versions import save_manifest

log = logging.getLogger(__name__)
KEEP_FILES = 4


def data_files(layout: Layout) -> list[Path]:
    """Every file whose content the frames depend on."""
    seeds = sorted(p for p in layout.seeds.glob("*") if p.is_file()) if layout.seeds.is_dir() else []
    taxonomy = [layout.taxonomy] if layout.taxonomy.is_file() else []
    return [*taxonomy, *layout.brief_paths(), *seeds]


def data_version(layout: Layout) -> str:
    """A short hash of every data and seed file's name and bytes: the version shown in links and the footer."""
    digest = hashlib.sha256()
    root = layout.root.resolve()
    for path in data_files(layout):
        try:
            content = path.read_bytes()
        except OSError:
            content = b"<unreadable>"
        digest.update(str(path.resolve().relative_to(root) if path.resolve().is_relative_to(root) else path).encode())
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    configured = os.environ.get("BRIEFING_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "briefing-dashboard"


def _read_cached(path: Path) -> Frames | None:
    try:
        with path.open("rb") as handle:
            frames = pickle.load(handle)  # noqa: S301 - our own cache file, in a folder only this user writes
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or stale cache file is rebuilt, never trusted
        log.warning("ignoring unreadable frames cache %s: %s", path, error)
        return None
    return frames if isinstance(frames, Frames) else None


def _write_cached(folder: Path, path: Path, frames: Frames) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, pickle.dumps(frames, protocol=pickle.HIGHEST_PROTOCOL), durable=False)  # rebuilt if lost
        stale = sorted(folder.glob("frames-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_FILES:]
        for old in stale:
            old.unlink(missing_ok=True)
    except Exception as error:  # a read-only home, or frames that cannot be pickled, still serve, just without the cache
        log.warning("could not write frames cache in %s: %s", folder, error)


def load_frames(layout: Layout | None = None, use_cache: bool = True, progress: Progress | None = None) -> Frames:
    """Frames for the current data: from the on-disk cache when the content is unchanged, else built and cached.

    ``progress(done, total)`` hears of the briefs compiled in worker processes, where there are that many to compile.
    """
    layout = layout or Layout.from_env()
    folder = cache_dir()
    # keyed on names, sizes and mtimes, so a restart with unchanged files reads nothing but the cache;
    # the version inside is the content hash, computed only when the frames are built
    stat_key = hashlib.sha256(f"{layout.root.resolve()}:{layout.fingerprint()}:{CODE_VERSION}".encode()).hexdigest()[:16]
    path = folder / f"frames-{stat_key}.pickle"
    if use_cache and (cached := _read_cached(path)) is not None:
        return cached
    version = data_version(layout)
    corpus = load_corpus(layout=layout, compiled=folder / "briefs" if use_cache else None, progress=progress)
    frames = dataclasses.replace(build_frames(corpus), version=version)
    if use_cache:
        _write_cached(folder, path, frames)
        try:
            save_manifest(frames, folder)
            keep_version(layout, version, data_files(layout), folder)
        except Exception as error:  # the manifest and the kept files only serve old links; the frames serve without them
            log.warning("could not record data version %s: %s", frames.version, error)
    return frames
