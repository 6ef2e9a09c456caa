"""Stance history: how a party's stance on an issue moves from one brief to the next."""

from __future__ import annotations

import pandas as pd

CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}
COLUMNS = [
    "party", "party_name", "issue", "issue_label", "claim_type",
    "from_brief", "from_published", "from_stance", "from_stance_label", "from_position", "from_evidence",
    "to_brief", "to_published", "to_stance", "to_stance_label", "to_position", "to_evidence",
]


def stance_by_brief(positions: pd.DataFrame, briefs: pd.DataFrame) -> pd.DataFrame:
    """One row per party × issue × claim type × brief, in publication order: the latest, surest position in that brief."""
    published = briefs.set_index("id")["published"]
    ranked = positions.assign(
        published=positions["brief"].map(published),
        _confidence=positions["confidence"].map(CONFIDENCE_ORDER),
    ).sort_values(["published", "date_end", "_confidence"], ascending=[True, False, True], na_position="last", kind="stable")
    return ranked.drop_duplicates(["party", "issue", "claim_type", "brief"]).drop(columns="_confidence")


def stance_changes(positions: pd.DataFrame, briefs: pd.DataFrame) -> pd.DataFrame:
    """Each change of stance between consecutive briefs, comparing like with like (stated with stated, and so on)."""
    sequence = stance_by_brief(positions, briefs)
    changes = []
    for _key, rows in sequence.groupby(["party", "issue", "claim_type"], sort=False):
        records = rows.to_dict("records")
        for before, after in zip(records, records[1:], strict=False):
            if before["stance"] != after["stance"]:
                changes.append({
                    "party": after["party"], "party_name": after["party_name"], "issue": after["issue"],
                    "issue_label": after["issue_label"], "claim_type": after["claim_type"],
                    "from_brief": before["brief"], "from_published": before["published"], "from_stance": before["stance"],
                    "from_stance_label": before["stance_label"], "from_position": before["id"], "from_evidence": before["evidence"],
                    "to_brief": after["brief"], "to_published": after["published"], "to_stance": after["stance"],
                    "to_stance_label": after["stance_label"], "to_position": after["id"], "to_evidence": after["evidence"],
                })
    return pd.DataFrame(changes, columns=COLUMNS)
