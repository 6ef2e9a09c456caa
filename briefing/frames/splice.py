"""An edit's frames: the earlier frames with the changed briefs' rows replaced, instead of every brief built again.

Building the frames of 1,000 briefs takes seconds; an analyst who saves one brief should see it within one. The rows
of a brief depend on the rest of the corpus in one way only: an id several briefs use is written ``<brief>:<id>``
(build.py, ``_ScopedIds``). So a splice is only offered when the changed briefs share no id with any other brief,
before or after the edit, and their rows are then exactly what a full build would write; anything else (a shared id,
a brief id taken twice, a seed declared twice) is left to the full build, which names it.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from briefing.frames.model import Frames, each_row

# the tables with rows per brief, in a ``brief`` column: each record kind's, and the evidence
ROW_TABLES = ("positions", "events", "impacts", "judgments", "ladders", "notes", "evidence")


def brief_ids(frames: Frames, briefs: set[str]) -> dict[str, set[str]]:
    """Every record and evidence id of each of these briefs, as the brief writes it (without a ``<brief>:`` scope)."""
    ids: dict[str, set[str]] = {brief: set() for brief in briefs}
    for name in ROW_TABLES:
        table = frames.table(name)
        rows = table[table["brief"].isin(briefs)]
        for brief, row_id in zip(rows["brief"], rows["id"], strict=True):
            ids[brief].add(row_id.removeprefix(f"{brief}:"))
    return ids


def all_ids(frames: Frames, leaving_out: set[str]) -> set[str]:
    """Every record and evidence id of the other briefs, without scopes."""
    found: set[str] = set()
    for name in ROW_TABLES:
        table = frames.table(name)
        rows = table[~table["brief"].isin(leaving_out)]
        found.update(row_id.split(":", 1)[-1] for row_id in rows["id"])
    return found


def declared_seeds(frames: Frames, leaving_out: set[str]) -> dict[str, tuple[str, str]]:
    """Seed id -> (file, sha256) as the other briefs declare them."""
    kept = frames.briefs[~frames.briefs["id"].isin(leaving_out)]
    return {
        seed: (file, sha) for row in each_row(kept[["seeds", "seed_files", "seed_sha256"]]) for seed, file, sha in zip(*row, strict=True)
    }


def splice(previous: Frames, fresh: Frames, changed_files: set[str], version: str) -> Frames:
    """``previous`` without the rows, problems and warnings of the changed brief files, with ``fresh`` (built from
    those files alone) in their place, every table in the order a full build gives: briefs oldest first, then by id."""
    changed = set(previous.briefs.loc[previous.briefs["file"].isin(changed_files), "id"]) | set(fresh.briefs["id"])
    kept_briefs = previous.briefs[~previous.briefs["id"].isin(changed)]
    briefs = pd.concat([kept_briefs, fresh.briefs], ignore_index=True)
    order = briefs.sort_values(["published", "id"], kind="stable")
    rank = pd.Series(range(len(order)), index=order["id"].array)
    tables = {"briefs": _ordered(briefs, briefs["id"], rank)}
    for name in ROW_TABLES:
        old = previous.table(name)
        joined = pd.concat([old[~old["brief"].isin(changed)], fresh.table(name)], ignore_index=True)
        tables[name] = _ordered(joined, joined["brief"], rank)
    return dataclasses.replace(
        previous,
        **tables,
        seed_texts={**previous.seed_texts, **fresh.seed_texts},
        problems=tuple(p for p in previous.problems if p.file not in changed_files) + fresh.problems,
        warnings=tuple(w for w in previous.warnings if w.file not in changed_files) + fresh.warnings,
        version=version,
    )


def _ordered(table: pd.DataFrame, brief: pd.Series, rank: pd.Series) -> pd.DataFrame:
    # a stable sort by the brief's place keeps each brief's rows in the order the build wrote them
    positions = rank.reindex(brief.array).to_numpy().argsort(kind="stable")
    return table.iloc[positions].reset_index(drop=True)
