"""The one rule for what a cell says (briefing/readings.py): which record speaks, and when a cell is contested."""

from __future__ import annotations

import pandas as pd

from briefing.readings import cell_reading, cell_readings, rank_records, weakest
from tests.support.positions import position, positions


def headline(*rows: dict) -> str:
    reading = cell_reading(positions(*rows), "north", "truce")
    assert reading is not None
    return reading["headline"]


class TestHeadline:
    def test_the_partys_own_words_come_before_reporting_and_the_analyst(self):
        assert (
            headline(
                position(0, "north", "rejection", "assessment", date="2026-02-01"),
                position(1, "north", "rejection", "reported", date="2026-01-20"),
                position(2, "north", "rejection", "stated", "low"),
            )
            == "p2"
        )
        assert (
            headline(
                position(0, "north", "rejection", "assessment", "high", date="2026-02-01"),
                position(1, "north", "rejection", "reported", "low"),
            )
            == "p1"
        )

    def test_a_relevant_record_comes_before_provenance(self):
        off_issue = position(0, "north", "support", "stated", date="2026-01-29") | {"relevant": False}
        assert headline(off_issue, position(1, "north", "firm-support", "assessment", "medium")) == "p1"
        assert headline(off_issue) == "p0"  # alone, it still speaks for the cell

    def test_then_the_latest_date(self):
        assert (
            headline(
                position(0, "north", "rejection", date="2026-01-20"),
                position(1, "north", "rejection", date="2026-01-29"),
                position(2, "north", "rejection", date="2026-01-25"),
            )
            == "p1"
        )

    def test_an_undated_record_does_not_lose_by_default(self):
        # not after 30 January, its brief's date: it may be later than 20 January, so the dates decide nothing
        undated = position(1, "north", "rejection", confidence="high")
        assert headline(position(0, "north", "rejection", confidence="medium", date="2026-01-20"), undated) == "p1"

    def test_an_undated_record_known_to_be_older_loses(self):
        older = position(1, "north", "rejection", confidence="high") | {"brief_published": pd.Timestamp("2026-01-10")}
        assert headline(position(0, "north", "rejection", confidence="medium", date="2026-01-20"), older) == "p0"

    def test_then_the_higher_confidence(self):
        assert (
            headline(
                position(0, "north", "rejection", confidence="medium"),
                position(1, "north", "rejection", confidence="high"),
                position(2, "north", "rejection", confidence="low"),
            )
            == "p1"
        )

    def test_then_the_later_brief_then_the_id(self):
        later = position(0, "north", "rejection") | {"brief_published": pd.Timestamp("2026-03-01")}
        assert headline(position(1, "north", "rejection"), later) == "p0"
        assert headline(position(2, "north", "rejection"), position(1, "north", "rejection")) == "p1"

    def test_the_order_of_the_rows_never_matters(self):
        rows = [
            position(n, "north", stance, claim, confidence)
            for n, (stance, claim, confidence) in enumerate(
                [("rejection", "assessment", "high"), ("conditional", "reported", "low"), ("ambiguous", "reported", "low")]
            )
        ]
        assert headline(*rows) == headline(*reversed(rows)) == "p1"
        assert list(rank_records(positions(*rows))["id"]) == ["p1", "p2", "p0"]


class TestContested:
    def test_records_pointing_another_way_contest_the_cell(self):
        reading = cell_reading(
            positions(
                position(0, "north", "conditional"),
                position(1, "north", "rejection", "assessment"),
                position(2, "north", "ambiguous", "reported"),
            ),
            "north",
            "truce",
        )
        assert reading["contested"] and reading["disagreeing"] == ("p2", "p1")
        assert reading["records"] == 3 and reading["stances"] == ("conditional", "ambiguous", "rejection")

    def test_a_difference_of_strength_is_not_a_contest(self):
        reading = cell_reading(
            positions(position(0, "north", "firm-rejection"), position(1, "north", "rejection", "reported")), "north", "truce"
        )
        assert not reading["contested"] and reading["disagreeing"] == ()
        assert reading["differing"] == ("p1",)

    def test_where_the_order_cannot_be_known_a_difference_of_strength_contests(self):
        dated = position(0, "north", "firm-rejection", date="2026-01-29")
        undated = position(1, "north", "rejection", "stated", "medium")  # not after 30 January: before or after?
        reading = cell_reading(positions(dated, undated), "north", "truce")
        assert reading["headline"] == "p0" and reading["contested"] and reading["disagreeing"] == ("p1",)
        known = undated | {"brief_published": pd.Timestamp("2026-01-28")}  # not after 28 January: older
        reading = cell_reading(positions(dated, known), "north", "truce")
        assert not reading["contested"] and reading["differing"] == ("p1",)

    def test_an_undated_record_of_another_provenance_does_not_contest_by_its_date(self):
        reading = cell_reading(
            positions(position(0, "north", "firm-rejection", date="2026-01-29"), position(1, "north", "rejection", "reported")),
            "north",
            "truce",
        )
        assert not reading["contested"] and reading["differing"] == ("p1",)

    def test_one_row_per_cell(self):
        readings = cell_readings(
            positions(position(0, "north", "support"), position(1, "south", "support"), position(2, "north", "support", issue="war"))
        )
        assert sorted(zip(readings["party"], readings["issue"], strict=True)) == [("north", "truce"), ("north", "war"), ("south", "truce")]

    def test_no_positions_no_readings(self):
        assert cell_readings(positions(position(0, "north", "support")).iloc[0:0]).empty
        assert cell_reading(positions(position(0, "north", "support")), "south", "truce") is None


def test_weakest():
    assert weakest(["high", "low", "medium"]) == "low"
    assert weakest([]) == "high"
