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


def used_elsewhere(frames: Frames, leaving_out: set[str], ids: set[str]) -> bool:
    """Whether any other brief uses one of these ids (vectorised: 1,000 briefs have about 170,000 ids)."""
    for name in ROW_TABLES:
        table = frames.table(name)
        others = table.loc[~table["brief"].isin(leaving_out), "id"].astype(str)
        if others.str.replace(r"^[^:]*:", "", regex=True).isin(ids).any():  # slugs have no colon; a scope is <brief>:
            return True
    return False


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
    briefs = _joined(previous.briefs[~previous.briefs["id"].isin(changed)], fresh.briefs)
    order = briefs.sort_values(["published", "id"], kind="stable")
    rank = pd.Series(range(len(order)), index=order["id"].array)
    tables = {"briefs": _ordered(briefs, briefs["id"], rank)}
    for name in ROW_TABLES:
        old = previous.table(name)
        joined = _joined(old[~old["brief"].isin(changed)], fresh.table(name))
        tables[name] = _ordered(joined, joined["brief"], rank)
    return dataclasses.replace(
        previous,
        **tables,
        seed_texts={**previous.seed_texts, **fresh.seed_texts},
        problems=tuple(p for p in previous.problems if p.file not in changed_files) + fresh.problems,
        warnings=tuple(w for w in previous.warnings if w.file not in changed_files) + fresh.warnings,
        version=version,
    )


def _joined(kept: pd.DataFrame, fresh: pd.DataFrame) -> pd.DataFrame:
    """The two tables as one, each column of the type a full build gives it. The few fresh rows are cast to the kept
    rows' types (casting 100,000 kept rows instead took seconds); where that would lose a missing value (text
    without gaps so far, a gap now), the kept column becomes object, as the build's ``_frame`` makes it."""
    if fresh.empty:
        return kept.reset_index(drop=True)
    if kept.empty:
        return fresh
    for column in fresh.columns:  # copy-on-write: the shared frames are never changed by these assignments
        want = kept[column].dtype
        if fresh[column].dtype == want:
            continue
        if pd.api.types.is_string_dtype(want) and not pd.api.types.is_object_dtype(want) and fresh[column].isna().any():
            kept[column] = kept[column].astype(object)
            fresh[column] = fresh[column].astype(object)
        else:
            fresh[column] = fresh[column].astype(want)
    return pd.concat([kept, fresh], ignore_index=True)


def _ordered(table: pd.DataFrame, brief: pd.Series, rank: pd.Series) -> pd.DataFrame:
    # a stable sort by the brief's place keeps each brief's rows in the order the build wrote them
    positions = rank.reindex(brief.array).to_numpy().argsort(kind="stable")
    return table.iloc[positions].reset_index(drop=True)
