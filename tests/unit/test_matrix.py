"""The matrix's words, built from small frames made here: what a cell says, the legend, the grid it sends."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.readings import CONTESTED, NO_POSITION, cell_words
from briefing.vocabulary import CLAIM_TYPES, STANCES
from components.matrix import breakable, matrix_legend, matrix_table

SOFT_HYPHEN = "\N{SOFT HYPHEN}"


def readings(*rows: tuple[str, str, str, str, int, bool]) -> pd.DataFrame:
    """(party, issue, stance, claim type, records, contested) per cell, as briefing.readings gives them, with the id
    of the headline record."""
    frame = pd.DataFrame(rows, columns=["party", "issue", "stance", "claim_type", "records", "contested"])
    return frame.assign(headline=[f"{party}-{issue}-head" for party, issue in zip(frame["party"], frame["issue"], strict=True)])


class TestCellWords:
    def test_one_stated_record_is_the_symbol_the_word_and_the_marker(self):
        assert cell_words("rejection", "stated", 1, False) == "✖ Against\nS"

    def test_several_records_are_counted_in_words(self):
        assert cell_words("support", "reported", 4, False) == "✔ For\nR · 4\N{NO-BREAK SPACE}records"

    def test_contested_is_its_own_line(self):
        assert cell_words("firm-rejection", "assessment", 2, True).splitlines() == [
            "✖✖ Firmly against",
            "A · 2\N{NO-BREAK SPACE}records",
            CONTESTED,
        ]

    @pytest.mark.parametrize("stance", list(STANCES))
    def test_the_cell_and_its_spoken_form_use_the_one_word_of_the_vocabulary(self, stance):
        assert cell_words(stance, "stated", 1, False).splitlines()[0] == STANCES[stance].label
        assert cell_words(stance, "stated", 1, False, spoken=True) == f"{STANCES[stance].word}, stated by the party"

    def test_spoken_form_is_in_full_words(self):
        assert cell_words("conditional", "reported", 3, True, spoken=True) == (
            "Only on conditions, reported by others, 3 records, contested"
        )

    @pytest.mark.parametrize("stance", list(STANCES))
    def test_every_stance_shows_its_symbol_so_colour_is_never_the_only_cue(self, stance):
        assert cell_words(stance, "stated", 1, False).startswith(f"{STANCES[stance].symbol} ")

    def test_an_empty_cell_reads_no_stated_position(self):
        assert cell_words(None, None, 0, False) == NO_POSITION
        assert cell_words(None, None, 0, False, spoken=True) == NO_POSITION


class TestLegend:
    def test_names_every_stance_every_claim_marker_the_count_and_contested(self):
        legend = matrix_legend()
        for words in STANCES.values():
            assert f"**{words.symbol}** {words.word}" in legend
        for claim in CLAIM_TYPES.values():
            assert f"**{claim.letter}** {claim.label.lower()}" in legend
        assert "n records" in legend and f"**{CONTESTED}**" in legend and NO_POSITION in legend


class TestTable:
    READINGS = readings(
        ("north", "truce", "firm-rejection", "stated", 3, True),
        ("south", "truce", "support", "assessment", 1, False),
        ("south", "talks", "support", "stated", 2, False),
    )

    def test_every_party_and_issue_gets_a_cell_in_words_and_colour(self):
        table = matrix_table(self.READINGS, [("north", "Northland"), ("south", "Southland")], [("truce", "Truce"), ("talks", "Talks")])
        assert table.words == [
            [cell_words("firm-rejection", "stated", 3, True), NO_POSITION],
            [cell_words("support", "assessment", 1, False), cell_words("support", "stated", 2, False)],
        ]
        assert (table.cells[0][0].background, table.cells[0][0].ink) == (STANCES["firm-rejection"].colour, STANCES["firm-rejection"].ink)
        assert table.cells[0][1].spoken == NO_POSITION
        assert table.has("south:talks") and not table.has("south:nothing") and not table.has("west:talks")
        assert table.cell("south", "talks").words == cell_words("support", "stated", 2, False)
        assert table.headlines == {
            ("north", "truce"): "north-truce-head",
            ("south", "truce"): "south-truce-head",
            ("south", "talks"): "south-talks-head",
        }

    def test_grid_data_carries_ids_labels_and_the_selection(self):
        table = matrix_table(self.READINGS, [("north", "Northland")], [("truce", "Truce talks")])
        data = table.grid_data("north:truce")
        assert data["selected"] == "north:truce"
        assert [(issue["id"], issue["label"]) for issue in data["issues"]] == [("truce", "Truce talks")]
        assert data["issues"][0]["heading"].replace(SOFT_HYPHEN, "") == "Truce talks"
        assert data["rows"][0]["cells"][0]["words"] == table.words[0][0]

    def test_the_header_keeps_the_label_with_the_short_form_under_it_and_the_proposition_in_its_tooltip(self):
        propositions = {"truce": ("General truce", "A general truce along the front")}
        table = matrix_table(self.READINGS, [("north", "Northland")], [("truce", "Truce talks")], propositions)
        header = table.grid_data("north:truce")["issues"][0]
        assert header["heading"].replace(SOFT_HYPHEN, "") == "Truce talks"  # one name, as the filter says it
        assert header["sub"].replace(SOFT_HYPHEN, "") == "General truce"
        assert "A general truce along the front" in header["label"] and header["label"].startswith("Truce talks")

    def test_a_short_form_that_repeats_the_label_is_not_shown_twice(self):
        propositions = {"truce": ("Truce talks", "Talks on a truce")}
        table = matrix_table(self.READINGS, [("north", "Northland")], [("truce", "Truce talks")], propositions)
        assert table.grid_data("north:truce")["issues"][0]["sub"] == ""


class TestBreakable:
    def test_long_words_get_soft_hyphens_and_read_the_same_without_them(self):
        label = "Demilitarization and neutrality"
        broken = breakable(label)
        assert SOFT_HYPHEN in broken.split(" ")[0]
        assert broken.replace(SOFT_HYPHEN, "") == label

    def test_short_words_are_left_whole(self):
        assert breakable("Sanctions relief and the grain corridor") == "Sanctions relief and the grain corridor"
