"""Validated frames cached on disk, keyed on the content of every data and seed file.

Parsing and validating a thousand briefs takes seconds; unpickling their finished frames takes a fraction
of that. The cache lives outside data/ and seeds/ (BRIEFING_CACHE, else ~/.cache/briefing-dashboard), is
written atomically, and is only ever a copy: delete it and the next load rebuilds it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import pickle
import threading
from collections.abc import Iterator
from pathlib import Path

from briefing.archive import is_kept, keep_version
from briefing.atomic import write_atomic
from briefing.collector import collector_paused
from briefing.frames import Frames, build_frames
from briefing.frames.splice import brief_ids, declared_seeds, splice, used_elsewhere
from briefing.load import CODE_VERSION, Layout, load_corpus
from briefing.load.pool import Progress
from briefing.versions import MANIFEST_FORMAT, load_manifest, manifest, manifest_file, save_manifest

log = logging.getLogger(__name__)
KEEP_FILES = 8  # four loads' frames, each under its files' stat key and its content version


def data_files(layout: Layout) -> list[Path]:
    """Every file whose content the frames depend on."""
    seeds = sorted((p for p in layout.seeds.glob("*") if p.is_file()), key=str) if layout.seeds.is_dir() else []
    taxonomy = [layout.taxonomy] if layout.taxonomy.is_file() else []
    return [*taxonomy, *layout.brief_paths(), *seeds]


def data_version(layout: Layout, stats: dict[str, tuple[int, int] | None] | None = None) -> str:
    """A short hash of every data and seed file's name and bytes: the version shown in links and the footer.

    ``stats`` are the files' sizes and mtimes as ``_file_stats`` took them for this load (one pass over the files
    instead of two)."""
    digest = hashlib.sha256()
    root = layout.root.resolve()
    for path, stat in (stats if stats is not None else _file_stats(layout)).items():
        name, content = _file_digest(Path(path), root, stat)
        digest.update(name)
        digest.update(content)
    return digest.hexdigest()[:12]


# path -> (size, mtime_ns, root), and then the name hashed for it and the sha256 of its bytes
_DIGESTS: dict[str, tuple[tuple[int, int, Path], bytes, bytes]] = {}


def _file_digest(path: Path, root: Path, stat: tuple[int, int] | None) -> tuple[bytes, bytes]:
    """A file's name under the root and the sha256 of its bytes, worked out again only when its size or mtime (as
    taken for this load; None: the file could not be read) changed: an edit hashes one file, not 50 MB, and resolves
    one path, not 2,000."""
    key: tuple[int, int, Path] | None = None
    try:
        if stat is None:
            raise OSError("not readable when the files were listed")
        key = (stat[0], stat[1], root)
        known = _DIGESTS.get(str(path))
        if known is not None and known[0] == key:
            return known[1], known[2]
        content = hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        key, content = None, hashlib.sha256(b"<unreadable>").digest()
    resolved = path.resolve()
    name = str(resolved.relative_to(root) if resolved.is_relative_to(root) else path).encode()
    if key is not None:
        _DIGESTS[str(path)] = (key, name, content)
    return name, content


def _file_stats(layout: Layout) -> dict[str, tuple[int, int] | None]:
    """Size and mtime of every file the frames depend on, in ``data_files`` order, taken before they are read (None:
    the file could not be read)."""
    stats: dict[str, tuple[int, int] | None] = {}
    for path in data_files(layout):
        try:
            stat = path.stat()
        except OSError:
            stats[str(path)] = None
            continue
        stats[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return stats


def cache_dir() -> Path:
    configured = os.environ.get("BRIEFING_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "briefing-dashboard"


def _read_cached(path: Path) -> Frames | None:
    try:
        with path.open("rb") as handle, collector_paused():  # 0.35 → 0.20 s at 1,000 briefs
            frames = pickle.load(handle)  # noqa: S301 - our own cache file, in a folder only this user writes
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or stale cache file is rebuilt, never trusted
        log.warning("ignoring unreadable frames cache %s: %s", path, error)
        return None
    return frames if isinstance(frames, Frames) else None


def _write_cached(folder: Path, path: Path, frames: Frames) -> None:
    """The frames under their files' names, sizes and mtimes (``path``) and under their content's version, which
    other replicas sharing the folder find from their own copy of the same files. Writers never see each other's
    half-written files (write_atomic), and two writing one name write the same bytes."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = pickle.dumps(frames, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(path, data, durable=False)  # rebuilt if lost
        # by content only when the content alone decides them: an unforeseen error is no property of the files, and
        # another replica (or this one, after a fix) must meet the files afresh
        if frames.version and not any(problem.unforeseen for problem in frames.problems):
            write_atomic(folder / f"frames-{frames.version}-{CODE_VERSION}.pickle", data, durable=False)
        stale = sorted(folder.glob("frames-*.pickle"), key=_modified, reverse=True)[KEEP_FILES:]
        for old in stale:
            old.unlink(missing_ok=True)
    except Exception as error:  # a read-only home, or frames that cannot be pickled, still serve, just without the cache
        log.warning("could not write frames cache in %s: %s", folder, error)


def _link(source: Path, target: Path) -> None:
    """``target`` as a second name of ``source`` (no copy of the frames' tens of MB), replaced atomically."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.link")
    try:
        os.link(source, temporary)
        os.replace(temporary, target)
    except OSError as error:  # a file system without hard links: the next start finds the frames by content again
        log.warning("could not link %s: %s", target, error)
        temporary.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # another replica removed it a moment ago
        return 0.0


def load_frames(layout: Layout | None = None, use_cache: bool = True, progress: Progress | None = None) -> Frames:
    """Frames for the current data: from the on-disk cache when the content is unchanged, else built and cached.

    After an edit to a few briefs, the frames this process last served are spliced (``_spliced``) rather than built
    again. ``progress(done, total)`` hears of the briefs compiled in worker processes, where there are that many.
    """
    layout = layout or Layout.from_env()
    with _loading(layout):
        return _load_frames(layout, use_cache, progress)


def _load_frames(layout: Layout, use_cache: bool, progress: Progress | None) -> Frames:
    folder = cache_dir()
    stat_key, path, served = _keys(layout, folder)
    if use_cache and (ready := _PREPARED.pop(served, None)) is not None and ready[:2] == (stat_key, folder):
        return ready[2]  # spliced as the edit was saved (``prepare``), before this run asked
    stats = _file_stats(layout)  # taken before the files are read, as the fingerprint of the key was
    if use_cache and (cached := _read_cached(path)) is not None:
        _remember(served, _Served(stats, cached))
        _keep_served(layout, folder, cached)
        return cached
    if use_cache and served in _SERVED and (made := _spliced(layout, _SERVED[served], stats, folder)) is not None:
        if made.fresh is None:  # no data file changed (the cache file went, or another file changed)
            _write_cached(folder, path, made.frames)
            return made.frames
        _remember(served, _Served(stats, made.frames))
        _record_later(layout, folder, path, made.frames, (made.since, made.fresh))
        return made.frames
    version = data_version(layout, stats)
    # the same content elsewhere (another replica's copy of the data, with its own paths and mtimes) built it already
    shared = folder / f"frames-{version}-{CODE_VERSION}.pickle"
    if use_cache and (cached := _read_cached(shared)) is not None:
        _remember(served, _Served(stats, cached))
        _link(shared, path)  # the next start here reads it by its files' stat key
        _keep_served(layout, folder, cached)
        return cached
    with collector_paused():
        corpus = load_corpus(layout=layout, compiled=folder / "briefs" if use_cache else None, progress=progress)
        frames = dataclasses.replace(build_frames(corpus), version=version)
    if use_cache:
        _remember(served, _Served(stats, frames))
        if len(frames.briefs) >= RECORD_LATER_BRIEFS:
            _record_later(layout, folder, path, frames)
        else:
            _record(layout, folder, path, frames)
    return frames


def _keys(layout: Layout, folder: Path) -> tuple[str, Path, tuple[str, str]]:
    """The files' stat key, the frames file under it, and the key of what this process last served for the root.

    Keyed on names, sizes and mtimes, so a restart with unchanged files reads nothing but the cache; the version
    inside is the content hash, computed only when the frames are built."""
    stat_key = hashlib.sha256(f"{layout.root.resolve()}:{layout.fingerprint()}:{CODE_VERSION}".encode()).hexdigest()[:16]
    return stat_key, folder / f"frames-{stat_key}.pickle", (str(layout.root.resolve()), CODE_VERSION)


def prepare(layout: Layout) -> bool:
    """Splice an edit as soon as it is saved, before any run asks for it: the next ``load_frames`` of these files
    takes the result instead of splicing then. Only the quick path is taken (a few briefs changed, in a process that
    served the frames before); anything else is left to the next run, which shows its progress. True when prepared.

    A reader who saves a brief and reloads the page gets the new frames in the time the browser takes to reload
    (about half a second), where the run that asked for them spliced them (about 0.3 s at 1,000 briefs)."""
    with _loading(layout):
        folder = cache_dir()
        stats = _file_stats(layout)
        stat_key, path, served = _keys(layout, folder)
        last = _SERVED.get(served)
        if last is None or (cached := _PREPARED.get(served)) is not None and cached[0] == stat_key:
            return False
        if path.is_file():
            return False  # served from the cache file anyway
        made = _spliced(layout, last, stats, folder)
        if made is None or made.fresh is None:
            return False
        _remember(served, _Served(stats, made.frames))
        _record_later(layout, folder, path, made.frames, (made.since, made.fresh))
        _PREPARED[served] = (stat_key, folder, made.frames)
    # after the lock: a run asking now takes the frames at once, and waits only for a lookup it needs that is being
    # derived (a cached property computes once)
    made.frames.warm()
    return True


# (data root, code version) -> (stat key, cache folder, frames) spliced by ``prepare`` and not yet asked for
_PREPARED: dict[tuple[str, str], tuple[str, Path, Frames]] = {}
_LOADS: dict[str, threading.Lock] = {}
_LOADS_LOCK = threading.Lock()


@contextlib.contextmanager
def _loading(layout: Layout) -> Iterator[None]:
    """One load of a data root at a time in this process: a run that asks while an edit is being prepared waits for
    it and takes its frames, instead of splicing the same edit beside it."""
    root = str(layout.root.resolve())
    with _LOADS_LOCK:
        lock = _LOADS.setdefault(root, threading.Lock())
    with lock:
        yield


RECORD_LATER_BRIEFS = 200  # from here on the records take seconds (the manifest about 5 s at 1,000 briefs)


def _record_later(layout: Layout, folder: Path, path: Path, frames: Frames, spliced_from: tuple[str, Frames] | None = None) -> None:
    """What only later starts and old links need, written after the frames are served (an edit's, or a large corpus's
    build): at 1,000 briefs the manifest, the kept version and the frames' pickle take seconds, and a link made in
    those seconds falls back as one from another server would. Not a daemon thread: an exiting interpreter waits.
    An edit's records start ``RECORD_EDIT_AFTER`` seconds later: begun at once, they held the interpreter lock for
    about half of the run that draws the edit (pickling the frames, the kept version's files)."""
    delay = RECORD_EDIT_AFTER if spliced_from else 0.0
    later = threading.Timer(delay, _record, args=(layout, folder, path, frames, spliced_from))
    later.name = "record-frames"
    later.start()


def _keep_served(layout: Layout, folder: Path, frames: Frames) -> None:
    """Frames read from the cache outlive the records made when they were built: if the kept versions or the
    manifests were cleared since (an operator freeing space), the version served now is recorded again, so a link
    made now still reopens it later. Checked on every cache hit, two stats when nothing is missing; large corpora are
    recorded after the frames are served, as a build's records are."""
    version = frames.version
    if not version or (manifest_file(folder, version).is_file() and is_kept(version, folder)):
        return

    def keep() -> None:
        with _RECORDING:
            _record_version(layout, folder, frames)

    if len(frames.briefs) >= RECORD_LATER_BRIEFS:
        later = threading.Timer(0.0, keep)
        later.name = "record-version"
        later.start()
    else:
        keep()


RECORD_EDIT_AFTER = 2.0  # seconds: the run that shows an edit at 1,000 briefs takes about half a second of CPU


def _record(layout: Layout, folder: Path, path: Path, frames: Frames, spliced_from: tuple[str, Frames] | None = None) -> None:
    """The frames cache, the version's manifest and its kept files, one load at a time."""
    with _RECORDING:
        _write_cached(folder, path, frames)
        _record_version(layout, folder, frames, spliced_from)


def _record_version(layout: Layout, folder: Path, frames: Frames, spliced_from: tuple[str, Frames] | None = None) -> None:
    """The version's manifest (unless kept already) and its kept files, under ``_RECORDING``."""
    try:
        save_manifest(frames, folder, known=_spliced_manifest(frames, folder, *spliced_from) if spliced_from else None)
        keep_version(layout, frames.version, data_files(layout), folder)
    except Exception as error:  # the manifest and the kept files only serve old links; the frames serve without them
        log.warning("could not record data version %s: %s", frames.version, error)


@dataclasses.dataclass(frozen=True)
class _Served:
    stats: dict[str, tuple[int, int] | None]  # the data files' sizes and mtimes, taken before the frames were read or built
    frames: Frames


_SERVED: dict[tuple[str, str], _Served] = {}  # (data root, code version) -> the frames this process last served
SERVED_ROOTS = 2  # today's data and one more (a kept version opened for an old link): frames are large


def _remember(served: tuple[str, str], entry: _Served) -> None:
    _SERVED.pop(served, None)
    _SERVED[served] = entry  # the newest last; the oldest root is forgotten first
    while len(_SERVED) > SERVED_ROOTS:
        del _SERVED[next(iter(_SERVED))]


_RECORDING = threading.Lock()
SPLICE_MAX = 20  # changed briefs beyond which a full build is as quick


@dataclasses.dataclass(frozen=True)
class _Splice:
    frames: Frames
    fresh: Frames | None = None  # the changed briefs' own frames; None: nothing changed
    since: str = ""  # the version spliced from


def _spliced_manifest(frames: Frames, folder: Path, since: str, fresh: Frames) -> dict | None:
    """The spliced version's manifest from the last one: a brief's entry depends on its own rows alone (labels and
    digests per record, ids as written in the brief), so only the changed briefs' entries are made (the whole
    manifest took about 5 s at 1,000 briefs). None, and the whole manifest is made, when the last one is unreadable."""
    old = load_manifest(since, folder)
    if not old or old.get("format") != MANIFEST_FORMAT:
        return None
    entries = {**old.get("briefs", {}), **manifest(fresh)["briefs"]}
    try:
        return {"format": MANIFEST_FORMAT, "version": frames.version, "briefs": {brief: entries[brief] for brief in frames.briefs["id"]}}
    except KeyError:
        return None


def _spliced(layout: Layout, last: _Served, stats: dict[str, tuple[int, int] | None], folder: Path) -> _Splice | None:
    """The last frames with the changed briefs' rows replaced, or None where only a full build gives the right
    frames: the taxonomy or a seed changed, too many briefs did, or a changed brief shares an id, a brief id or a
    seed id with another brief (see ``briefing/frames/splice.py``)."""
    changed = {name for name in stats.keys() | last.stats.keys() if stats.get(name) != last.stats.get(name)}
    if not changed:
        return _Splice(last.frames)
    if len(changed) > SPLICE_MAX or any(Path(name).parent != layout.briefs for name in changed):
        return None
    previous = last.frames
    if any("already used" in p.message or "already declared" in p.message for p in previous.problems):
        return None  # a brief left out for another's sake may load now
    files = {layout.display(Path(name)) for name in changed}
    mini = load_corpus([Path(name) for name in sorted(changed) if stats.get(name) is not None], layout=layout, compiled=folder / "briefs")
    if mini.taxonomy is None or any("already used" in p.message or "already declared" in p.message for p in mini.problems):
        return None
    before = set(previous.briefs.loc[previous.briefs["file"].isin(files), "id"])
    kept = previous.briefs[~previous.briefs["id"].isin(before)]
    if {brief.id for brief in mini.briefs} & set(kept["id"]):
        return None
    declared = declared_seeds(previous, leaving_out=before)
    if any(declared.get(seed.id, (seed.file, seed.sha256)) != (seed.file, seed.sha256) for brief in mini.briefs for seed in brief.seeds):
        return None
    own = {record_id for brief in mini.briefs for _path, record_id in (*brief.record_paths(), *brief.evidence_paths())}
    own |= set().union(*brief_ids(previous, before).values())
    if used_elsewhere(previous, before, own):
        return None
    fresh = build_frames(mini)
    return _Splice(splice(previous, fresh, files, data_version(layout, stats)), fresh, previous.version)
