"""Watching data/ and seeds/ for changes through the operating system's file events."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from briefing.load.layout import Layout

# reading a file ("opened", "closed_no_write") is not a change; "attrib" is, as a touched file's mtime changed
CHANGE_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed", "attrib"})
SETTLE_SECONDS = 0.03  # one save is several events (modified, closed, or a temporary file moved into place)

log = logging.getLogger(__name__)


class DataWatch(FileSystemEventHandler):
    """Counts changes under data/ and seeds/ as the operating system reports them (inotify, FSEvents, ...).

    A run then learns whether anything changed by reading one number, however many files there are. ``changes`` is
    None while the folders are not watched (one was missing at start, the system had no watch left, or a watched
    folder itself was removed): the caller then compares ``Layout.fingerprint()`` instead.
    """

    def __init__(self, layout: Layout, on_settled: Callable[[], object] | None = None) -> None:
        """``on_settled`` is called in a thread of its own once a burst of changes has been quiet for SETTLE_SECONDS."""
        super().__init__()
        self._on_settled = on_settled
        self._timer: threading.Timer | None = None
        self._timer_lock = threading.Lock()
        self.started = time.monotonic_ns()
        self._folders = (str(layout.data), str(layout.seeds))
        self._count = 0
        self._lost = False
        self._observer = Observer()
        self._observer.daemon = True
        try:
            for folder in self._folders:
                if not os.path.isdir(folder):
                    raise FileNotFoundError(folder)
                self._observer.schedule(self, folder, recursive=True)
            self._observer.start()
        except OSError:  # a missing folder, or no inotify instance or watch left
            self._lost = True
            self.stop()

    @property
    def changes(self) -> int | None:
        return None if self._lost or not self._observer.is_alive() else self._count

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        self._count += 1
        if event.event_type in ("deleted", "moved") and os.fsdecode(event.src_path) in self._folders:
            self._lost = True  # the folder's watch went with it
        if self._on_settled is not None:
            with self._timer_lock:
                if self._timer is not None:
                    self._timer.cancel()
                self._timer = threading.Timer(SETTLE_SECONDS, self._settled)
                self._timer.name = "data-settled"
                self._timer.daemon = True
                self._timer.start()

    def _settled(self) -> None:
        try:
            if self._on_settled is not None:
                self._on_settled()
        except Exception as error:  # only a head start: the next run loads what this could not
            log.warning("could not prepare the changed data ahead of the next run: %s", error)

    def stop(self) -> None:
        with self._timer_lock:
            if self._timer is not None:
                self._timer.cancel()
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join(timeout=5)
