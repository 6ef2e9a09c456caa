"""Negotiation verdicts on small frames built in code: places from the cell rule, ranges only from the party's words,
confidence no higher than the weakest input, and what contests a verdict; stance history and version manifests."""

from __future__ import annotations

import pandas as pd

from briefing.history import later_reading, stance_changes
from briefing.negotiation import issue_verdict, negotiation_space
from tests.support.positions import position, positions


def judgments(*rows: tuple[str, str, tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame([{"id": jid, "outlook": outlook, "issues": issues} for jid, outlook, issues in rows])


class TestVerdict:
    def test_overlapping_ranges(self):
        verdict = issue_verdict(
            positions(
                position(0, "north", "support", low="conditional", high="firm-support"),
                position(1, "south", "conditional", low="rejection", high="support"),
            ),
            "truce",
        )
        assert (verdict.verdict, verdict.low, verdict.high) == ("overlap", 0, 1)
        assert "the stretch from “Only on conditions” to “For”" in verdict.explanation

    def test_touching_ranges(self):
        verdict = issue_verdict(
            positions(
                position(0, "north", "conditional", low="conditional", high="support"),
                position(1, "south", "rejection", low="firm-rejection", high="conditional"),
            ),
            "truce",
        )
        assert verdict.verdict == "touching" and verdict.low == verdict.high == 0

    def test_no_overlap_is_said_in_words_without_counted_steps(self):
        verdict = issue_verdict(
            positions(position(0, "north", "firm-rejection"), position(1, "south", "support", low="support", high="firm-support")), "truce"
        )
        assert verdict.verdict == "no-intersection"
        assert verdict.explanation == (
            "North: Firmly against (own words); South could accept anything from “For” to “Firmly for” (own words)."
        )
        assert not any(character.isdigit() for character in verdict.explanation)
        assert not hasattr(verdict, "gap")

    def test_an_ambiguous_headline_is_listed_not_placed(self):
        verdict = issue_verdict(positions(position(0, "north", "ambiguous"), position(1, "south", "support")), "truce")
        assert verdict.verdict == "insufficient"
        assert [r.source for r in verdict.ranges] == ["unclear", "stance only"]
        assert verdict.label == "No verdict: not enough parties placed"
        assert "North (its headline record is ambiguous)" in verdict.explanation

    def test_the_place_is_the_cells_headline_not_the_widest_range(self):
        # the stated rejection is the headline; the analyst's conditional reading with a range does not override it
        verdict = issue_verdict(
            positions(
                position(0, "north", "firm-rejection"),
                position(1, "north", "conditional", "assessment", low="rejection", high="conditional"),
                position(2, "south", "conditional"),
            ),
            "truce",
        )
        north = next(r for r in verdict.ranges if r.party == "north")
        assert (north.low, north.high, north.source, north.position_id) == (-2, -2, "stance only", "p0")
        # the contested place gives a reading each; the analyst's range is not the party's, so only its stance counts
        assert verdict.depends and [r.outcome for r in verdict.readings] == ["no-intersection", "touching"]

    def test_an_analysts_range_is_shown_beside_the_party_and_never_counted(self):
        rows = positions(
            position(0, "north", "conditional", "assessment", low="rejection", high="support"), position(1, "south", "firm-support")
        )
        verdict = issue_verdict(rows, "truce")
        north = next(r for r in verdict.ranges if r.party == "north")
        assert (north.low, north.high, north.source) == (0, 0, "stance only")
        assert north.analyst_range is not None and (north.analyst_range.low, north.analyst_range.high) == (-1, 1)
        assert verdict.verdict == "no-intersection"  # counted, the analyst's range would have met South's support

    def test_a_partys_own_range_is_counted(self):
        verdict = issue_verdict(
            positions(position(0, "north", "conditional", low="rejection", high="support"), position(1, "south", "support", "reported")),
            "truce",
        )
        north = next(r for r in verdict.ranges if r.party == "north")
        assert (north.low, north.high, north.source) == (-1, 1, "acceptable range")
        assert verdict.verdict == "touching"


class TestTrust:
    def test_confidence_is_the_weakest_input(self):
        verdict = issue_verdict(
            positions(position(0, "north", "firm-rejection", confidence="high"), position(1, "south", "support", confidence="low")), "truce"
        )
        assert verdict.confidence == "low"
        assert verdict.uncertain and "South's place rests on a low-confidence record (p1)" in verdict.cautions

    def test_reporting_caps_confidence_at_medium_and_is_named(self):
        verdict = issue_verdict(positions(position(0, "north", "firm-rejection"), position(1, "south", "support", "reported")), "truce")
        assert verdict.confidence == "medium"
        assert verdict.cautions == ("South's place rests on reporting, not its own words (p1)",)
        assert verdict.label == "No overlap: no point all could accept — South's place uncertain"

    def test_stated_high_inputs_give_a_plain_verdict(self):
        verdict = issue_verdict(positions(position(0, "north", "firm-rejection"), position(1, "south", "support")), "truce")
        assert (verdict.confidence, verdict.cautions, verdict.contested_by) == ("high", (), ())
        assert verdict.label == "No overlap: no point all could accept"
        assert verdict.rests_on == ("p0", "p1")

    def test_a_record_of_another_strength_that_would_change_the_verdict_contests_it(self):
        # p1 only differs in strength from the headline: not a reading of its own, but it would change the verdict
        verdict = issue_verdict(
            positions(
                position(0, "north", "rejection", date="2026-01-24"),
                position(1, "north", "firm-rejection", "assessment", "medium"),
                position(2, "south", "conditional", low="rejection", high="conditional"),
            ),
            "truce",
        )
        assert verdict.verdict == "touching" and not verdict.readings  # read as p1's, North would miss South's range
        assert verdict.contested_by == ("p1",)
        assert verdict.label == "Touching: a single point all could accept — contested"

    def test_a_record_that_would_not_change_the_verdict_does_not_contest_it(self):
        verdict = issue_verdict(
            positions(
                position(0, "north", "firm-rejection"),
                position(1, "north", "conditional", "reported"),
                position(2, "south", "firm-support"),
            ),
            "truce",
        )
        assert verdict.verdict == "no-intersection" and verdict.contested_by == ()
        north = next(r for r in verdict.ranges if r.party == "north")
        assert north.contested_by == ("p1",)  # the cell itself is still contested

    def test_a_key_judgment_whose_outlook_contradicts_contests_it(self):
        rows = positions(position(0, "north", "conditional"), position(1, "south", "conditional"))
        found = judgments(
            ("kj-no", "no-agreement", ("truce",)),
            ("kj-other-issue", "no-agreement", ("war",)),
            ("kj-yes", "agreement-possible", ("truce",)),
            ("kj-none", None, ("truce",)),
        )
        assert issue_verdict(rows, "truce", found).contested_by == ("kj-no",)
        apart = positions(position(0, "north", "firm-rejection"), position(1, "south", "support"))
        assert issue_verdict(apart, "truce", found).contested_by == ("kj-yes",)

    def test_negotiation_space_skips_issues_without_positions(self):
        rows = positions(position(0, "north", "support"), position(1, "south", "support"))
        assert [v.issue for v in negotiation_space(rows, ["truce", "war"])] == ["truce"]


def reported_by(row: dict, reporter: str) -> dict:
    return {**row, "reported_by": reporter}


class TestReadings:
    """A contested place gives an outcome per reading; the verdict never picks one of them silently."""

    def contested(self, south: str = "conditional") -> pd.DataFrame:
        return positions(
            position(0, "north", "firm-rejection", date="2026-01-29"),
            reported_by(position(1, "north", "conditional", "reported", "low", date="2026-01-24"), "Financial Times"),
            position(2, "south", south),
        )

    def test_two_readings_with_different_outcomes_make_the_verdict_depend(self):
        verdict = issue_verdict(self.contested(), "truce")
        assert verdict.verdict == "depends" and verdict.depends
        assert [(r.outcome, r.rests_on, r.claim_type, r.confidence) for r in verdict.readings] == [
            ("no-intersection", ("p0", "p2"), "stated", "high"),  # the headline's reading first
            ("touching", ("p1", "p2"), "reported", "low"),
        ]
        assert [r.label for r in verdict.readings] == [
            "North, 29 January 2026 (own words)",
            "Financial Times, 24 January 2026 (as reported)",
        ]
        assert verdict.label == "Depends on which report holds: no overlap or touching"
        assert verdict.explanation == (
            "No overlap if North, 29 January 2026 (own words, high confidence) holds: North firmly against; touching if "
            "Financial Times, 24 January 2026 (as reported, low confidence) holds: North only on conditions. "
            "South: Only on conditions (own words)."
        )
        assert (verdict.low, verdict.high, verdict.confidence) == (None, None, "low")
        assert verdict.rests_on == ("p0", "p2", "p1")

    def test_readings_with_one_outcome_leave_the_verdict_as_it_was_and_contested(self):
        verdict = issue_verdict(self.contested(south="firm-support"), "truce")
        assert (verdict.verdict, verdict.readings) == ("no-intersection", ())
        north = next(r for r in verdict.ranges if r.party == "north")
        assert north.contested_by == ("p1",)
        assert title_of(verdict) == "Truce: North firmly against (contested); South firmly for; no overlap"

    def test_only_a_judgment_that_contradicts_every_reading_contests_the_verdict(self):
        found = judgments(("kj-no", "no-agreement", ("truce",)), ("kj-yes", "agreement-possible", ("truce",)))
        assert issue_verdict(self.contested(), "truce", found).contested_by == ()  # each speaks to which reading holds
        both_meet = positions(
            position(0, "north", "conditional", date="2026-01-29"),
            position(1, "north", "support", low="conditional", high="firm-support", claim="reported", confidence="low"),
            position(2, "south", "conditional", low="conditional", high="support"),
        )
        verdict = issue_verdict(both_meet, "truce", found)
        assert [r.outcome for r in verdict.readings] == ["touching", "overlap"]
        assert verdict.contested_by == ("kj-no",)

    def test_many_contested_parties_give_a_handful_of_readings(self):
        stances = (("conditional", "stated"), ("firm-rejection", "reported"), ("firm-support", "assessment"))
        rows = [
            position(number * 3 + offset, party, stance, claim, date=f"2026-01-{20 + offset}")
            for number, party in enumerate(("north", "south", "east"))
            for offset, (stance, claim) in enumerate(stances)
        ]
        verdict = issue_verdict(positions(*rows), "truce")
        assert verdict.depends and 2 <= len(verdict.readings) <= 4
        assert verdict.readings[0].outcome == "touching"  # every headline conditional: the rule's own reading first
        assert len({r.outcome for r in verdict.readings}) == len(verdict.readings)


def title_of(verdict) -> str:
    from briefing.bottom_line import issue_title

    return issue_title(verdict, "Truce")


def test_the_energy_truce_of_the_test_corpus_depends_on_which_report_holds():
    from briefing.load import Layout
    from briefing.negotiation import view_verdicts
    from briefing.store import load_frames
    from tests.conftest import CORPUS

    verdicts = {v.issue: v for v in view_verdicts(load_frames(Layout(root=CORPUS)))}
    truce = verdicts["energy-truce"]
    assert truce.depends
    assert {r.outcome: r.rests_on[0] for r in truce.readings} == {
        "insufficient": "pos-russia-energy-truce-denial",
        "touching": "pos-russia-energy-truce-reported",
        "no-intersection": "pos-russia-energy-truce-assessment",
    }
    touching = "Touching if Financial Times, 23–24 January 2026 (as reported, low confidence) holds: Russia only on conditions"
    assert touching in [r.words for r in truce.readings]
    assert truce.label.startswith("Depends on which report holds: ")
    assert verdicts["ceasefire"].verdict == "no-intersection" and not verdicts["ceasefire"].readings


def briefs(*rows: tuple[str, str | None, bool]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"id": bid, "published": pd.Timestamp(f"2026-0{n + 1}-01"), "author": author, "illustrative": illustrative}
            for n, (bid, author, illustrative) in enumerate(rows)
        ]
    )


class TestHistory:
    def test_two_authors_are_two_readings_not_a_change_of_position(self):
        table = briefs(("jan", "An analyst", False), ("feb", "Briefing team", True))
        assert later_reading("jan", "feb", table) == (False, "a later reading by another author; illustrative, written in-house")

    def test_the_same_author(self):
        table = briefs(("jan", "An analyst", False), ("feb", "An analyst", False))
        assert later_reading("jan", "feb", table) == (True, "the same author's later reading")

    def test_unknown_authors_are_not_assumed_the_same(self):
        table = briefs(("jan", None, False), ("feb", None, False))
        assert later_reading("jan", "feb", table)[1] == "a later reading in another brief (the authors are not known to be the same)"

    def test_changes_compare_like_with_like_and_name_the_reading(self):
        table = briefs(("jan", "An analyst", False), ("feb", "Briefing team", True))
        rows = positions(
            position(0, "north", "rejection", "assessment", brief="jan"),
            position(1, "north", "conditional", "assessment", brief="feb"),
            position(2, "north", "firm-rejection", "stated", brief="jan"),
        )
        changes = stance_changes(rows, table)
        assert len(changes) == 1
        change = changes.iloc[0]
        assert (change.from_stance, change.to_stance, change.claim_type) == ("rejection", "conditional", "assessment")
        assert change.reading.startswith("a later reading by another author")


def test_the_uncertain_qualifier_names_whose_place_it_is():
    from briefing.negotiation import IssueVerdict

    bare = IssueVerdict("x", "no-intersection", 1, -1, (), cautions=("a caution",))
    assert bare.weak_words == "uncertain"
    one = IssueVerdict("x", "no-intersection", 1, -1, (), cautions=("a caution",), weak_places=("Ukraine",))
    assert one.label == "No overlap: no point all could accept — Ukraine's place uncertain"
    two = IssueVerdict("x", "no-intersection", 1, -1, (), cautions=("a", "b"), weak_places=("Russia", "United States"))
    assert two.weak_words == "Russia's and United States' places uncertain"
