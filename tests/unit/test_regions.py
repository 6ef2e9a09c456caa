"""The headline rule for a region, and which regions the regional view covers."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.regions import DIFFER, NONE, groups_of, headline, region_headline, regional_parties


def parties(*rows: tuple[str, str, tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame([{"id": i, "name": name, "kind": "group" if members else "state", "members": members} for i, name, members in rows])


PARTIES = parties(
    ("russia", "Russia", ()),
    ("poland", "Poland", ()),
    ("estonia", "Estonia", ()),
    ("latvia", "Latvia", ()),
    ("lithuania", "Lithuania", ()),
    ("baltic-states", "Baltic states", ("estonia", "latvia", "lithuania")),
)


class TestHeadline:
    def test_no_impact_is_no_assessment(self):
        reading = headline([], [])
        assert (reading.reading, reading.confidence, reading.total) == (NONE, None, 0)
        assert reading.summary == "– no assessment under this filter"

    def test_one_impact_is_its_direction_and_confidence(self):
        reading = headline(["worsens"], ["medium"])
        assert (reading.reading, reading.confidence, reading.counts) == ("worsens", "medium", (("worsens", 1),))
        assert reading.summary == "▼ worse off · medium confidence · 1 impact"

    def test_agreeing_impacts_keep_their_direction_at_the_highest_confidence(self):
        reading = headline(["improves", "improves", "improves"], ["low", "high", "medium"])
        assert (reading.reading, reading.confidence, reading.total) == ("improves", "high", 3)
        assert reading.summary == "▲ better off · high confidence · 3 impacts"

    @pytest.mark.parametrize(
        "directions", [["worsens", "improves"], ["improves", "worsens"], ["mixed", "worsens", "worsens"], ["uncertain", "improves"]]
    )
    def test_disagreeing_impacts_are_mixed_readings_never_one_of_them(self, directions):
        reading = headline(directions, ["low"] * len(directions))
        assert reading.reading == DIFFER
        assert reading.words.startswith("mixed readings: ")
        for direction in set(directions):
            assert (direction, directions.count(direction)) in reading.counts

    def test_mixed_readings_count_each_direction_in_the_schema_order(self):
        reading = headline(["improves", "worsens", "worsens"], ["low", "medium", "low"])
        assert reading.counts == (("worsens", 2), ("improves", 1))
        assert reading.words == "mixed readings: 2 worse off, 1 better off"
        assert reading.summary == "≠ mixed readings: 2 worse off, 1 better off · up to medium confidence · 3 impacts"

    def test_the_order_of_impacts_does_not_matter(self):
        directions, confidences = ["worsens", "mixed", "worsens"], ["low", "high", "medium"]
        assert headline(directions, confidences) == headline(directions[::-1], confidences[::-1])

    def test_one_mixed_assessment_is_a_mixed_effect_not_mixed_readings(self):
        assert headline(["mixed"], ["low"]).words == "mixed effect"


class TestRegionHeadline:
    IMPACTS = pd.DataFrame(
        {
            "region": ["baltic-states", "latvia", "poland"],
            "direction": ["worsens", "improves", "worsens"],
            "confidence": ["high", "low", "medium"],
        }
    )

    def test_a_group_impact_stays_the_groups(self):
        assert region_headline(self.IMPACTS, "estonia").reading == NONE
        assert region_headline(self.IMPACTS, "baltic-states").reading == "worsens"

    def test_a_members_own_impact_is_its_own(self):
        assert (region_headline(self.IMPACTS, "latvia").reading, region_headline(self.IMPACTS, "latvia").confidence) == ("improves", "low")


class TestRegionalParties:
    def test_panels_then_members(self):
        assert regional_parties(PARTIES) == {
            "poland": (),
            "baltic-states": ("estonia", "latvia", "lithuania"),
            "estonia": (),
            "latvia": (),
            "lithuania": (),
        }

    def test_a_taxonomy_without_the_regions_covers_nothing(self):
        assert regional_parties(parties(("northland", "Northland", ()))) == {}

    def test_groups_of_a_member(self):
        assert groups_of(PARTIES, "latvia") == ["baltic-states"]
        assert groups_of(PARTIES, "poland") == []
