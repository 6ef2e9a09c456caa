"""`draft`: each drafting rule both ways, the names the taxonomy lacks, the output, and recall on a brief encoded
by hand (the test corpus copy of the Lavrov brief, so that adding data never moves the figures)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from briefing.checks import names_for
from briefing.cli import main
from briefing.drafting import measure, missing_names, propose
from briefing.drafting.dates import dateline, dates_in
from briefing.drafting.naming import issues_named, parties_named
from briefing.drafting.rules import claim_type, confidence, stance
from briefing.load import Layout, load_corpus, load_taxonomy

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
PUBLISHED = dt.date(2026, 1, 30)


@pytest.fixture(scope="module")
def taxonomy():
    found, problems = load_taxonomy(Layout(CORPUS))
    assert found is not None, problems
    return found


def _ids(hits):
    return [hit.id for hit in hits]


class TestParty:
    def test_names_aliases_speakers_and_capitals(self, taxonomy):
        for sentence in ("Moscow wants more.", "The Kremlin said so.", "Lavrov spoke.", "Sergey Lavrov spoke.", "Russia objects."):
            assert _ids(parties_named(sentence, taxonomy)) == ["russia"], sentence

    def test_no_name_no_party(self, taxonomy):
        assert parties_named("The talks ended without a word on the front.", taxonomy) == []
        assert parties_named("It is unacceptable to us.", taxonomy) == []  # "us" is not the US

    def test_order_is_first_named(self, taxonomy):
        assert _ids(parties_named("Kyiv answered Washington.", taxonomy)) == ["ukraine", "united-states"]


class TestIssue:
    def test_keyword_at_the_start_of_a_word(self, taxonomy):
        hits = {hit.id: hit.words for hit in issues_named("Strikes on refineries and the territories claimed.", taxonomy)}
        assert hits["energy-truce"] == ("refineries",)
        assert "territorial-status" in hits

    def test_no_keyword_no_issue(self, taxonomy):
        assert issues_named("The weather in the capital was mild.", taxonomy) == []

    def test_without_keywords_the_issue_words_count(self, taxonomy):
        bare = taxonomy.model_copy(update={"issues": tuple(i.model_copy(update={"keywords": ()}) for i in taxonomy.issues)})
        assert "ceasefire" in _ids(issues_named("They talked of a ceasefire.", bare))
        assert "energy-truce" not in _ids(issues_named("They talked of refineries.", bare))


class TestClaimType:
    NAMES = ["Russia", "Moscow", "Sergey Lavrov", "Lavrov"]

    @pytest.fixture(autouse=True)
    def _taxonomy(self, taxonomy):
        self.taxonomy = taxonomy

    def _claim(self, text):
        return claim_type(text, 0, len(text), self.NAMES)[0]

    def test_quotation_of_the_speaker_is_stated(self):
        assert self._claim('Lavrov said: "We will never accept a ceasefire."') == "stated"

    def test_reporting_verb_is_reported(self):
        assert self._claim("Lavrov rejected the ceasefire proposal.") == "reported"

    def test_according_to_is_reported(self):
        assert self._claim("According to the Financial Times, Russia would stop the strikes.") == "reported"

    def test_an_office_of_the_party_is_its_speaker(self):
        names = names_for("russia", None, self.taxonomy)
        text = "Russia’s foreign minister repeated that a ceasefire is unacceptable."
        assert claim_type(text, 0, len(text), names)[0] == "reported"
        text = "Russia’s economy repeated its slide, and the ceasefire is unacceptable."
        assert claim_type(text, 0, len(text), names)[0] == "assessment"

    def test_the_articles_words_are_assessment(self):
        assert self._claim("A mere ceasefire would imply the solidification of the current situation for Moscow.") == "assessment"

    def test_quotation_not_attributed_is_not_stated(self):
        assert self._claim('The "hostile fortress" is how Moscow sees it, this article argues.') != "stated"


class TestConfidence:
    def test_hedges_keep_it_below_high(self):
        assert confidence("Russia might stop, and could agree.", "reported") == ("low", ["might", "could"])
        assert confidence("Russia might stop.", "reported") == ("medium", ["might"])

    def test_no_hedge(self):
        assert confidence("Russia stopped.", "reported") == ("high", [])
        assert confidence("Russia stopped.", "assessment") == ("medium", [])


class TestStance:
    def test_rejection_and_firm(self):
        assert stance("Lavrov rejected the proposal.")[0] == "rejection"
        assert stance("Estonia would not accept the settlement.")[0] == "rejection"
        assert stance("Estonia would accept the settlement.")[0] != "rejection"
        assert stance("Lavrov said it is completely unacceptable.")[0] == "firm-rejection"

    def test_conditional(self):
        assert stance("Russia would stop in exchange for a pause.")[0] == "conditional"

    def test_support_and_firm(self):
        assert stance("Ukraine sought a ceasefire.")[0] == "support"
        assert stance("Ukraine sought a ceasefire that must be complete.")[0] == "firm-support"

    def test_no_word_is_ambiguous(self):
        assert stance("The talks took place in the capital.") == ("ambiguous", [])


class TestDates:
    @pytest.mark.parametrize(
        ("phrase", "edtf"),
        [
            ("January 23 and 24, 2026", "2026-01-23/2026-01-24"),
            ("From January 23 to 24, they met", "2026-01-23/2026-01-24"),
            ("On January 29, he spoke", "2026-01-29"),
            ("on February 24, 2022, there", "2022-02-24"),
            ("on 29 January 2026", "2026-01-29"),
            ("repeated on 29 January that", "2026-01-29"),
            ("in January 2026", "2026-01"),
            ("in the spring of 2022", "2022-21"),
            ("30/01/2026", "2026-01-30"),
        ],
    )
    def test_forms(self, phrase, edtf):
        assert [found.edtf for found in dates_in(phrase, PUBLISHED)] == [edtf]

    def test_a_day_without_year_is_never_after_publication(self):
        assert dates_in("On December 29, he spoke", PUBLISHED)[0].edtf == "2025-12-29"

    def test_the_dateline_gives_the_year(self):
        assert dateline("Title\nA note.\n03/02/2026\n\nOn 29 January he spoke.") == dt.date(2026, 2, 3)
        assert dateline("Title\nOn 29 January 2026 he spoke, and more.") is None  # a date in a sentence is no dateline

    def test_vague_phrases_are_not_read(self):
        assert dates_in("since last winter, several days after the talks", PUBLISHED) == []
        assert dates_in("On January 29, he spoke") == []  # no year, and no publication date to take it from


class TestProposals:
    TEXT = (
        "On January 29, Lavrov rejected the ceasefire proposal.\n"
        "He made it clear that even a 60-day ceasefire is unacceptable to us.\n"
        "The weather was mild.\n"
        "Poland fears for its security guarantees.\n"
    )

    def test_each_quote_is_the_text_at_its_offsets(self, taxonomy):
        for proposal in propose(self.TEXT, taxonomy, PUBLISHED):
            assert self.TEXT[proposal.start : proposal.end] == proposal.quote

    def test_position_event_impact_and_reasons(self, taxonomy):
        found = propose(self.TEXT, taxonomy, PUBLISHED)
        kinds = [(p.kind, p.party or p.region, p.quote[:12]) for p in found]
        assert ("position", "russia", "On January 2") in kinds
        assert ("event", "russia", "On January 2") in kinds
        assert ("impact", "poland", "Poland fears") in kinds
        pronoun = next(p for p in found if p.quote.startswith("He made"))
        assert (pronoun.party, pronoun.claim_type, pronoun.stance) == ("russia", "stated", "firm-rejection")
        assert pronoun.date == "2026-01-29" or pronoun.date is None
        first = found[0]
        assert first.reasons["party"] == ["Lavrov"] and first.reasons["date"] == ["January 29"]
        assert first.claim_type == "reported" and first.reasons["claim_type"] == ["rejected"]

    def test_a_sentence_without_party_or_issue_gives_nothing(self, taxonomy):
        assert propose("The weather was mild.\n", taxonomy, PUBLISHED) == []

    def test_an_impact_takes_its_paragraphs_issue_when_it_names_none(self, taxonomy):
        text = "Moscow rejected the ceasefire. Warsaw read it as a bad sign.\nTallinn read it as a bad sign.\n"
        impacts = {p.quote[:7]: p for p in propose(text, taxonomy, PUBLISHED) if p.kind == "impact"}
        assert impacts["Warsaw "].issues == ("ceasefire",) and "earlier in its paragraph" in impacts["Warsaw "].reasons["issues"][0]
        assert impacts["Tallinn"].issues == ()  # another paragraph: nothing to borrow

    def test_a_region_named_with_an_issue_gets_a_position_too(self, taxonomy):
        found = propose("Estonia would not accept any settlement that rewards the seizure of territory.\n", taxonomy, PUBLISHED)
        assert {(p.kind, p.party or p.region) for p in found} == {("position", "estonia"), ("impact", "estonia")}

    def test_an_undated_sentence_is_no_event(self, taxonomy):
        assert [p.kind for p in propose("Lavrov rejected the ceasefire proposal.\n", taxonomy, PUBLISHED)] == ["position"]


class TestMissingNames:
    def test_names_the_taxonomy_lacks_with_counts(self, taxonomy):
        text = "The UAE hosted talks. The European Union and the UAE met. Officials of the European Union spoke."
        assert missing_names(text, taxonomy) == [("European Union", 2), ("UAE", 2)]

    def test_known_names_and_sentence_starts_are_not_listed(self, taxonomy):
        assert missing_names("Moscow and Kyiv met. However, Lavrov spoke. Zelensky left.", taxonomy) == []


class TestCommand:
    def test_json_is_a_list_of_proposals(self, capsys):
        assert main(["draft", "lavrov-red-line-2026-01-30.txt", "--brief", "lavrov-red-line-2026-01", "--format", "json"]) == 0
        proposals = json.loads(capsys.readouterr().out)
        keys = {"kind", "party", "issues", "region", "claim_type", "stance", "confidence", "date", "quote", "start", "end", "reasons"}
        assert proposals and all(keys <= set(p) for p in proposals)

    def test_yaml_is_marked_as_a_draft(self, tmp_path, capsys):
        out = tmp_path / "draft.yaml"
        assert main(["draft", "lavrov-red-line-2026-01-30.txt", "--out", str(out)]) == 0
        text = out.read_text()
        assert text.startswith("# DRAFT") and yaml.safe_load(text)["draft"] is True
        assert {"name": "Abu Dhabi", "count": 3} in yaml.safe_load(text)["names_not_in_taxonomy"]

    def test_never_written_into_the_briefs(self, capsys):
        assert main(["draft", "lavrov-red-line-2026-01-30.txt", "--out", str(CORPUS / "data" / "briefs" / "draft.yaml")]) == 1
        assert "a draft is not a brief" in capsys.readouterr().err
        assert not (CORPUS / "data" / "briefs" / "draft.yaml").exists()


def test_recall_on_the_lavrov_brief(taxonomy):
    """The figures docs/adding-a-brief.md gives: at least 70% of the records found, at most 2 proposals a record."""
    corpus = load_corpus(layout=Layout(CORPUS))
    brief = next(b for b in corpus.briefs if b.id == "lavrov-red-line-2026-01")
    text = (CORPUS / "seeds" / "lavrov-red-line-2026-01-30.txt").read_bytes().decode("utf-8")
    result = measure(brief, text, propose(text, taxonomy, brief.published))
    assert (result.records, result.found, result.proposals) == (63, 53, 91)
    assert result.recall >= 0.7 and result.ratio <= 2.0


class TestCoverage:
    def test_figure_and_uncited_sentences(self, capsys):
        assert main(["validate", "--coverage"]) == 0
        out = capsys.readouterr().out
        assert "coverage: lavrov-red-line-2026-01 (lavrov-red-line): 57 of 64 sentences cited" in out
        assert "  not cited 9752-9771: Reference materials" in out

    def test_a_cited_sentence_is_not_listed(self, capsys):
        assert main(["validate", "--coverage"]) == 0
        out = capsys.readouterr().out
        assert "not cited 104-" not in out and "Lavrov clearly rejected" not in out  # cited by several records

    def test_without_the_switch_no_coverage(self, capsys):
        assert main(["validate"]) == 0
        assert "coverage:" not in capsys.readouterr().out


class TestAccepted:
    def test_a_pasted_record_must_be_completed_then_fill_and_validate_strict_accept_it(self, tmp_path, monkeypatch, capsys):
        """draft → paste its record into a new brief → write the null fields → fill → validate --strict."""
        shutil.copytree(CORPUS, tmp_path / "root")
        monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path / "root"))
        example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "baltic-capitals-note.txt"
        title, published = "Baltic Capitals Weigh the Ceasefire Debate", "2026-02-03"
        assert main(["new", str(example), "--id", "baltic-capitals-2026-02", "--title", title, "--published", published]) == 0
        assert main(["draft", "baltic-capitals-note.txt", "--brief", "baltic-capitals-2026-02", "--out", str(tmp_path / "d.yaml")]) == 0
        drafted = yaml.safe_load((tmp_path / "d.yaml").read_text())["proposals"]
        record = next(p["record"] for p in drafted if p["kind"] == "position" and p["party"] == "russia")
        assert record["id"] == "bc-pos-russia-ceasefire" and record["summary"] is None
        brief = tmp_path / "root" / "data" / "briefs" / "baltic-capitals-2026-02.yaml"
        skeleton = brief.read_text(encoding="utf-8")
        brief.write_text(skeleton + yaml.safe_dump({"positions": [record]}, allow_unicode=True), encoding="utf-8")
        capsys.readouterr()
        assert main(["validate", "--strict"]) == 1  # the nulls: nothing pasted passes unread
        assert "summary" in capsys.readouterr().out
        record |= {"summary": "Russia's foreign minister calls a ceasefire of 60 days or longer unacceptable.", "reported_by": "the note"}
        brief.write_text(skeleton + yaml.safe_dump({"positions": [record]}, allow_unicode=True), encoding="utf-8")
        assert main(["fill", str(brief)]) == 0
        assert main(["validate", "--strict"]) == 0
