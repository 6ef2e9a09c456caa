"""The trail: one JSON line per save in data/edit-log.jsonl, appended atomically, and which save undo takes back.

A save writes its entry *ahead* of the file (``save.py``), so no crash leaves a change the trail does not know. A
crash between the two leaves an entry whose change never reached the file; ``read_log`` tells it by the content
hashes (the file is still as the entry found it) and leaves it out, so the trail and undo show what the files hold.
"""

from __future__ import annotations

import datetime as dt
import difflib
import fcntl
import hashlib
import json
import os
import uuid

from briefing.load import Layout

EDIT_LOG = "edit-log.jsonl"
LOG_TAIL_BYTES = 4_000_000  # the trail shown and searched for undo is the log's end; the file itself keeps everything


def _diff(before: str, after: str, file: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{file}", f"b/{file}", n=2))


def log_entry(editor: str, action: str, record: str | None, file: str, **details) -> dict:
    """A new entry of the trail: who did what to which record of which file, when, and the details of the change."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return {"id": uuid.uuid4().hex[:12], "time": now, "editor": editor, "action": action, "record": record, "file": file, **details}


def append_log(layout: Layout, entry: dict) -> None:
    """One JSON line at the end of data/edit-log.jsonl, in one write with O_APPEND, then synced.

    A last line without its newline (a torn write, a hand edit) is ended first, so the new entry is never glued to
    it; the check and the write hold a lock on the log, so appends from several processes stay whole lines.
    """
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    descriptor = os.open(layout.data / EDIT_LOG, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        size = os.lseek(descriptor, 0, os.SEEK_END)
        if size and os.pread(descriptor, 1, size - 1) != b"\n":
            line = b"\n" + line
        os.write(descriptor, line)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)  # closing releases the lock


def _entries(line: bytes) -> list[dict]:
    """The entries of one line: normally one; two or more glued together (an entry appended to a line that lacked
    its newline, before appends ended it) are taken apart; the torn rest of a cut entry is skipped, never trusted."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return []
    try:
        found = [json.loads(text)]
    except json.JSONDecodeError:
        found, decoder, position = [], json.JSONDecoder(), text.find("{")
        while position != -1:
            try:
                value, end = decoder.raw_decode(text, position)
            except json.JSONDecodeError:
                position = text.find("{", position + 1)
                continue
            found.append(value)
            position = text.find("{", end)
    return [entry for entry in found if isinstance(entry, dict) and isinstance(entry.get("id"), str)]


def _current_sha256(layout: Layout, file: str) -> str | None:
    """The content hash of a data file the trail names, or None if it is absent (or not a data file)."""
    path = (layout.root / file).resolve()
    if not path.is_relative_to(layout.data.resolve()):
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _applied(layout: Layout, entries: list[dict]) -> list[dict]:
    """The entries whose change reached their file. Newest first, per file: the state after an entry is the next
    entry's starting state, or the file as it is now; an entry that found the file in that state and would have
    changed it was written ahead and never applied (its save stopped between the two steps)."""
    state: dict[str, str | None] = {}
    kept = []
    for entry in reversed(entries):
        file = entry.get("file")
        if not isinstance(file, str) or "after_sha256" not in entry:
            kept.append(entry)
            continue
        if file not in state:
            state[file] = _current_sha256(layout, file)
        before, after = entry.get("before_sha256"), entry.get("after_sha256")
        if state[file] == before and before != after:
            continue
        kept.append(entry)
        state[file] = before
    return kept[::-1]


def read_log(layout: Layout) -> list[dict]:
    """The trail, oldest first (the end of a very long one): entries glued on one line taken apart, a damaged line
    skipped, and an entry whose change never reached its file left out."""
    path = layout.data / EDIT_LOG
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - LOG_TAIL_BYTES))
            raw = handle.read()
    except FileNotFoundError:
        return []
    lines = raw.split(b"\n")
    if size > LOG_TAIL_BYTES:
        lines = lines[1:]  # the first line read may be cut
    return _applied(layout, [entry for line in lines if line.strip() for entry in _entries(line)])


def undoable(entries: list[dict]) -> dict | None:
    """The latest save not yet undone: what the undo button takes back."""
    undone = {entry.get("undoes") for entry in entries if entry.get("action") == "undo"}
    for entry in reversed(entries):
        if entry.get("action") != "undo" and entry["id"] not in undone:
            return entry
    return None
