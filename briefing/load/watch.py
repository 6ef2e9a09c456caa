"""Watching data/ and seeds/ for changes through the operating system's file events."""

from __future__ import annotations

import os
import time

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from briefing.load.layout import Layout

# reading a file ("opened", "closed_no_write") is not a change; "attrib" is, as a touched file's mtime changed
CHANGE_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed", "attrib"})


class DataWatch(FileSystemEventHandler):
    """Counts changes under data/ and seeds/ as the operating system reports them (inotify, FSEvents, ...).

    A run then learns whether anything changed by reading one number, however many files there are. ``changes`` is
    None while the folders are not watched (one was missing at start, the system had no watch left, or a watched
    folder itself was removed): the caller then compares ``Layout.fingerprint()`` instead.
    """

    def __init__(self, layout: Layout) -> None:
        super().__init__()
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

    def stop(self) -> None:
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join(timeout=5)
