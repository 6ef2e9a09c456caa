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

CLAIM_ORDER = {"stated": 0, "reported": 1, "assessment": 2}
CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}
CONFIDENCE_LEVELS = ("low", "medium", "high")  # weakest first
DIRECTIONS = {
    "firm-rejection": "against", "rejection": "against", "conditional": "conditional",
    "support": "for", "firm-support": "for", "ambiguous": "unclear",
}

READING_COLUMNS = [
    "party", "party_name", "issue", "issue_label", "headline", "brief", "stance", "stance_label", "stance_symbol",
    "stance_rank", "claim_type", "claim_label", "confidence", "date", "date_end", "summary", "evidence", "records",
    "record_ids", "contested", "disagreeing", "differing", "stances",
]


def rank_records(positions: pd.DataFrame) -> pd.DataFrame:
    """The positions in the order of the rule, strongest first."""
    ranked = positions.assign(
        _claim=positions["claim_type"].map(CLAIM_ORDER),
        _confidence=positions["confidence"].map(CONFIDENCE_ORDER),
    )
    ranked = ranked.sort_values(
        ["_claim", "date_end", "_confidence", "brief_published", "id"],
        ascending=[True, False, True, False, True], na_position="last", kind="stable",
    )
    return ranked.drop(columns=["_claim", "_confidence"])


def cell_readings(positions: pd.DataFrame) -> pd.DataFrame:
    """One row per party × issue that has positions: the headline record, how many records, and who disagrees."""
    if positions.empty:
        return pd.DataFrame(columns=READING_COLUMNS)
    ranked = rank_records(positions)
    rows = []
    for (_party, _issue), cell in ranked.groupby(["party", "issue"], sort=False):
        head = cell.iloc[0]
        directions = cell["stance"].map(DIRECTIONS)
        disagreeing = tuple(cell.loc[directions != DIRECTIONS[head["stance"]], "id"])
        differing = tuple(cell.loc[cell["stance"] != head["stance"], "id"])
        rows.append({
            "party": head["party"], "party_name": head["party_name"], "issue": head["issue"],
            "issue_label": head["issue_label"], "headline": head["id"], "brief": head["brief"],
            "stance": head["stance"], "stance_label": head["stance_label"], "stance_symbol": head["stance_symbol"],
            "stance_rank": head["stance_rank"], "claim_type": head["claim_type"], "claim_label": head["claim_label"],
            "confidence": head["confidence"], "date": head["date"], "date_end": head["date_end"],
            "summary": head["summary"], "evidence": head["evidence"], "records": len(cell),
            "record_ids": tuple(cell["id"]), "contested": bool(disagreeing), "disagreeing": disagreeing,
            "differing": differing,
            "stances": tuple(dict.fromkeys(cell["stance"])),
        })
    return pd.DataFrame(rows, columns=READING_COLUMNS)


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
