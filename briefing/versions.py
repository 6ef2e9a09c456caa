"""Data versions: a manifest of every record per version, so an old link can say what changed since."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.frames import Frames

log = logging.getLogger(__name__)
VERSION_PATTERN = re.compile(r"^[0-9a-f]{12}\Z")  # \Z, not $: "$" also matches before a trailing newline
RECORD_TABLES = ("positions", "events", "impacts", "judgments")


def manifest(frames: Frames) -> dict:
    """{brief id: {"title": …, "records": {record id: content digest}}} for one data version."""
    briefs: dict[str, dict] = {
        brief: {"title": title, "records": {}} for brief, title in zip(frames.briefs["id"], frames.briefs["title"], strict=True)
    }
    for table in RECORD_TABLES:
        frame = frames.table(table)
        for row in frame.to_dict("records"):
            content = json.dumps(row, default=str, sort_keys=True, ensure_ascii=False)
            briefs[row["brief"]]["records"][row["id"]] = hashlib.sha256(content.encode()).hexdigest()[:16]
    return {"version": frames.version, "briefs": briefs}


def _path(folder: Path, version: str) -> Path:
    if not VERSION_PATTERN.match(version):
        raise ValueError(f"not a data version: {version!r}")
    return folder / "versions" / f"{version}.json"


def save_manifest(frames: Frames, folder: Path) -> None:
    """Record this version's manifest beside the frames cache (never in data/); failures only cost the diff."""
    if not frames.version:
        return
    path = _path(folder, frames.version)
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, json.dumps(manifest(frames)))
    except OSError as error:
        log.warning("could not record data version %s: %s", frames.version, error)


def load_manifest(version: str, folder: Path) -> dict | None:
    try:
        return json.loads(_path(folder, version).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def describe_changes(old: dict | None, new: dict) -> list[str]:
    """Plain sentences on what differs between two versions' manifests."""
    if old is None:
        return ["This server has no record of the link's data version, so the differences cannot be listed."]
    lines = []
    old_briefs, new_briefs = old["briefs"], new["briefs"]
    for brief in sorted(set(new_briefs) - set(old_briefs)):
        lines.append(f"Brief added: {new_briefs[brief]['title']}.")
    for brief in sorted(set(old_briefs) - set(new_briefs)):
        lines.append(f"Brief removed: {old_briefs[brief]['title']}.")
    for brief in sorted(set(old_briefs) & set(new_briefs)):
        before, after = old_briefs[brief]["records"], new_briefs[brief]["records"]
        added = len(set(after) - set(before))
        removed = len(set(before) - set(after))
        changed = sum(1 for key in set(before) & set(after) if before[key] != after[key])
        if added or removed or changed:
            parts = [f"{n} {word}" for n, word in ((changed, "changed"), (added, "added"), (removed, "removed")) if n]
            lines.append(f"{new_briefs[brief]['title']}: records {', '.join(parts)}.")
    if old_briefs and new_briefs and not lines:
        lines.append("The records are the same; only source files or formatting changed.")
    return lines
