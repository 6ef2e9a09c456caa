"""Negotiation verdicts, stance history and version manifests, on small frames built in code and on the shipped data."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.history import stance_changes
from briefing.negotiation import issue_verdict, negotiation_space
from briefing.store import load_frames
from briefing.versions import describe_changes, manifest


def positions(*rows) -> pd.DataFrame:
    """Minimal position rows: (party, stance, range_low, range_high, claim_type)."""
    records = []
    for number, (party, stance, low, high, claim) in enumerate(rows):
        records.append({
            "id": f"p{number}", "brief": "b", "party": party, "party_name": party.title(), "issue": "truce",
            "stance": stance, "claim_type": claim, "date_end": pd.NaT, "evidence": (f"e{number}",),
            "red_line": None, "red_line_evidence": (), "range_low": low, "range_high": high, "range_evidence": (f"r{number}",),
        })
    return pd.DataFrame(records)


class TestVerdict:
    def test_overlapping_ranges(self):
        verdict = issue_verdict(positions(("north", "support", "conditional", "firm-support", "stated"),
                                          ("south", "conditional", "rejection", "support", "stated")), "truce")
        assert (verdict.verdict, verdict.low, verdict.high) == ("overlap", 0, 1)
        assert "from “Conditional” to “Support”" in verdict.explanation

    def test_touching_ranges(self):
        verdict = issue_verdict(positions(("north", "conditional", "conditional", "support", "stated"),
                                          ("south", "rejection", "firm-rejection", "conditional", "stated")), "truce")
        assert verdict.verdict == "touching" and verdict.low == verdict.high == 0

    def test_gap_is_counted_and_explained(self):
        verdict = issue_verdict(positions(("north", "firm-rejection", None, None, "stated"),
                                          ("south", "support", "support", "firm-support", "stated")), "truce")
        assert verdict.verdict == "no-intersection" and verdict.gap == 3
        assert "North's stance is “Firm rejection” (no range stated)" in verdict.explanation
        assert "South accepts nothing below “Support”" in verdict.explanation

    def test_ambiguous_parties_are_listed_not_counted(self):
        verdict = issue_verdict(positions(("north", "ambiguous", None, None, "stated"),
                                          ("south", "support", None, None, "stated")), "truce")
        assert verdict.verdict == "insufficient"
        assert [r.source for r in verdict.ranges] == ["ambiguous", "stance only"]

    def test_a_stated_range_beats_a_bare_stance(self):
        verdict = issue_verdict(positions(("north", "firm-rejection", None, None, "stated"),
                                          ("north", "conditional", "rejection", "conditional", "assessment"),
                                          ("south", "conditional", None, None, "stated")), "truce")
        north = next(r for r in verdict.ranges if r.party == "north")
        assert (north.low, north.high, north.source) == (-1, 0, "acceptable range")
        assert verdict.verdict == "touching"


@pytest.fixture(scope="module")
def shipped():
    return load_frames()


class TestShippedData:
    def test_security_guarantees_have_no_intersection(self, shipped):
        verdicts = {v.issue: v for v in negotiation_space(shipped.positions, list(shipped.issues["id"]))}
        assert verdicts["security-guarantees"].verdict == "no-intersection"
        assert verdicts["ceasefire"].verdict == "no-intersection"
        assert verdicts["energy-truce"].verdict == "touching"

    def test_the_follow_up_changes_russias_energy_truce_reading(self, shipped):
        changes = stance_changes(shipped.positions, shipped.briefs)
        row = changes[(changes["party"] == "russia") & (changes["issue"] == "energy-truce")].iloc[0]
        assert (row.from_stance, row.to_stance, row.claim_type) == ("rejection", "conditional", "assessment")
        assert row.from_evidence and row.to_evidence
        assert len(changes) == 1  # the unchanged ceasefire reading is not a change


class TestVersions:
    def test_manifest_diff_names_changed_added_and_removed(self, shipped):
        before = manifest(shipped)
        after = {"version": "x", "briefs": {k: {"title": v["title"], "records": dict(v["records"])}
                                            for k, v in before["briefs"].items()}}
        records = after["briefs"]["lavrov-red-line-2026-01"]["records"]
        first = next(iter(records))
        records[first] = "changed"
        records["new-record"] = "new"
        del after["briefs"]["energy-truce-follow-up-2026-02"]
        lines = describe_changes(before, after)
        assert "Brief removed: Revisiting the Energy Truce: A Follow-up Note." in lines
        assert any("records 1 changed, 1 added" in line for line in lines)

    def test_unknown_old_version(self, shipped):
        assert "no record" in describe_changes(None, manifest(shipped))[0]
