"""Stance history: how the reading of a party's stance on an issue moves from one brief to the next.

Each brief's reading of a cell is chosen by the same rule as the matrix (briefing.readings), applied to that brief's
records of one claim type, so like is compared with like. Two briefs are not one party's change over time: unless
the same author wrote both, a change is "a later reading by another author", and a brief written in-house to
illustrate is named as such.
"""

from __future__ import annotations

import pandas as pd

from briefing.readings import rank_records

CHANGE_COLUMNS = [
    "party",
    "party_name",
    "issue",
    "issue_label",
    "claim_type",
    "from_brief",
    "from_published",
    "from_stance",
    "from_stance_label",
    "from_position",
    "from_evidence",
    "to_brief",
    "to_published",
    "to_stance",
    "to_stance_label",
    "to_position",
    "to_evidence",
    "same_author",
    "reading",
]


def stance_by_brief(positions: pd.DataFrame, briefs: pd.DataFrame) -> pd.DataFrame:
    """One row per party × issue × claim type × brief, in publication order: that brief's headline by the cell rule."""
    published = briefs.set_index("id")["published"]
    ranked = rank_records(positions).assign(published=lambda frame: frame["brief"].map(published))
    headlines = ranked.drop_duplicates(["party", "issue", "claim_type", "brief"])
    return headlines.sort_values(["published", "brief"], kind="stable")


def later_reading(before_brief: str, after_brief: str, briefs: pd.DataFrame) -> tuple[bool, str]:
    """Whether one author wrote both briefs, and how to name the later brief's reading."""
    return BriefAuthors(briefs).later_reading(before_brief, after_brief)


class BriefAuthors:
    """Who wrote each brief and which briefs are illustrative, looked up once for a whole history."""

    def __init__(self, briefs: pd.DataFrame) -> None:
        self.authors = dict(zip(briefs["id"], briefs["author"], strict=True))
        self.illustrative = set(briefs.loc[briefs["illustrative"].astype(bool), "id"])

    def later_reading(self, before_brief: str, after_brief: str) -> tuple[bool, str]:
        before_author, after_author = self.authors.get(before_brief), self.authors.get(after_brief)
        same = bool(before_author) and before_author == after_author
        words = (
            "the same author's later reading"
            if same
            else (
                "a later reading by another author"
                if before_author and after_author
                else "a later reading in another brief (the authors are not known to be the same)"
            )
        )
        if {before_brief, after_brief} & self.illustrative:
            words += "; illustrative, written in-house"
        return same, words


def stance_changes(positions: pd.DataFrame, briefs: pd.DataFrame) -> pd.DataFrame:
    """Each change of reading between consecutive briefs, comparing like with like (stated with stated, and so on)."""
    sequence = stance_by_brief(positions, briefs)
    authors = BriefAuthors(briefs)
    changes = []
    for _key, rows in sequence.groupby(["party", "issue", "claim_type"], sort=False):
        records = rows.to_dict("records")
        for before, after in zip(records, records[1:], strict=False):
            if before["stance"] != after["stance"]:
                same, reading = authors.later_reading(before["brief"], after["brief"])
                changes.append(
                    {
                        "party": after["party"],
                        "party_name": after["party_name"],
                        "issue": after["issue"],
                        "issue_label": after["issue_label"],
                        "claim_type": after["claim_type"],
                        "from_brief": before["brief"],
                        "from_published": before["published"],
                        "from_stance": before["stance"],
                        "from_stance_label": before["stance_label"],
                        "from_position": before["id"],
                        "from_evidence": before["evidence"],
                        "to_brief": after["brief"],
                        "to_published": after["published"],
                        "to_stance": after["stance"],
                        "to_stance_label": after["stance_label"],
                        "to_position": after["id"],
                        "to_evidence": after["evidence"],
                        "same_author": same,
                        "reading": reading,
                    }
                )
    return pd.DataFrame(changes, columns=CHANGE_COLUMNS)
