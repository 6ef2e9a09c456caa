"""Data versions: a manifest of every record per version, so an old link can say what changed since."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.frames import RECORD_TABLES, Frames
from briefing.labels import record_labels
from briefing.links import local_id

log = logging.getLogger(__name__)
VERSION_PATTERN = re.compile(r"^[0-9a-f]{12}\Z")  # \Z, not $: "$" also matches before a trailing newline
# every kind of record a reader can be told about (each of RECORD_TABLES), with its name in words
RECORD_KINDS = {
    "positions": "position",
    "events": "event",
    "impacts": "impact",
    "judgments": "key judgment",
    "ladders": "escalation ladder",
    "notes": "editor's note",
}
FORMAT_1_TABLES = ("positions", "events", "impacts", "judgments")
MANIFEST_FORMAT = 2  # 2 adds each record's kind and label and the brief's evidence ids; format 1 is still read
NAMED_PER_LINE = 4  # records named in one sentence; the rest are counted


def _as_written(value, prefix: str):
    """A row's ids as written in its brief: the ``<brief>:`` a shared id gains in the frames is not a change."""
    if isinstance(value, str):
        return value.removeprefix(prefix)
    if isinstance(value, tuple | list):
        return type(value)(_as_written(item, prefix) for item in value)
    return value


def _digest(rows: list[dict]) -> str:
    rows = [{key: _as_written(value, f"{row['brief']}:") for key, value in row.items()} for row in rows]
    # one row is hashed alone, as format 1 did, so a record unchanged since a format-1 manifest reads unchanged
    content = json.dumps(rows[0] if len(rows) == 1 else rows, default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def _label(table: str, rows: list[dict], labels: dict[str, str]) -> str:
    """A record named for a reader: its kind, then its title or its label (who, when, whose words)."""
    first = rows[0]
    if table == "notes":  # its label says what it is: "Editor's note, 30 January 2026"
        return labels.get(first["id"]) or RECORD_KINDS[table]
    title = first.get("title") if table in ("events", "ladders") else None
    name = f"“{title}”" if title else labels.get(first["id"], "")
    return f"{RECORD_KINDS[table]} {name}".strip()


def manifest(frames: Frames) -> dict:
    """{brief id: {"title", "records": {id: digest}, "kinds": {id: table}, "labels": {id: words}, "spans": [ids]}}."""
    briefs: dict[str, dict] = {
        brief: {"title": title, "records": {}, "kinds": {}, "labels": {}, "spans": []}
        for brief, title in zip(frames.briefs["id"], frames.briefs["title"], strict=True)
    }
    labels = record_labels({name: frames.table(name) for name in ("briefs", *RECORD_TABLES)})
    for table in RECORD_TABLES:
        grouped: dict[str, list[dict]] = {}
        for row in frames.table(table).to_dict("records"):
            grouped.setdefault(row["id"], []).append(row)  # a ladder is one row per step
        for frame_id, rows in grouped.items():
            entry = briefs[rows[0]["brief"]]
            # keyed as written in the brief: a record whose frame id gains its brief's prefix (another brief came
            # to use the id) is the same record, not one removed and one added
            record_id = local_id(frame_id, rows[0]["brief"])
            entry["records"][record_id] = _digest(rows)
            entry["kinds"][record_id] = table
            entry["labels"][record_id] = _label(table, rows, labels)
    for span_id, brief in zip(frames.evidence["id"], frames.evidence["brief"], strict=True):
        briefs[brief]["spans"].append(local_id(span_id, brief))
    return {"format": MANIFEST_FORMAT, "version": frames.version, "briefs": briefs}


def holder(old: dict | None, bare_id: str, table: str) -> str | None:
    """The one brief that held ``bare_id`` in an earlier version, if that version's manifest says: what an old link
    with that id opened. Evidence ids are in format-2 manifests only."""
    if old is None:
        return None
    holders = [
        brief
        for brief, entry in old.get("briefs", {}).items()
        if bare_id in (entry.get("spans", ()) if table == "evidence" else entry.get("records", {}))
        and (table == "evidence" or entry.get("kinds", {}).get(bare_id, table) == table)
    ]
    return holders[0] if len(holders) == 1 else None  # several: the id was shared, and bare then too it named none


def _path(folder: Path, version: str) -> Path:
    if not VERSION_PATTERN.match(version):
        raise ValueError(f"not a data version: {version!r}")
    return folder / "versions" / f"{version}.json"


def save_manifest(frames: Frames, folder: Path, known: dict | None = None) -> None:
    """Record this version's manifest beside the frames cache (never in data/); failures only cost the diff.

    ``known``: the manifest already made (an edit's, from the last version's), else it is made from the frames."""
    if not frames.version:
        return
    path = _path(folder, frames.version)
    if path.exists() and (load_manifest(frames.version, folder) or {}).get("format") == MANIFEST_FORMAT:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, json.dumps(known or manifest(frames)))
    except OSError as error:
        log.warning("could not record data version %s: %s", frames.version, error)


def manifest_file(folder: Path, version: str) -> Path:
    """Where the manifest of ``version`` is kept in the cache folder."""
    return _path(folder, version)


def load_manifest(version: str, folder: Path) -> dict | None:
    try:
        return json.loads(_path(folder, version).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _names(entry: dict, ids: list[str]) -> str:
    """Records named in words, a few at most, the rest counted."""
    labels = entry.get("labels", {})
    named = [labels.get(i) or "a record" for i in sorted(ids, key=lambda i: labels.get(i) or "")]
    shown = ", ".join(named[:NAMED_PER_LINE])
    rest = len(named) - NAMED_PER_LINE
    return shown + (f" and {rest} more" if rest > 0 else "")


def _brief_changes(title: str, before: dict, after: dict) -> str | None:
    old_records, new_records = before.get("records", {}), after.get("records", {})
    if "kinds" not in before:  # format 1 knew four kinds only: the others are not news
        kinds = after.get("kinds", {})
        new_records = {i: d for i, d in new_records.items() if kinds.get(i, "positions") in FORMAT_1_TABLES}
    added = [i for i in new_records if i not in old_records]
    removed = [i for i in old_records if i not in new_records]
    changed = [i for i in new_records if i in old_records and new_records[i] != old_records[i]]
    parts = [
        f"{word} {_names(entry, ids)}"
        for word, ids, entry in (("changed", changed, after), ("added", added, after), ("removed", removed, before))
        if ids
    ]
    return f"{title}: {'; '.join(parts)}." if parts else None


def describe_changes(old: dict | None, new: dict) -> list[str]:
    """Plain sentences on what differs between two versions' manifests: briefs added or removed, and each record of
    every kind changed, added or removed, named in words."""
    if old is None:
        return ["This server has no record of the link's data version, so the differences cannot be listed."]
    lines = []
    old_briefs, new_briefs = old["briefs"], new["briefs"]
    for brief in sorted(set(new_briefs) - set(old_briefs)):
        lines.append(f"Brief added: {new_briefs[brief]['title']}.")
    for brief in sorted(set(old_briefs) - set(new_briefs)):
        lines.append(f"Brief removed: {old_briefs[brief]['title']}.")
    for brief in sorted(set(old_briefs) & set(new_briefs)):
        if line := _brief_changes(new_briefs[brief]["title"], old_briefs[brief], new_briefs[brief]):
            lines.append(line)
    if old_briefs and new_briefs and not lines:
        lines.append("The records are the same; only source files or formatting changed.")
    return lines
