"""Ids in links that keep their meaning: the brief-qualified form of a record or evidence id, and what a linked id opens.

An id in the frames is bare while one brief uses it and ``<brief>:<id>`` once several do (``frames/build.py``). A
link may hold either form: the qualified form opens its brief's record whatever is added later; a bare id opens its
record while it is unique, by the link's data version when that version knew it (``versions.holder``), and
otherwise the page asks which is meant. Shared links carry the qualified form (``qualified``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.frames import Frames

LINKED_TABLES = {"span": "evidence", "event": "events"}  # link param -> the table whose ids it names


def local_id(frame_id: str, brief: str) -> str:
    """The id as written in its brief."""
    prefix = f"{brief}:"
    return frame_id[len(prefix) :] if frame_id.startswith(prefix) else frame_id


def qualified(frame_id: str, brief: str) -> str:
    """The permanent form ``<brief>:<id>`` that no later brief can take over."""
    return f"{brief}:{local_id(frame_id, brief)}"


@dataclass(frozen=True)
class Resolution:
    """What a linked id opens: ``found`` (a frame id), or the ``candidates`` it could mean (frame id, brief)."""

    found: str | None
    candidates: tuple[tuple[str, str], ...] = ()


def _brief_of(table: pd.DataFrame, frame_id: str) -> str | None:
    rows = table.loc[table["id"] == frame_id, "brief"]
    return str(rows.iloc[0]) if len(rows) else None


def resolve(frames: Frames, table_name: str, value: str) -> Resolution:
    """The record of ``table_name`` a linked id means, in either form."""
    table = frames.table(table_name)
    if _brief_of(table, value) is not None:
        return Resolution(value)
    brief, colon, local = value.partition(":")
    if colon:
        return Resolution(local if _brief_of(table, local) == brief else None)
    shared = table.loc[table["id"].str.endswith(f":{value}", na=False), ["id", "brief"]].drop_duplicates()
    candidates = tuple((str(i), str(b)) for i, b in zip(shared["id"], shared["brief"], strict=True) if i == f"{b}:{value}")
    return Resolution(None, candidates)


def link_value(frames: Frames, table_name: str, frame_id: str) -> str:
    """The qualified form of a frame id, for a link that is shared."""
    brief = _brief_of(frames.table(table_name), frame_id)
    return qualified(frame_id, brief) if brief else frame_id
