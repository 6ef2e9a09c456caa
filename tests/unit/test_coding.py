"""Coding a passage: dates read in words, ids, the record a form describes, and what validation says before a save."""

from __future__ import annotations

import pytest

from briefing.coding import Addition, date_in_words, new_record, review, suggest_id, unique_id
from briefing.dates import DateError
from briefing.load import Layout, load_taxonomy, parse_yaml
from tests.conftest import CORPUS

LAYOUT = Layout(root=CORPUS)
BRIEF = parse_yaml((CORPUS / "data" / "briefs" / "lavrov-red-line-2026-01.yaml").read_bytes())
SEED = (CORPUS / "seeds" / "lavrov-red-line-2026-01-30.txt").read_text(encoding="utf-8")


class TestDateInWords:
    @pytest.mark.parametrize(
        "edtf, words",
        [
            ("2026-01-23/2026-01-24", "23–24 January 2026: two days"),
            ("2026-01-29", "29 January 2026: one day"),
            ("2026-01", "January 2026: a month, 31 days"),
            ("2026-01-30/2026-02-02", "30 January – 2 February 2026: four days"),
            ("2022-21", "spring 2022 (1 March – 31 May 2022): a season, 92 days"),
            ("2026-01?", "January 2026: a month, 31 days; marked uncertain or approximate"),
        ],
    )
    def test_reading(self, edtf, words):
        assert date_in_words(edtf) == words

    def test_a_date_in_another_form_says_which_to_write(self):
        with pytest.raises(DateError, match='write "2026-01-29"'):
            date_in_words("29 January 2026")


class TestRecord:
    def test_ids_are_readable_and_unique(self):
        values = {"party": "russia", "issue": "ceasefire", "claim_type": "stated"}
        assert suggest_id("position", values, set()) == "pos-russia-ceasefire-stated"
        assert suggest_id("position", values, {"pos-russia-ceasefire-stated"}) == "pos-russia-ceasefire-stated-2"
        assert suggest_id("event", {"title": "Café talks in Abu Dhabi end <b>"}, set()) == "evt-cafe-talks-in-abu-dhabi-end"
        assert unique_id("x", {"x", "x-2"}) == "x-3"

    def test_a_record_keeps_the_formats_order_and_drops_empty_fields(self):
        record = new_record("position", {"summary": " s ", "id": "p", "party": "russia", "speaker": None, "date": ""}, {"id": "p-1"})
        assert list(record) == ["id", "party", "summary", "evidence"]
        assert record["summary"] == "s"


class TestReview:
    def setup_method(self):
        self.taxonomy = load_taxonomy(LAYOUT)[0]
        self.texts = {"lavrov-red-line": SEED}

    def addition(self, quote: str, **values) -> Addition:
        start = SEED.index(quote)
        span = {"id": "p-new-1", "seed": "lavrov-red-line", "start": start, "end": start + len(quote), "quote": quote}
        record = new_record(
            "position",
            {
                "id": "p-new",
                "party": "poland",
                "issue": "ceasefire",
                "stance": "support",
                "claim_type": "assessment",
                "confidence": "medium",
                "summary": "x",
                **values,
            },
            span,
        )
        return Addition(("positions",), record, "p-new", "new position")

    def test_a_hedged_quote_at_high_confidence_is_warned_before_saving(self):
        result = review(BRIEF, self.addition("This series of actions indicates", confidence="high"), self.taxonomy, self.texts)
        assert not result.errors
        assert any("[hedged-quote-high-confidence]" in warning for warning in result.warnings)

    def test_missing_fields_and_unknown_ids_are_errors(self):
        result = review(BRIEF, self.addition("Moscow's negotiation bottom line", party="polland", summary=""), self.taxonomy, self.texts)
        assert any("unknown party" in error and "poland" in error for error in result.errors)
        assert any("summary" in error for error in result.errors)

    def test_the_brief_itself_is_not_changed(self):
        before = repr(BRIEF)
        review(BRIEF, self.addition("Moscow's negotiation bottom line"), self.taxonomy, self.texts)
        assert repr(BRIEF) == before
