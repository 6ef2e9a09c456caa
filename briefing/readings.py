"""What a party × issue cell says: one rule, used by the matrix, the negotiation space, briefing mode, the stance
history, the pack and the export.

The headline is chosen in this order:

1. **Relevance**: a record whose quotes speak to the issue (``relevant``: the ``off-issue`` check finds a word of
   the issue in them, or an editor has answered it) before one whose quotes name nothing of it.
2. **Provenance**: the party's own words (stated) before reporting of them (reported) before the analyst's reading
   (assessment).
3. **The latest date, by the bounds known.** An undated record is not older than every dated one: it is "not after"
   its brief's publication (an undated record of a brief of 30 January is not after 30 January). It is known older
   than a dated record only when that bound falls before the dated record's start; otherwise the order in time
   cannot be known, and the rule goes on to the next step as if the dates were equal. Two dated records are ordered
   by their ends.
4. The higher confidence; then the later brief; then the id, so the choice never depends on file order.

The other records of the cell are counted. Records that point another way than the headline (against it, for it,
only on conditions, or unclear) disagree with it: such a cell is *contested*, and says so, rather than letting the
rule pick a winner silently. Records that only differ in strength ("rejection" beside "firm rejection") are listed
as differing, not as a contest, unless the rule could not know which of the two is later (an undated record beside
the headline, in the same relevance and provenance, whose bound reaches the other's date): then which stance is
current cannot be known, and that record disagrees too.
"""

from __future__ import annotations

import pandas as pd

from briefing.vocabulary import CLAIM_ORDER, CLAIM_TYPES, CONFIDENCE_LEVELS, STANCES

NO_POSITION = "no stated position"
CONTESTED = "contested"
CONFIDENCE_ORDER = {level: -rank for rank, level in enumerate(CONFIDENCE_LEVELS)}  # sorts the surest first


READING_COLUMNS = [
    "party",
    "party_name",
    "issue",
    "issue_label",
    "headline",
    "brief",
    "stance",
    "stance_label",
    "stance_symbol",
    "stance_rank",
    "claim_type",
    "claim_label",
    "confidence",
    "date",
    "date_end",
    "summary",
    "evidence",
    "records",
    "record_ids",
    "contested",
    "disagreeing",
    "differing",
    "stances",
]


RANK_COLUMNS = ["id", "party", "issue", "stance", "claim_type", "confidence", "date_start", "date_end", "brief_published"]


def _when(narrow: pd.DataFrame) -> pd.Series:
    """The date the rule sorts by. A dated record sorts by its end; an undated one, whose bound is its brief's
    publication, ties with the latest dated record of its relevance and provenance when it cannot be known to be
    older than it, and sorts at its bound when it can (NaT where no record of that rank is dated)."""
    dated = narrow["date_end"].notna()
    if dated.all():
        return narrow["date_end"]
    groups = [narrow["party"], narrow["issue"], narrow["_irrelevant"], narrow["_claim"]]
    latest_end = narrow["date_end"].where(dated).groupby(groups).transform("max")
    latest_start = narrow["date_start"].where(dated & (narrow["date_end"] == latest_end)).groupby(groups).transform("max")
    bound = narrow["brief_published"]
    undated = latest_end.where(bound >= latest_start, bound.where(latest_end.notna()))
    return narrow["date_end"].where(dated, undated)


def _rank_order(positions: pd.DataFrame) -> pd.DataFrame:
    """The columns the rule reads, sorted by it: sorting a narrow frame is cheaper than the wide one."""
    narrow = positions[RANK_COLUMNS].assign(
        _irrelevant=~positions["relevant"].astype(bool),
        _claim=positions["claim_type"].map(CLAIM_ORDER),
        _confidence=positions["confidence"].map(CONFIDENCE_ORDER),
    )
    narrow["_when"] = _when(narrow)
    return narrow.sort_values(
        ["_irrelevant", "_claim", "_when", "_confidence", "brief_published", "id"],
        ascending=[True, True, False, True, False, True],
        na_position="last",
        kind="stable",
    )


def _order_unknown(first: tuple, other: tuple) -> bool:
    """Whether the rule could not know which of two records of one relevance and provenance is the later:
    each is (date_start, date_end, brief_published), and only an undated record leaves the order open."""
    (first_start, first_end, first_bound), (other_start, other_end, other_bound) = first, other
    if pd.isna(first_end) and pd.isna(other_end):
        return True
    if pd.isna(first_end):
        return bool(first_bound >= other_start)
    if pd.isna(other_end):
        return bool(other_bound >= first_start)
    return False


def rank_records(positions: pd.DataFrame) -> pd.DataFrame:
    """The positions in the order of the rule, strongest first."""
    return positions.loc[_rank_order(positions).index]


def cell_readings(positions: pd.DataFrame) -> pd.DataFrame:
    """One row per party × issue that has positions: the headline record, how many records, and who disagrees."""
    if positions.empty:
        return pd.DataFrame(columns=READING_COLUMNS)
    ranked = _rank_order(positions)
    # one pass in rule order: the first record of a cell is its headline; a plain loop over the columns costs less
    # than a pandas operation per cell
    cells: dict[tuple[str, str], list] = {}
    ranks = list(zip(ranked["_irrelevant"], ranked["_claim"], strict=True))
    starts, ends, bounds = ranked["date_start"].tolist(), ranked["date_end"].tolist(), ranked["brief_published"].tolist()
    for row, (index, record, party, issue, stance) in enumerate(
        zip(ranked.index, ranked["id"], ranked["party"], ranked["issue"], ranked["stance"], strict=True)
    ):
        cell = cells.get((party, issue))
        if cell is None:
            cells[(party, issue)] = [index, stance, [record], [], [], [stance], row]
            continue
        cell[2].append(record)
        if stance != cell[1]:
            cell[4].append(record)
            first = cell[6]
            if STANCES[stance].direction != STANCES[cell[1]].direction or (
                ranks[row] == ranks[first]
                and _order_unknown((starts[first], ends[first], bounds[first]), (starts[row], ends[row], bounds[row]))
            ):
                cell[3].append(record)
            if stance not in cell[5]:
                cell[5].append(stance)
    readings = positions.loc[[cell[0] for cell in cells.values()]].rename(columns={"id": "headline"})
    readings = readings.reset_index(drop=True)
    readings["records"] = [len(cell[2]) for cell in cells.values()]
    readings["record_ids"] = [tuple(cell[2]) for cell in cells.values()]
    readings["disagreeing"] = [tuple(cell[3]) for cell in cells.values()]
    readings["differing"] = [tuple(cell[4]) for cell in cells.values()]
    readings["stances"] = [tuple(cell[5]) for cell in cells.values()]
    readings["contested"] = [bool(cell[3]) for cell in cells.values()]
    return readings[READING_COLUMNS]


def cell_reading(positions: pd.DataFrame, party: str, issue: str) -> pd.Series | None:
    """The reading of one cell, or None where the party has no position on the issue."""
    cell = positions[(positions["party"] == party) & (positions["issue"] == issue)]
    readings = cell_readings(cell)
    return None if readings.empty else readings.iloc[0]


def weakest(confidences) -> str:
    """The lowest of some confidence levels ('high' when there are none)."""
    levels = [CONFIDENCE_LEVELS.index(c) for c in confidences]
    return CONFIDENCE_LEVELS[min(levels)] if levels else "high"


def readings_by_cell(readings: pd.DataFrame) -> dict[tuple[str, str], pd.Series]:
    """Readings keyed by (party, issue), for views that look cells up one at a time."""
    return {(row["party"], row["issue"]): row for _index, row in readings.iterrows()}


def cell_words(
    stance: str | None, claim_type: str | None, records: int, contested: bool, *, spoken: bool = False, one_line: bool = False
) -> str:
    """What a matrix cell says: one line each for the stance, the claim type's letter with the number of records,
    and "contested". ``spoken`` gives the same in full words, for screen readers and the pointer's tooltip;
    ``one_line`` the lines joined by commas, for a printed table cell."""
    if stance is None or records < 1:
        return NO_POSITION
    words = STANCES[stance]
    count = f"{records}\N{NO-BREAK SPACE}records" if records > 1 else ""
    claim = CLAIM_TYPES[claim_type] if claim_type else None
    if spoken:
        said = claim.label.lower() if claim else ""
        return ", ".join(
            part for part in (words.word, said, count.replace("\N{NO-BREAK SPACE}", " "), CONTESTED if contested else "") if part
        )
    detail = " · ".join(part for part in (claim.letter if claim else "", count) if part)
    return (", " if one_line else "\n").join(line for line in (words.label, detail, CONTESTED if contested else "") if line)


def cell_key() -> str:
    """What a cell's markers mean, for a printed matrix's key: "S stated by the party, …; n records: …; contested: …"."""
    claims = ", ".join(f"{claim.letter} {claim.label.lower()}" for claim in CLAIM_TYPES.values())
    return f"{claims}; n records: the cell holds n records; {CONTESTED}: some of its records point another way"
