"""Suggestions an analyst dismissed, remembered per brief across sessions.

They are a working note, not data: one small JSON list per brief in the cache folder (``BRIEFING_CACHE``, see
briefing/store.py), never under data/, so a dismissal changes nothing a reader sees and clearing the cache only
brings the suggestions back.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.store import cache_dir


def dismissed_path(root: Path, brief_file: str) -> Path:
    """The file that holds one brief's dismissals: named by the data root and the brief's file, so two corpora never
    share it."""
    name = hashlib.sha256(f"{root.resolve()}\0{brief_file}".encode()).hexdigest()[:24]
    return cache_dir() / "dismissed" / f"{name}.json"


def load_dismissed(root: Path, brief_file: str) -> set[str]:
    """The keys of the brief's dismissed suggestions; none when the file is missing or unreadable."""
    try:
        keys = json.loads(dismissed_path(root, brief_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {key for key in keys if isinstance(key, str)} if isinstance(keys, list) else set()


def add_dismissed(root: Path, brief_file: str, key: str) -> None:
    """Remember one more dismissal of the brief."""
    path = dismissed_path(root, brief_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(sorted(load_dismissed(root, brief_file) | {key}), ensure_ascii=False), durable=False)
