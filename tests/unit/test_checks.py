"""Editorial checks (briefing/checks.py): each rule flags the over-claimed reading and passes the honest one."""

from __future__ import annotations

import pytest

from briefing.checks import carries_hedge, editorial_findings, hedges, relevant, voice_of
from briefing.schema import Brief, Evidence, Review, Taxonomy
from briefing.wording import absolute_words, issue_stems

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


OTHER_RULES = {"firm-without-absolute", "off-issue"}  # strength and relevance, tested on real sentences below


def findings(**record) -> list:
    return [f for f in editorial_findings(brief(**record), TAXONOMY, {"s": TEXT}) if f.rule not in OTHER_RULES]


def rules(**record) -> list[str]:
    return [f.rule for f in findings(**record)]


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
        found = findings(evidence=[span(quote)])
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
        found = findings(
            evidence=[span("We will never accept a ceasefire.")],
            confidence="high",
            acceptable_range={
                "low": "firm-rejection",
                "high": "conditional",
                "evidence": [span("Historically, Northland has insisted on a veto over any deal.", "r")],
            },
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


# sentences of the kind real briefs quote, with the parties and speakers of the shipped taxonomy
REAL = (
    "Moscow demands that Kyiv withdraw its forces from the four regions. "
    'Lavrov said: "A ceasefire is unacceptable under any conditions." '
    "Lavrov said: Kyiv must withdraw from the four regions. "
    'Zelensky said: "Russia will never accept a ceasefire." '
    "According to the Financial Times, Moscow would stop strikes on energy infrastructure. "
    '"We will not freeze the conflict," Lavrov told reporters. '
    "Peskov confirmed that Russia refuses any truce. "
    "Lavrov warned that a truce would only help Kyiv regroup. "
    "Moscow's bottom line: No ceasefire without a settlement. "
    "He asserted: We are not clear about what kind of guarantees they are discussing. "
    "Kyiv rejected the plan outright, Zelenskyy told parliament. "
    "Peskov told reporters: «The Kremlin rejects any freeze of the front.» "
    "A ceasefire remains unlikely in the near term. "
    "Reportedly, a ceasefire remains unlikely in the near term. "
    "The talks could resume if both sides agree."
)
REAL_TAXONOMY = Taxonomy.model_validate(
    {
        "parties": [
            {
                "id": "russia",
                "name": "Russia",
                "kind": "state",
                "aliases": ["Russian", "Moscow", "Kremlin"],
                "speakers": [
                    {"id": "lavrov", "name": "Sergey Lavrov", "role": "Foreign Minister"},
                    {"id": "peskov", "name": "Dmitry Peskov", "role": "Kremlin spokesperson"},
                ],
            },
            {
                "id": "ukraine",
                "name": "Ukraine",
                "kind": "state",
                "aliases": ["Ukrainian", "Kyiv"],
                "speakers": [{"id": "zelenskyy", "name": "Volodymyr Zelenskyy", "role": "President", "aliases": ["Zelensky"]}],
            },
        ],
        "issues": [
            {"id": "ceasefire", "label": "Ceasefire", "definition": "A general ceasefire or truce along the front."},
            {
                "id": "energy-truce",
                "label": "Energy truce",
                "definition": "A limited truce on strikes against energy infrastructure, oil facilities and tankers.",
            },
            {
                "id": "demilitarization-neutrality",
                "label": "Demilitarization and neutrality",
                "definition": "Limits on Ukraine's armed forces and alignment, including neutrality.",
            },
            {
                "id": "security-guarantees",
                "label": "Security guarantees",
                "definition": "External security guarantees for Ukraine.",
                "proposition": "Western pledges to defend Ukraine",
            },
        ],
    }
)


def real_span(quote: str, span_id: str = "ev") -> dict:
    start = REAL.index(quote)
    return {"id": span_id, "seed": "s", "start": start, "end": start + len(quote), "quote": quote}


def real_findings(quote: str, kind: str = "positions", **record) -> list:
    base = {
        "positions": {
            "id": "rec",
            "party": "russia",
            "issue": "ceasefire",
            "stance": "rejection",
            "claim_type": "stated",
            "confidence": "medium",
            "summary": "It may.",
        },
        "judgments": {"id": "rec", "text": "It is unlikely.", "confidence": "high"},
    }[kind]
    document = {
        "id": "b",
        "title": "B",
        "published": "2026-01-30",
        "seeds": [{"id": "s", "file": "s.txt", "sha256": "0" * 64}],
        kind: [base | {"evidence": [real_span(quote)]} | record],
    }
    return editorial_findings(Brief.model_validate(document), REAL_TAXONOMY, {"s": REAL})


def real_rules(quote: str, kind: str = "positions", **record) -> list[str]:
    return [f.rule for f in real_findings(quote, kind, **record)]


class TestLikelihoodIsNotAHedge:
    def test_a_judgments_own_likelihood_term_validates_clean(self):
        quote = "A ceasefire remains unlikely in the near term."
        assert real_rules(quote, "judgments", likelihood="unlikely") == []
        assert hedges("It is very unlikely, and probably so.", likelihood=True) == []

    def test_without_its_likelihood_recorded_the_word_is_still_a_hedge(self):
        found = real_findings("A ceasefire remains unlikely in the near term.", "judgments")
        assert [f.rule for f in found] == ["hedged-quote-high-confidence"]
        assert "record it as likelihood" in found[0].message

    @pytest.mark.parametrize(
        ("quote", "hedge"),
        [
            ("Reportedly, a ceasefire remains unlikely in the near term.", "reportedly"),
            ("The talks could resume if both sides agree.", "could"),
        ],
    )
    def test_a_hedge_about_the_evidence_still_fires(self, quote, hedge):
        found = real_findings(quote, "judgments", likelihood="unlikely")
        assert [f.rule for f in found] == ["hedged-quote-high-confidence"]
        assert f"“{hedge}”" in found[0].message and "“unlikely”" not in found[0].message

    def test_a_likelihood_word_on_a_position_is_a_hedge(self):
        assert "hedged-quote-high-confidence" in real_rules(
            "A ceasefire remains unlikely in the near term.", claim_type="assessment", confidence="high"
        )


class TestClaimTypeFromRealSentences:
    @pytest.mark.parametrize(
        "quote",
        [
            "A ceasefire is unacceptable under any conditions.",  # in quotation marks, attributed to Lavrov
            'Lavrov said: "A ceasefire is unacceptable under any conditions."',  # the attribution with the words
            "We will not freeze the conflict,",  # quoted, attributed after the closing mark
            "We are not clear about what kind of guarantees they are discussing.",  # first person after the colon
            "The Kremlin rejects any freeze of the front.",  # in guillemets, attributed to Peskov
        ],
    )
    def test_the_partys_own_words_are_stated(self, quote):
        assert "stated-not-party" not in real_rules(quote)

    @pytest.mark.parametrize(
        ("quote", "why"),
        [
            ("Moscow demands that Kyiv withdraw its forces from the four regions.", "in the article's words"),
            ("Kyiv must withdraw from the four regions.", "in the article's words"),  # a colon alone is not speech
            ("Lavrov said: Kyiv must withdraw from the four regions.", "in the article's words"),
            ("Russia will never accept a ceasefire.", "not attributed to the party"),  # Zelensky's words
            ("Moscow would stop strikes on energy infrastructure.", "according to"),
            ("Peskov confirmed that Russia refuses any truce.", "in the article's words"),
            ("Lavrov warned that a truce would only help Kyiv regroup.", "in the article's words"),
            ("No ceasefire without a settlement.", "a colon followed by a capital is not direct speech"),
        ],
    )
    def test_the_article_telling_what_the_party_said_is_not_stated(self, quote, why):
        found = [f for f in real_findings(quote) if f.rule == "stated-not-party"]
        assert len(found) == 1 and why in found[0].message

    @pytest.mark.parametrize(
        ("party", "quote"), [("ukraine", "Kyiv rejected the plan outright,"), ("ukraine", "Russia will never accept a ceasefire.")]
    )
    def test_the_reporting_verbs_and_the_speaker_are_the_partys(self, party, quote):
        # the report of Kyiv's rejection is the article's words; Zelensky's quoted words are Ukraine's
        expected = quote.startswith("Kyiv")
        assert ("stated-not-party" in real_rules(quote, party=party)) == expected

    def test_a_reported_record_may_tell_it_in_the_articles_words(self):
        quote = "Moscow demands that Kyiv withdraw its forces from the four regions."
        assert "stated-not-party" not in real_rules(quote, claim_type="reported", reported_by="the article")


class TestStrength:
    def test_a_firm_stance_with_absolute_words_passes(self):
        assert "firm-without-absolute" not in real_rules("A ceasefire is unacceptable under any conditions.", stance="firm-rejection")
        assert absolute_words("not even a 60-day ceasefire, under no circumstances") == ["not even", "under no circumstances"]

    def test_a_firm_stance_on_a_hedged_characterisation_is_a_warning(self):
        quote = "We are not clear about what kind of guarantees they are discussing."
        found = [f for f in real_findings(quote, issue="security-guarantees", stance="firm-rejection") if f.rule == "firm-without-absolute"]
        assert len(found) == 1 and "file it as rejection" in found[0].message and found[0].location == "positions[0].stance"
        assert "firm-without-absolute" not in real_rules(quote, issue="security-guarantees", stance="rejection")

    def test_firm_support_too(self):
        assert "firm-without-absolute" in real_rules(
            "Moscow demands that Kyiv withdraw its forces from the four regions.",
            stance="firm-support",
            claim_type="reported",
            reported_by="the article",
            issue="demilitarization-neutrality",
        )


class TestRelevance:
    @pytest.mark.parametrize(
        ("issue", "quote"),
        [
            ("energy-truce", "Moscow would stop strikes on energy infrastructure."),  # the definition's words
            ("ceasefire", "Lavrov warned that a truce would only help Kyiv regroup."),  # the definition's "truce"
            ("demilitarization-neutrality", "Moscow demands that Kyiv withdraw its forces from the four regions."),
            ("security-guarantees", "We are not clear about what kind of guarantees they are discussing."),
        ],
    )
    def test_a_quote_that_names_its_issue_passes(self, issue, quote):
        assert "off-issue" not in real_rules(quote, issue=issue, claim_type="reported", reported_by="the article")

    @pytest.mark.parametrize(
        ("issue", "quote"),
        [
            ("energy-truce", "Moscow demands that Kyiv withdraw its forces from the four regions."),
            ("demilitarization-neutrality", "Peskov confirmed that Russia refuses any truce."),
        ],
    )
    def test_a_quote_that_names_nothing_of_its_issue_is_a_warning(self, issue, quote):
        found = [f for f in real_findings(quote, issue=issue, claim_type="reported", reported_by="the article") if f.rule == "off-issue"]
        assert len(found) == 1 and found[0].location == "positions[0].evidence"

    def test_the_proposition_counts_and_party_names_do_not(self):
        issue = REAL_TAXONOMY.issues[3]
        assert "pledg" in "".join(issue_stems(issue, REAL_TAXONOMY)) and "ukrain" not in issue_stems(issue, REAL_TAXONOMY)

    def test_a_reviewed_off_issue_record_counts_as_relevant(self):
        document = {
            "id": "rec",
            "party": "russia",
            "issue": "energy-truce",
            "stance": "rejection",
            "claim_type": "reported",
            "reported_by": "the article",
            "confidence": "low",
            "summary": "Demands.",
            "evidence": [real_span("Moscow demands that Kyiv withdraw its forces from the four regions.")],
        }
        seeds = [{"id": "s", "file": "s.txt", "sha256": "0" * 64}]
        position = Brief.model_validate(
            {"id": "b", "title": "B", "published": "2026-01-30", "seeds": seeds, "positions": [document]}
        ).positions[0]
        assert not relevant(position, REAL_TAXONOMY)
        answered = position.model_copy(update={"reviewed": (Review(rule="off-issue", note="The withdrawal is the truce's term."),)})
        assert relevant(answered, REAL_TAXONOMY)


@pytest.mark.parametrize(
    "verb",
    ["says", "said", "told", "demands", "demanded", "refuses", "refused", "rejects", "asks", "asked", "confirmed", "insisted", "warned"],
)
def test_every_reporting_verb_both_ways(verb):
    names = ["Russia", "Moscow", "Sergey Lavrov", "Lavrov"]

    def voice(text: str, quote: str) -> str | None:
        start = text.index(quote)
        return voice_of(
            Evidence.model_validate({"id": "ev", "seed": "s", "start": start, "end": start + len(quote), "quote": quote}), text, names
        )

    indirect = f"Lavrov {verb} that Kyiv must withdraw from the four regions."
    assert "in the article's words" in (voice(indirect, "Kyiv must withdraw from the four regions.") or "")
    direct = f'Lavrov {verb}: "Kyiv must withdraw from the four regions."'
    assert voice(direct, "Kyiv must withdraw from the four regions.") is None
