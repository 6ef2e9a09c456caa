"""An edit's frames: the earlier frames with the changed briefs' rows replaced, instead of every brief built again.

Building the frames of 1,000 briefs takes seconds; an analyst who saves one brief should see it within one. The rows
of a brief depend on the rest of the corpus in one way only: an id several briefs use is written ``<brief>:<id>``
(build.py, ``_ScopedIds``). So a splice is only offered when the changed briefs share no id with any other brief,
before or after the edit, and their rows are then exactly what a full build would write; anything else (a shared id,
a brief id taken twice, a seed declared twice) is left to the full build, which names it.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]

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
    """Whether any other brief uses one of these ids (in Arrow's compute functions: 1,000 briefs have about 170,000
    ids, and pandas' masks, regex and ``isin`` on them took about 0.4 s of an edit's first run)."""
    leaving, wanted = pa.array(sorted(leaving_out), type=pa.string()), pa.array(sorted(ids), type=pa.string())
    for name in ROW_TABLES:
        table = frames.table(name)
        other = pc.invert(pc.is_in(_text(table["brief"]), value_set=leaving))
        bare = pc.replace_substring_regex(_text(table["id"]), pattern="^[^:]*:", replacement="")  # a scope is <brief>:
        if pc.any(pc.and_kleene(other, pc.is_in(bare, value_set=wanted))).as_py():
            return True
    return False


def _text(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A text column as Arrow strings, without a copy where it is one already."""
    return pa.array(column.array, type=pa.large_string() if isinstance(column.dtype, pd.StringDtype) else pa.string())


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
    kept = previous.briefs[~previous.briefs["id"].isin(changed)]
    order = pd.concat([kept[["published", "id"]], fresh.briefs[["published", "id"]]]).sort_values(["published", "id"], kind="stable")
    rank = pd.Series(range(len(order)), index=order["id"].array)
    tables = {"briefs": _merged(previous.briefs, fresh.briefs, changed, rank, "id")}
    for name in ROW_TABLES:
        tables[name] = _merged(previous.table(name), fresh.table(name), changed, rank, "brief")
    spliced = dataclasses.replace(
        previous,
        **tables,
        seed_texts={**previous.seed_texts, **fresh.seed_texts},
        problems=tuple(p for p in previous.problems if p.file not in changed_files) + fresh.problems,
        warnings=tuple(w for w in previous.warnings if w.file not in changed_files) + fresh.warnings,
        version=version,
    )
    if "record_labels" in vars(previous):
        # every record's name depends on its own row alone: the kept ones carry over (naming 1,000 briefs' records
        # again took seconds in the first run after an edit)
        before = set(previous.briefs.loc[previous.briefs["file"].isin(changed_files), "id"])
        gone = before.union(*brief_ids(previous, before).values())
        labels = {record: label for record, label in previous.record_labels.items() if record not in gone}
        labels.update(fresh.record_labels)
        vars(spliced)["record_labels"] = labels  # a cached property's own slot, as its first use would fill it
    if "warnings_by_file" in vars(previous):  # the same for the warnings by file (0.2 s at 1,000 briefs)
        by_file = {file: lines for file, lines in previous.warnings_by_file.items() if file not in changed_files}
        vars(spliced)["warnings_by_file"] = by_file | fresh.warnings_by_file
    return spliced


def _merged(old: pd.DataFrame, fresh: pd.DataFrame, changed: set[str], rank: pd.Series, brief: str) -> pd.DataFrame:
    """The old table in slices around the changed briefs' rows, with each fresh brief's rows put in at its place.

    Both are in build order, so the kept rows stay in order and each fresh brief goes before the first kept row of a
    later brief: slices and one concatenation, where reordering every row (a take of 100,000 rows) took most of a
    second.
    """
    old, fresh = _typed_alike(old, fresh)
    removed = old[brief].isin(changed).to_numpy()
    kept_at = np.flatnonzero(~removed)
    codes, uniques = pd.factorize(old[brief].array[kept_at])  # a rank per brief, not a lookup per row (0.3 s)
    kept_rank = rank.reindex(uniques).to_numpy()[codes]
    inserts = []  # (old row the brief goes before, its first fresh row, the row after its last)
    fresh_briefs = list(fresh[brief])
    first = 0
    for row in range(1, len(fresh_briefs) + 1):
        if row == len(fresh_briefs) or fresh_briefs[row] != fresh_briefs[first]:
            place = int(np.searchsorted(kept_rank, rank[fresh_briefs[first]]))
            inserts.append((int(kept_at[place]) if place < len(kept_at) else len(old), first, row))
            first = row
    edges = np.flatnonzero(np.diff(removed.astype(np.int8))) + 1
    cuts = sorted({0, len(old), *(int(edge) for edge in edges), *(at for at, _lo, _hi in inserts)})
    pieces = []
    waiting = iter(inserts)
    pending = next(waiting, None)
    for start, end in zip(cuts, [*cuts[1:], None], strict=True):
        while pending is not None and pending[0] == start:
            pieces.append(fresh.iloc[pending[1] : pending[2]])
            pending = next(waiting, None)
        if end is not None and start < end and not removed[start]:
            pieces.append(old.iloc[start:end])
    return pd.concat(pieces, ignore_index=True) if pieces else old.iloc[0:0].reset_index(drop=True)


def _typed_alike(old: pd.DataFrame, fresh: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables with each column of the type a full build gives it. The few fresh rows are cast to the old rows'
    types (casting 100,000 old rows instead took seconds); where that would lose a missing value (text without gaps
    so far, a gap now), the old column becomes object, as the build's ``_frame`` makes it."""
    if fresh.empty or old.empty:
        return old, fresh
    for column in fresh.columns:  # copy-on-write: the shared frames are never changed by these assignments
        want = old[column].dtype
        if fresh[column].dtype == want:
            continue
        if pd.api.types.is_string_dtype(want) and not pd.api.types.is_object_dtype(want) and fresh[column].isna().any():
            old = old.assign(**{column: old[column].astype(object)})
            fresh = fresh.assign(**{column: fresh[column].astype(object)})
        else:
            fresh = fresh.assign(**{column: fresh[column].astype(want)})
    return old, fresh
