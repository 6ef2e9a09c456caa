"""Readings a briefer can defend, on the test corpus: verdicts with confidence, inputs and contradictions; the
illustrative brief labelled everywhere; editorial warnings shown per brief; the export's verdicts table."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from briefing.export import to_csv_tables, to_json
from briefing.frames import Selection
from briefing.load import Layout
from briefing.negotiation import view_verdicts
from briefing.pack import pack_html, pack_markdown
from briefing.store import load_frames
from briefing.vocabulary import CONFIDENCE_WORDS
from components.provenance import ILLUSTRATIVE_WORDS
from tests.app.helpers import linked_markups, markdown_texts, run_page
from tests.cli import run_command
from tests.conftest import CORPUS

FOLLOW_UP = "energy-truce-follow-up-2026-02"


@pytest.fixture(scope="module")
def frames():
    return load_frames(Layout(root=CORPUS))


def page_links(app) -> list[str]:
    return [link.proto.label for link in app.get("page_link")]


class TestNegotiation:
    def test_every_verdict_shows_its_confidence_and_the_records_it_rests_on(self, frames):
        app = run_page("negotiation")
        assert not app.exception
        verdicts = [m.value for m in app.markdown if m.value.endswith(" confidence") and "** · " in m.value]
        # the issues without a verdict are folded into one line; every other issue has its own panel
        assert len(verdicts) == len([v for v in view_verdicts(frames) if v.verdict != "insufficient"])
        links = set(page_links(app))
        for verdict in view_verdicts(frames):  # named for readers: who, when and whose words (and whose place, if alike)
            for record in (*verdict.rests_on, *verdict.contested_by):
                assert any(link.startswith(frames.record_label(record)) for link in links), (verdict.issue, record)
        audited = {link.split(" · ")[-1] for link in page_links(run_page("negotiation", audit="1"))}
        for verdict in view_verdicts(frames):  # with the audit details, each by its id too
            assert set(verdict.rests_on) <= audited, verdict.issue
            assert set(verdict.contested_by) <= audited, verdict.issue

    def test_the_energy_truce_verdict_depends_on_which_report_holds(self, frames):
        # Russia's headline on the energy truce is the official denial, which points no way; the Financial Times
        # account and the analysts' readings point other ways: the space gives the outcome under each, never one
        app = run_page("negotiation", issue="energy-truce")
        text = " ".join(m.value for m in app.markdown)
        truce = next(v for v in view_verdicts(frames) if v.issue == "energy-truce")
        assert f"**{truce.icon} {truce.label}** · {CONFIDENCE_WORDS[truce.confidence]}" in text
        readings = " ".join(element.proto.body for element in app.get("html") if "verdict-readings" in element.proto.body)
        assert "<b>Touching</b> if Financial Times, 23–24 January 2026 (as reported, low confidence) holds" in readings
        assert "<b>No verdict</b> if Russia (as reported, high confidence) holds" in readings
        assert "Touching:" not in text  # never a plain "touching" beside a reported denial
        assert "pos-russia-energy-truce-denial" not in text + readings  # the record's id is an audit detail
        assert "Russia (as reported)" in set(page_links(app))
        audited = run_page("negotiation", issue="energy-truce", audit="1")
        ids = {link.split(" · ")[-1] for link in page_links(audited)}
        assert {"pos-russia-energy-truce-denial", "pos-ukraine-energy-truce-reported"} <= ids
        assert "step" not in text.lower().replace("steps:", "")  # no counted gaps

    def test_the_analysts_range_is_shown_and_labelled_as_such(self):
        app = run_page("negotiation", issue="security-guarantees")
        text = " ".join(m.value for m in app.markdown)
        assert "The analyst's reading of its range** (not counted in the verdict)" in text


class TestIllustrative:
    @pytest.mark.parametrize("page", ["overview", "matrix", "timeline", "regional", "sources", "negotiation", "present"])
    def test_every_view_labels_the_illustrative_brief(self, page):
        app = run_page(page)
        assert any("Illustrative" in m.value and ILLUSTRATIVE_WORDS in m.value for m in app.markdown), page

    def test_no_label_when_the_illustrative_brief_is_filtered_out(self, frames):
        other = next(b for b in frames.briefs["id"] if b != FOLLOW_UP)
        app = run_page("overview", brief=other)
        assert not any("in-house note" in m.value or ILLUSTRATIVE_WORDS in m.value for m in app.markdown)

    def test_the_cell_details_mark_its_records(self):
        app = run_page("matrix", cell="russia:energy-truce")
        (cards,) = linked_markups(app)
        assert "Illustrative brief: Illustrative" in cards
        assert '<span class="card-badge" title="Headline of the cell">' in cards and ">Disagrees with the headline<" in cards

    def test_export_and_pack_carry_the_label(self, frames):
        briefs = {b["id"]: b for b in json.loads(to_json(frames))["briefs"]}
        assert "illustrative" in briefs[FOLLOW_UP]["provenance"].lower() and briefs[FOLLOW_UP]["illustrative"] is True
        assert "[Illustrative] Revisiting the Energy Truce" in pack_markdown(frames)
        assert "[Illustrative] Revisiting the Energy Truce" in pack_html(frames)


class TestEditorial:
    def test_the_editors_note_and_the_ladder_are_shown(self):
        app = run_page("overview")
        text = " ".join(markdown_texts(app))
        assert "Editor's note" in text and "nearly two years" in text
        assert any(h.value == "Escalation ladders" for h in app.header)
        assert "Minimum requirement:" in text and "Possible higher demand:" in text

    def test_a_brief_with_warnings_gets_a_data_quality_note(self, tmp_path, monkeypatch):
        shutil.copytree(CORPUS / "data", tmp_path / "data")
        shutil.copytree(CORPUS / "seeds", tmp_path / "seeds")
        brief = tmp_path / "data" / "briefs" / "lavrov-red-line-2026-01.yaml"
        text = brief.read_text(encoding="utf-8")
        # the author's hedged reading at high confidence: a warning, not an error
        brief.write_text(
            text.replace(
                "  - id: kj-shift-to-territorial-legal-demands\n    issues: [territorial-status, "
                "demilitarization-neutrality]\n    confidence: medium",
                "  - id: kj-shift-to-territorial-legal-demands\n    issues: [territorial-status, "
                "demilitarization-neutrality]\n    confidence: high",
                1,
            ),
            encoding="utf-8",
        )
        monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
        app = run_page("overview")
        notes = [e.label for e in app.expander if e.label.startswith("Data-quality note")]
        assert notes == [
            "Data-quality note: 1 reading(s) in “Lavrov Draws the Red Line: An Analysis of Russia's Security "
            "Guarantee Conditions for Ukraine” may claim more than their quotes say"
        ]
        assert any("hedged-quote-high-confidence" in c.value for c in app.code)

    def test_no_note_on_clean_data(self):
        assert not [e for e in run_page("overview").expander if e.label.startswith("Data-quality note")]


class TestExportVerdicts:
    def test_json_has_a_verdicts_table(self, frames):
        verdicts = {v["issue"]: v for v in json.loads(to_json(frames, Selection(issues=("energy-truce",))))["verdicts"]}
        energy = verdicts["energy-truce"]
        assert list(energy) == ["issue", "verdict", "confidence", "rests_on", "contested_by", "uncertain", "explanation", "readings"]
        assert (energy["verdict"], energy["confidence"], energy["uncertain"]) == ("depends", "low", True)
        assert energy["rests_on"][:2] == ["pos-russia-energy-truce-denial", "pos-ukraine-energy-truce-reported"]
        assert [r["outcome"] for r in energy["readings"]] == ["insufficient", "touching", "no-intersection"]
        assert "touching if Financial Times, 23–24 January 2026 (as reported, low confidence) holds" in energy["explanation"]

    def test_csv_has_a_verdicts_table(self, frames):
        rows = list(csv.DictReader(io.StringIO(to_csv_tables(frames)["verdicts"])))
        assert {row["issue"] for row in rows} == set(frames.positions["issue"])
        energy = next(row for row in rows if row["issue"] == "energy-truce")
        assert energy["rests_on"].split(";")[:2] == ["pos-russia-energy-truce-denial", "pos-ukraine-energy-truce-reported"]
        assert [r["outcome"] for r in json.loads(energy["readings"])] == ["insufficient", "touching", "no-intersection"]

    def test_the_cli_writes_it(self, tmp_path):
        result = run_command("export", "--format", "csv", "--out", str(tmp_path), root=CORPUS)
        assert result.returncode == 0, result.stderr
        header = (tmp_path / "verdicts.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == "issue,verdict,confidence,rests_on,contested_by,uncertain,explanation,readings"

    def test_the_pack_gives_every_verdict_its_confidence_and_inputs(self, frames):
        document = pack_markdown(frames, Selection(issues=("energy-truce",)))
        assert "(low confidence)" in document
        assert "Rests on: pos-russia-energy-truce-denial, pos-ukraine-energy-truce-reported, " in document
        assert "Depends on which report holds: no verdict, touching or no overlap" in document
