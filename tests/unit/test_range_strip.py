"""The negotiation space's strip: the gap band lies between the parties' places, never over a placed party."""

from __future__ import annotations

import pytest

from briefing.figures.negotiation import BAR_MARGIN, gap_stretches, range_strip
from briefing.labels import distinct_labels
from briefing.negotiation import IssueVerdict, Placement


def placed(party: str, low: int | None, high: int | None = None) -> Placement:
    high = low if high is None else high
    return Placement(
        party=party,
        party_name=party.title(),
        low=low,
        high=high,
        source="stance only",
        position_id=f"pos-{party}",
        brief="b",
        stance="support",
        claim_type="stated",
        confidence="high",
        contested_by=(),
        red_lines=(),
        evidence=(),
    )


def no_overlap(*ranges: Placement) -> IssueVerdict:
    bounded = [r for r in ranges if r.low is not None and r.high is not None]
    return IssueVerdict(
        issue="guarantees",
        verdict="no-intersection",
        low=max(r.low for r in bounded if r.low is not None),
        high=min(r.high for r in bounded if r.high is not None),
        ranges=ranges,
    )


def covers(stretch: tuple[float, float], party: Placement) -> bool:
    """Whether a band reaches over any part of a party's drawn bar."""
    assert party.low is not None and party.high is not None
    start, end = stretch
    return start < party.high + BAR_MARGIN and end > party.low - BAR_MARGIN


class TestGapBand:
    def test_a_party_placed_between_the_others_splits_the_gap_and_no_band_covers_it(self):
        # the corpus's security guarantees: Russia against, the United States for, Ukraine firmly for
        parties = placed("russia", -1), placed("united states", 1), placed("ukraine", 2)
        stretches = gap_stretches(no_overlap(*parties))
        assert len(stretches) == 2
        assert stretches[0][0] > -1 + BAR_MARGIN and stretches[0][1] < 1 - BAR_MARGIN  # from Russia to the US
        assert stretches[1][0] > 1 + BAR_MARGIN and stretches[1][1] < 2 - BAR_MARGIN  # from the US to Ukraine
        assert not any(covers(stretch, party) for stretch in stretches for party in parties)

    def test_two_parties_apart_have_one_band_between_them(self):
        ((start, end),) = gap_stretches(no_overlap(placed("north", -2), placed("south", 1, 2)))
        assert -2 + BAR_MARGIN < start < end < 1 - BAR_MARGIN

    def test_ranges_that_meet_are_one_place_and_an_unplaced_party_is_left_out(self):
        parties = placed("north", -2, 0), placed("east", -1), placed("west", None), placed("south", 2)
        ((start, end),) = gap_stretches(no_overlap(*parties))
        assert 0 + BAR_MARGIN < start < end < 2 - BAR_MARGIN

    def test_no_gap_without_a_verdict_of_no_overlap(self):
        verdict = IssueVerdict(issue="truce", verdict="overlap", low=0, high=1, ranges=(placed("north", -1, 1), placed("south", 0, 2)))
        assert gap_stretches(verdict) == []

    def test_the_strip_draws_one_band_per_stretch_and_says_gap_once(self):
        html = str(range_strip(no_overlap(placed("russia", -1), placed("united states", 1), placed("ukraine", 2))))
        assert html.count("repeating-linear-gradient") == 2
        assert html.count(">gap</span>") == 1


class TestDistinctLabels:
    def test_a_shared_label_gets_each_records_qualifier(self):
        named = distinct_labels(
            [
                ("pos-russia", "Lavrov, 29 January 2026 (own words)", "Russia's place"),
                ("pos-ukraine", "Zelenskyy, 28 January 2026 (as reported)", "Ukraine's place"),
                ("pos-us", "Zelenskyy, 28 January 2026 (as reported)", "United States' place"),
            ]
        )
        assert named == {
            "pos-russia": "Lavrov, 29 January 2026 (own words)",
            "pos-ukraine": "Zelenskyy, 28 January 2026 (as reported), Ukraine's place",
            "pos-us": "Zelenskyy, 28 January 2026 (as reported), United States' place",
        }

    @pytest.mark.parametrize("qualifier", ["", "Ukraine's place"])
    def test_a_label_still_shared_is_counted(self, qualifier):
        named = distinct_labels([("a", "Zelenskyy (as reported)", qualifier), ("b", "Zelenskyy (as reported)", qualifier)])
        assert len(set(named.values())) == 2
        assert named["b"].endswith("record 2 of 2")
