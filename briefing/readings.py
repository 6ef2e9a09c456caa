"""What a party × issue cell says: one rule, used by the matrix, the negotiation space, briefing mode, the stance
history, the pack and the export.

The headline is the record with the strongest provenance: the party's own words (stated) before reporting of them
(reported) before the analyst's reading (assessment); then the latest date; then the higher confidence; then the
later brief; then the id, so the choice never depends on file order. The other records of the cell are counted.
Records that point another way than the headline (against it, for it, only on conditions, or unclear) disagree
with it: such a cell is *contested*, and says so, rather than letting the rule pick a winner silently. Records that
only differ in strength ("rejection" beside "firm rejection") are listed as differing, not as a contest.
"""

from __future__ import annotations

import pandas as pd

from briefing.vocabulary import CLAIM_ORDER, CONFIDENCE_LEVELS, STANCES

CONFIDENCE_ORDER = {level: -rank for rank, level in enumerate(CONFIDENCE_LEVELS)}  # sorts the surest first
DIRECTIONS = {key: stance.direction for key, stance in STANCES.items()}


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


RANK_COLUMNS = ["id", "party", "issue", "stance", "claim_type", "confidence", "date_end", "brief_published"]


def _rank_order(positions: pd.DataFrame) -> pd.DataFrame:
    """The columns the rule reads, sorted by it: sorting a narrow frame is cheaper than the wide one."""
    narrow = positions[RANK_COLUMNS].assign(
        _claim=positions["claim_type"].map(CLAIM_ORDER),
        _confidence=positions["confidence"].map(CONFIDENCE_ORDER),
    )
    return narrow.sort_values(
        ["_claim", "date_end", "_confidence", "brief_published", "id"],
        ascending=[True, False, True, False, True],
        na_position="last",
        kind="stable",
    )


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
    for index, record, party, issue, stance in zip(
        ranked.index, ranked["id"], ranked["party"], ranked["issue"], ranked["stance"], strict=True
    ):
        cell = cells.get((party, issue))
        if cell is None:
            cells[(party, issue)] = [index, stance, [record], [], [], [stance]]
            continue
        cell[2].append(record)
        if stance != cell[1]:
            cell[4].append(record)
            if DIRECTIONS[stance] != DIRECTIONS[cell[1]]:
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
