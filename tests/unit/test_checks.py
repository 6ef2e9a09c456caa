"""Editorial checks (briefing/checks.py): each rule flags the over-claimed reading and passes the honest one."""

from __future__ import annotations

import pytest

from briefing.checks import carries_hedge, editorial_findings, hedges, voice_of
from briefing.schema import Brief, Evidence, Taxonomy

TEXT = (
    'On Monday, the minister said: "We will never accept a ceasefire." '
    "The minister rejected the truce outright. "
    "From the minister's statements, his goals at least include a buffer zone. "
    "Historically, Northland has insisted on a veto over any deal. "
    "This indicates that Northland may accept talks later. "
    "Mediators could meet if both sides agree. "
    "Prices rose in May 2026. "
    "Nobody knows what comes next."
)
TAXONOMY = Taxonomy.model_validate(
    {
        "parties": [
            {
                "id": "northland",
                "name": "Northland",
                "kind": "state",
                "aliases": ["Northern"],
                "speakers": [{"id": "minister", "name": "Nora Minister", "role": "Foreign Minister"}],
            },
            {"id": "southland", "name": "Southland", "kind": "state"},
        ],
        "issues": [{"id": "truce", "label": "Truce", "definition": "A truce."}],
    }
)


def span(quote: str, span_id: str = "ev") -> dict:
    start = TEXT.index(quote)
    return {"id": span_id, "seed": "s", "start": start, "end": start + len(quote), "quote": quote}


def brief(**record) -> Brief:
    kind = record.pop("kind", "positions")
    base = {
        "positions": {
            "id": "rec",
            "party": "northland",
            "issue": "truce",
            "stance": "firm-rejection",
            "claim_type": "stated",
            "speaker": "minister",
            "confidence": "medium",
            "summary": "It may.",
        },
        "judgments": {"id": "rec", "text": "It may.", "confidence": "medium"},
    }[kind]
    return Brief.model_validate(
        {
            "id": "b",
            "title": "B",
            "published": "2026-01-30",
            "seeds": [{"id": "s", "file": "s.txt", "sha256": "0" * 64}],
            kind: [base | record],
        }
    )


def rules(**record) -> list[str]:
    return [f.rule for f in editorial_findings(brief(**record), TAXONOMY, {"s": TEXT})]


class TestHedges:
    def test_the_hedge_words(self):
        assert hedges("This indicates that it may, if anything, appear so.") == ["indicates", "may", "if", "appear"]
        assert hedges("It happened in May 2026.") == []  # the month is not a hedge
        assert carries_hedge("a conditional reading") and carries_hedge("almost entirely") and not carries_hedge("It is so.")

    def test_hedged_quote_with_high_confidence(self):
        hedged = {"evidence": [span("This indicates that Northland may accept talks later.")], "claim_type": "assessment", "speaker": None}
        assert "hedged-quote-high-confidence" in rules(**hedged, confidence="high")
        assert "hedged-quote-high-confidence" not in rules(**hedged, confidence="medium")
        assert "hedged-quote-high-confidence" not in rules(
            evidence=[span("Nobody knows what comes next.")], claim_type="assessment", speaker=None, confidence="high"
        )

    def test_dropped_hedge(self):
        quote = [span("Mediators could meet if both sides agree.")]
        assert "dropped-hedge" in rules(kind="judgments", evidence=quote, text="Mediators will meet.")
        assert "dropped-hedge" not in rules(kind="judgments", evidence=quote, text="Mediators could meet, on a condition.")
        assert "dropped-hedge" not in rules(kind="judgments", evidence=[span("Nobody knows what comes next.")], text="Nobody knows.")

    def test_a_reviewed_warning_is_answered_on_the_record(self):
        quote = [span("Mediators could meet if both sides agree.")]
        reviewed = [{"rule": "dropped-hedge", "note": "The condition is the content of the plan."}]
        assert rules(kind="judgments", evidence=quote, text="Mediators will meet.", reviewed=reviewed) == []


class TestStatedNotParty:
    @pytest.mark.parametrize(
        "quote",
        [
            "We will never accept a ceasefire.",  # first person
            'the minister said: "We will never accept a ceasefire."',  # direct speech
        ],
    )
    def test_the_partys_own_words_pass(self, quote):
        assert "stated-not-party" not in rules(evidence=[span(quote)])

    @pytest.mark.parametrize(
        ("quote", "why"),
        [
            ("The minister rejected the truce outright.", "in the article's words"),
            ("From the minister's statements, his goals at least include a buffer zone.", "summary or inference"),
            ("Historically, Northland has insisted on a veto over any deal.", "summary or inference"),
            ("Nobody knows what comes next.", "neither the party nor its speaker is named"),
        ],
    )
    def test_the_article_speaking_is_flagged(self, quote, why):
        found = editorial_findings(brief(evidence=[span(quote)]), TAXONOMY, {"s": TEXT})
        assert [f.rule for f in found] == ["stated-not-party"]
        assert why in found[0].message and found[0].location == "positions[0].evidence[0]"

    def test_only_stated_records_are_checked(self):
        assert rules(evidence=[span("The minister rejected the truce outright.")], claim_type="reported", reported_by="the article") == []

    def test_an_alias_names_the_party(self):
        names = ["Northland", "Northern"]
        quoted = Evidence.model_validate(span("Prices rose in May 2026."))
        assert voice_of(quoted, TEXT, names) is not None
        text = TEXT.replace("Prices rose", "Northern prices rose")
        start = text.index("prices rose in May 2026.")
        named = Evidence.model_validate({"id": "ev", "seed": "s", "start": start, "end": start + 24, "quote": text[start : start + 24]})
        assert voice_of(named, text, names) is None


class TestRangeFromAnalyst:
    def test_a_range_on_the_analysts_sentence_is_an_error_on_a_party_record(self):
        found = editorial_findings(
            brief(
                evidence=[span("We will never accept a ceasefire.")],
                confidence="high",
                acceptable_range={
                    "low": "firm-rejection",
                    "high": "conditional",
                    "evidence": [span("Historically, Northland has insisted on a veto over any deal.", "r")],
                },
            ),
            TAXONOMY,
            {"s": TEXT},
        )
        assert [(f.rule, f.severity, f.location) for f in found] == [("range-from-analyst", "error", "positions[0].acceptable_range")]

    def test_a_range_in_the_partys_words_passes(self):
        assert (
            rules(
                evidence=[span("We will never accept a ceasefire.")],
                confidence="high",
                red_line={"text": "Never a ceasefire.", "evidence": [span("We will never accept a ceasefire.", "r")]},
            )
            == []
        )

    def test_on_an_assessment_the_range_is_the_analysts_reading(self):
        assert "range-from-analyst" not in rules(
            claim_type="assessment",
            speaker=None,
            evidence=[span("Nobody knows what comes next.")],
            acceptable_range={
                "low": "firm-rejection",
                "high": "conditional",
                "evidence": [span("Historically, Northland has insisted on a veto over any deal.", "r")],
            },
        )

    def test_a_range_marked_as_the_analysts_cannot_sit_on_a_party_record(self):
        with pytest.raises(ValueError, match="rests on the analyst's assessment, but the position is stated"):
            brief(
                evidence=[span("We will never accept a ceasefire.")],
                acceptable_range={
                    "low": "rejection",
                    "high": "conditional",
                    "claim_type": "assessment",
                    "evidence": [span("We will never accept a ceasefire.", "r")],
                },
            )

    def test_an_error_cannot_be_answered_by_a_review(self):
        with pytest.raises(ValueError, match="range-from-analyst"):
            brief(evidence=[span("We will never accept a ceasefire.")], reviewed=[{"rule": "range-from-analyst", "note": "x"}])
