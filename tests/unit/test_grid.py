"""The stance grid's accessible names: each cell's name begins with the words it shows (WCAG 2.5.3), then says where
it sits and what it says in full words."""

from __future__ import annotations

import pytest

from briefing.readings import NO_POSITION, cell_words
from briefing.vocabulary import STANCES
from components.grid import SOFT_HYPHEN, cell_name, named


def shown_text(words: str) -> str:
    """The words as axe compares them with a name: punctuation dropped, each run of spaces one space, lower case."""
    return " ".join("".join(c for c in words if c not in ",.:").split()).lower()


class TestCellName:
    @pytest.mark.parametrize("stance", list(STANCES))
    @pytest.mark.parametrize(("claim", "records", "contested"), [("stated", 1, False), ("reported", 3, True), ("assessment", 2, False)])
    def test_the_name_begins_with_the_words_the_cell_shows(self, stance, claim, records, contested):
        words = cell_words(stance, claim, records, contested)
        name = cell_name(words, cell_words(stance, claim, records, contested, spoken=True), "Northland", "Truce talks")
        assert name.startswith(", ".join(words.splitlines()) + ". Northland on Truce talks: ")
        assert shown_text(name).startswith(shown_text(words))

    def test_then_the_words_in_full(self):
        words, spoken = cell_words("conditional", "reported", 3, True), cell_words("conditional", "reported", 3, True, spoken=True)
        assert cell_name(words, spoken, "Northland", "Truce talks").endswith(f": {spoken}.")

    def test_an_empty_cell_names_its_place_once(self):
        assert cell_name(NO_POSITION, NO_POSITION, "Northland", "Truce talks") == f"{NO_POSITION}. Northland on Truce talks."


class TestNamed:
    def test_every_cell_gets_its_party_and_the_issue_without_soft_hyphens(self):
        data = {
            "issues": [{"id": "truce", "heading": f"Truce{SOFT_HYPHEN} talks"}, {"id": "trade", "heading": "Trade"}],
            "rows": [
                {"id": "north", "name": "Northland", "cells": [{"words": "✔ For\nS", "spoken": "For, stated by the party"}] * 2},
            ],
        }
        names = [cell["name"] for cell in named(data)["rows"][0]["cells"]]
        assert names == [
            "✔ For, S. Northland on Truce talks: For, stated by the party.",
            "✔ For, S. Northland on Trade: For, stated by the party.",
        ]
        assert "name" not in data["rows"][0]["cells"][0]  # the data it was given is left as it was
