"""Compiling the briefs the compiled cache does not hold, in worker processes.

A first start parses and validates every brief: about 0.15 s of CPU each, so a thousand briefs take half a minute in
one process. Each brief is independent until its seeds are compared with the other briefs' (two briefs declaring one
seed id differently), and that comparison is left to the main process, in file order, as for a cached brief.

Workers are spawned, never forked: a forked copy of a threaded server (Streamlit's event loop, the file watcher)
can inherit a lock that no thread will release. Where processes cannot be started, or die, what is left is compiled
in this process, exactly as without the pool.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import sys
import types
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from briefing.collector import collector_paused

log = logging.getLogger("briefing.load")

POOL_MIN_BRIEFS = 24  # fewer misses than this compile faster here than two interpreters take to start
CHUNK = 8  # briefs per task: progress a few times a second, little pickling overhead
Progress = Callable[[int, int], None]

_worker: dict = {}  # set once per worker process by _start


def workers() -> int:
    """Worker processes for a load: BRIEFING_LOAD_WORKERS if set (0 or 1: none), else up to 2 (the target machine)."""
    configured = os.environ.get("BRIEFING_LOAD_WORKERS", "").strip()
    if configured.isdigit():
        return int(configured)
    return min(2, os.cpu_count() or 1)


def _start(layout, taxonomy, folder: Path | None, taxonomy_digest: str) -> None:
    from briefing.load.corpus import _Compiled, _SeedReader

    class _Kept(_Compiled):
        """The compiled cache, remembering the bytes of the entry it last kept: a brief is pickled once, for the
        cache and for the answer to the main process."""

        kept: bytes | None = None

        def put(self, raw, brief, findings):
            self.kept = super().put(raw, brief, findings)
            return self.kept

    _worker.update(layout=layout, taxonomy=taxonomy, seeds=_SeedReader(layout), cache=_Kept(folder, taxonomy_digest))


def _compile(paths: list[str]) -> list[tuple[str, tuple | bytes]]:
    """Each brief of the chunk validated, checked and written to the compiled cache; a failure is the brief's Problem."""
    with collector_paused():
        return [(path, _compile_one(Path(path))) for path in paths]


def _compile_one(path: Path) -> tuple | bytes:
    from briefing.load.corpus import _load_brief, _SeedReader
    from briefing.load.problems import unexpected_problem

    layout, cache = _worker["layout"], _worker["cache"]
    name = layout.display(path)
    _worker["seeds"] = _SeedReader(layout)  # each brief alone: the main process compares seeds across briefs
    cache.kept = None
    try:
        loaded = _load_brief(path, name, _worker["taxonomy"], _worker["seeds"], cache)
    except Exception as error:  # the boundary, as in load_corpus
        return (None, [unexpected_problem(name, "", error)], ())
    return cache.kept if loaded[0] is not None and cache.kept is not None else loaded


def compile_elsewhere(misses: list[Path], layout, taxonomy, folder: Path | None, taxonomy_digest: str, progress: Progress | None) -> dict:
    """``{path: (brief, problems, findings)}`` for the misses compiled in worker processes; {} where the pool is not
    worth starting; a path missing from the answer (the pool failed) is left to the caller."""
    count = workers()
    if count < 2 or len(misses) < POOL_MIN_BRIEFS:
        return {}
    chunks = [[str(path) for path in misses[i : i + CHUNK]] for i in range(0, len(misses), CHUNK)]
    compiled: dict = {}
    try:
        context = multiprocessing.get_context("spawn")
        setup = (layout, taxonomy, folder, taxonomy_digest)
        with ProcessPoolExecutor(count, mp_context=context, initializer=_start, initargs=setup) as pool:
            with _no_main_module():  # a submit starts a worker while there are fewer than ``count``
                futures = [pool.submit(_compile, chunk) for chunk in chunks]
            for future in as_completed(futures):
                for path, loaded in future.result():
                    compiled[Path(path)] = _unpacked(loaded)
                _tell(progress, len(compiled), len(misses))
    except Exception as error:  # no processes here (a sandbox, a frozen app), or one died: finish in this process
        log.warning("compiling briefs in worker processes failed (%s); compiling the rest here", error)
    return compiled


def _unpacked(loaded: tuple | bytes) -> tuple:
    """A worker's answer for one brief: the compiled cache's entry as it was pickled, or (None, problems, ())."""
    if isinstance(loaded, bytes):
        brief, findings = pickle.loads(loaded)  # noqa: S301 - from our own worker process
        return brief, [], findings
    return loaded


@contextlib.contextmanager
def _no_main_module() -> Iterator[None]:
    """A spawned worker imports the parent's ``__main__`` again; under Streamlit that is the page script it is
    running (the runner installs each script as ``__main__``), and in a script without a ``__name__`` guard it is
    the whole script. While the workers start, ``__main__`` is an empty module, so they import only this package."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _tell(progress: Progress | None, done: int, total: int) -> None:
    """Progress is for the reader only: a display that fails never stops the load."""
    if progress is None:
        return
    try:
        progress(done, total)
    except Exception as error:
        log.warning("could not show loading progress: %s", error)
