"""Negotiation space: each party's range on the stance scale per issue, and whether the ranges meet."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.schema import STANCES

RANK = {stance: rank for stance, (rank, _label, _symbol) in STANCES.items() if rank is not None}
STANCE_AT = {rank: stance for stance, rank in RANK.items()}
CLAIM_PRIORITY = {"stated": 0, "reported": 1, "assessment": 2}
VERDICTS = {
    "overlap": "Overlap: a zone of possible agreement",
    "touching": "Touching: a single point all could accept",
    "no-intersection": "No intersection",
    "insufficient": "Not enough data for a verdict",
}


@dataclass(frozen=True)
class PartyRange:
    party: str
    party_name: str
    low: int | None
    high: int | None
    source: str  # 'acceptable range', 'stance only' or 'ambiguous'
    position_id: str
    red_line: str | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class IssueVerdict:
    issue: str
    verdict: str
    low: int | None  # the highest lower bound
    high: int | None  # the lowest upper bound
    ranges: tuple[PartyRange, ...]

    @property
    def gap(self) -> int:
        return max(0, (self.low or 0) - (self.high or 0))

    @property
    def explanation(self) -> str:
        counted = [r for r in self.ranges if r.low is not None]
        if self.verdict == "insufficient":
            return f"{len(counted)} part{'y has' if len(counted) == 1 else 'ies have'} a placeable position; a verdict needs two."
        bound_low = next(r for r in counted if r.low == self.low)
        bound_high = next(r for r in counted if r.high == self.high)
        low_label, high_label = STANCES[STANCE_AT[self.low]][1], STANCES[STANCE_AT[self.high]][1]
        if self.verdict == "no-intersection":
            return (f"{_bound(bound_low, 'below', low_label)}, while {_bound(bound_high, 'above', high_label)}: "
                    f"a gap of {self.gap} step{'s' if self.gap > 1 else ''} on the stance scale.")
        if self.verdict == "touching":
            return f"Every counted party's range includes “{low_label}”, and nothing else is shared."
        return f"Every counted party's range includes the stretch from “{low_label}” to “{high_label}”."


def _bound(party_range: PartyRange, side: str, label: str) -> str:
    if party_range.source == "acceptable range":
        return f"{party_range.party_name} accepts nothing {side} “{label}”"
    return f"{party_range.party_name}'s stance is “{label}” (no range stated)"


def _headline(rows: pd.DataFrame) -> pd.Series:
    # a stated range first, then anything placeable on the scale, then stated before reported before assessed
    ranked = rows.assign(
        _no_range=rows["range_low"].isna(), _ambiguous=rows["stance"] == "ambiguous",
        _claim=rows["claim_type"].map(CLAIM_PRIORITY),
    ).sort_values(["_no_range", "_ambiguous", "_claim", "date_end"], ascending=[True, True, True, False],
                  na_position="last", kind="stable")
    return ranked.iloc[0]


def party_ranges(positions: pd.DataFrame, issue: str) -> tuple[PartyRange, ...]:
    """One range per party on an issue: its stated acceptable range, else its headline stance as a point."""
    ranges = []
    on_issue = positions[positions["issue"] == issue]
    for party, rows in on_issue.groupby("party", sort=False):
        row = _headline(rows)
        red_lines = rows[rows["red_line"].notna()]
        red_line = red_lines.iloc[0]["red_line"] if not red_lines.empty else None
        red_line_evidence = tuple(red_lines.iloc[0]["red_line_evidence"]) if not red_lines.empty else ()
        if row["range_low"] is not None and not pd.isna(row["range_low"]):
            low, high, source = RANK[row["range_low"]], RANK[row["range_high"]], "acceptable range"
            evidence = tuple(row["range_evidence"])
        elif row["stance"] in RANK:
            low = high = RANK[row["stance"]]
            source, evidence = "stance only", tuple(row["evidence"])
        else:
            low = high = None
            source, evidence = "ambiguous", tuple(row["evidence"])
        ranges.append(PartyRange(party, row["party_name"], low, high, source, row["id"], red_line, evidence + red_line_evidence))
    return tuple(ranges)


def issue_verdict(positions: pd.DataFrame, issue: str) -> IssueVerdict:
    """Overlap, touching or no intersection, from the parties' ranges."""
    ranges = party_ranges(positions, issue)
    counted = [r for r in ranges if r.low is not None]
    if len(counted) < 2:
        return IssueVerdict(issue, "insufficient", None, None, ranges)
    low = max(r.low for r in counted)
    high = min(r.high for r in counted)
    verdict = "overlap" if low < high else "touching" if low == high else "no-intersection"
    return IssueVerdict(issue, verdict, low, high, ranges)


def negotiation_space(positions: pd.DataFrame, issues: list[str]) -> list[IssueVerdict]:
    return [issue_verdict(positions, issue) for issue in issues if (positions["issue"] == issue).any()]
