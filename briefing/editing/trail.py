"""The trail: one JSON line per save in data/edit-log.jsonl, appended atomically, and which save undo takes back."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os

from briefing.load import Layout

EDIT_LOG = "edit-log.jsonl"
LOG_TAIL_BYTES = 4_000_000  # the trail shown and searched for undo is the log's end; the file itself keeps everything


def _diff(before: str, after: str, file: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{file}", f"b/{file}", n=2))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def append_log(layout: Layout, entry: dict) -> None:
    """One JSON line at the end of data/edit-log.jsonl, in one write with O_APPEND, then synced."""
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    descriptor = os.open(layout.data / EDIT_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, line)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_log(layout: Layout) -> list[dict]:
    """The trail, oldest first (the end of a very long one); a damaged line is skipped, never trusted."""
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
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            entries.append(entry)
    return entries


def undoable(entries: list[dict]) -> dict | None:
    """The latest save not yet undone: what the undo button takes back."""
    undone = {entry.get("undoes") for entry in entries if entry.get("action") == "undo"}
    for entry in reversed(entries):
        if entry.get("action") != "undo" and entry["id"] not in undone:
            return entry
    return None
