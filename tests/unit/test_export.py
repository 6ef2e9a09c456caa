import csv
import io
import json

import pytest

from briefing.export import DERIVED_TABLES, EXPORT_TABLES, READING_FIELDS, export_records, to_csv_tables, to_json, write_export
from briefing.frames import RECORD_TABLES, Frames, Selection, build_frames


def strict_json(text: str):
    """Parse JSON, refusing NaN and Infinity, which are not JSON."""

    def refuse(name):
        raise ValueError(f"{name} in exported JSON")

    return json.loads(text, parse_constant=refuse)


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def frames(make_project) -> Frames:
    project = make_project("export")
    project.write("alpha.yaml", project.brief())
    corpus = project.load()
    assert corpus.problems == ()
    return build_frames(corpus)


class TestJson:
    def test_tables(self, frames):
        data = strict_json(to_json(frames))
        assert list(data) == [
            "briefs",
            "parties",
            "issues",
            "positions",
            "events",
            "impacts",
            "judgments",
            "ladders",
            "notes",
            "cells",
            "verdicts",
        ]
        assert list(data) == [*EXPORT_TABLES, *DERIVED_TABLES]
        assert [len(data[name]) for name in RECORD_TABLES] == [3, 2, 1, 1, 0, 0]

    def test_every_record_carries_its_evidence(self, frames):
        data = strict_json(to_json(frames))
        for name in RECORD_TABLES:
            for record in data[name]:
                assert record["evidence"], record["id"]
                for span in record["evidence"]:
                    assert list(span) == ["id", "seed", "start", "end", "quote"]
                    assert frames.seed_texts[span["seed"]][span["start"] : span["end"]] == span["quote"]

    def test_evidence_values(self, frames, project):
        data = strict_json(to_json(frames))
        position = next(p for p in data["positions"] if p["id"] == "alpha-southland-ceasefire")
        assert position["evidence"] == [
            project.span("alpha-ev-call", "call"),
            project.span("alpha-ev-repeated", "repeated"),
        ]

    def test_plain_values(self, frames):
        data = strict_json(to_json(frames))
        position = next(p for p in data["positions"] if p["id"] == "alpha-southland-ceasefire")
        assert (position["date"], position["date_start"], position["date_end"], position["date_precision"]) == (
            "2022-21", "2022-03-01", "2022-05-31", "season",
        )  # fmt: skip
        assert position["stance_rank"] == 1
        undated = next(p for p in data["positions"] if p["id"] == "alpha-southland-energy")
        assert (undated["date"], undated["date_start"], undated["speaker"], undated["reported_by"]) == (None, None, None, None)
        assert data["briefs"][0]["published"] == "2026-01-30"
        assert data["parties"][3]["members"] == ["northland", "southland"]

    def test_unicode_is_kept(self, frames):
        text = to_json(frames)
        assert "“quotes” — are unicode: é" in text
        assert "✖✖" in text

    def test_issue_filter(self, frames):
        data = strict_json(to_json(frames, Selection(issues=("ceasefire",))))
        assert [p["issue"] for p in data["positions"]] == ["ceasefire", "ceasefire"]
        assert all("ceasefire" in e["issues"] for e in data["events"])
        assert [i["id"] for i in data["impacts"]] == ["alpha-border-impact"]
        assert data["judgments"] == []
        assert len(data["parties"]) == 4 and len(data["issues"]) == 2  # reference tables stay whole

    def test_records_match_json(self, frames):
        assert strict_json(to_json(frames)) == export_records(frames)


class TestCsv:
    def test_one_text_per_table_plus_evidence(self, frames):
        tables = to_csv_tables(frames)
        assert list(tables) == [*EXPORT_TABLES, *DERIVED_TABLES, "evidence"]

    def test_evidence_csv(self, frames):
        rows = read_csv(to_csv_tables(frames)["evidence"])
        assert list(rows[0]) == ["record_kind", "record_id", "role", "id", "seed", "start", "end", "quote"]
        assert len(rows) == 8
        first = rows[0]
        assert (first["record_kind"], first["record_id"], first["id"]) == ("position", "alpha-northland-ceasefire", "alpha-ev-reject")
        for span in rows:
            assert frames.seed_texts[span["seed"]][int(span["start"]) : int(span["end"])] == span["quote"]
        assert {r["record_kind"] for r in rows} == {"position", "event", "impact", "judgment"}

    def test_record_csv_lists_evidence_ids(self, frames):
        rows = {r["id"]: r for r in read_csv(to_csv_tables(frames)["positions"])}
        assert rows["alpha-southland-ceasefire"]["evidence"] == "alpha-ev-call;alpha-ev-repeated"
        assert rows["alpha-southland-energy"]["speaker"] == ""
        assert rows["alpha-northland-ceasefire"]["stance_symbol"] == "✖✖"

    def test_lists_are_joined(self, frames):
        parties = {r["id"]: r for r in read_csv(to_csv_tables(frames)["parties"])}
        assert parties["border-region"]["members"] == "northland;southland"
        assert parties["mediators"]["members"] == ""

    def test_issue_filter(self, frames):
        tables = to_csv_tables(frames, Selection(issues=("energy-truce",)))
        assert [r["issue"] for r in read_csv(tables["positions"])] == ["energy-truce"]
        assert read_csv(tables["impacts"]) == []
        assert tables["impacts"].splitlines()[0].startswith("id,brief,region,")  # an empty table keeps its header
        assert {r["record_id"] for r in read_csv(tables["evidence"])} == {"alpha-southland-energy", "alpha-energy-talks", "alpha-judgment"}


class TestWrite:
    def test_json_file(self, frames, tmp_path):
        out = tmp_path / "sub" / "export.json"
        assert write_export(frames, "json", out=out) == [out]
        assert strict_json(out.read_text(encoding="utf-8")) == export_records(frames)

    def test_json_to_stdout(self, frames, capsys):
        assert write_export(frames, "json", issues=("energy-truce",)) == []
        data = strict_json(capsys.readouterr().out)
        assert [p["id"] for p in data["positions"]] == ["alpha-southland-energy"]

    def test_csv_folder(self, frames, tmp_path):
        written = write_export(frames, "csv", out=tmp_path / "csv")
        assert sorted(p.name for p in written) == sorted(f"{name}.csv" for name in (*EXPORT_TABLES, *DERIVED_TABLES, "evidence"))
        assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(p.name for p in written)
        assert len(read_csv((tmp_path / "csv" / "evidence.csv").read_text(encoding="utf-8"))) == 8

    def test_unknown_format(self, frames, tmp_path):
        with pytest.raises(ValueError, match="unknown export format 'xml'; use json or csv"):
            write_export(frames, "xml", out=tmp_path / "x")


@pytest.fixture(scope="module")
def corpus() -> Frames:
    """The fixed test corpus, whose energy truce depends on which report holds."""
    from briefing.load import Layout
    from briefing.store import load_frames
    from tests.conftest import CORPUS

    return load_frames(Layout(root=CORPUS))


class TestVerdictReadings:
    """The verdicts table's readings column: each outcome of a verdict that depends on which report holds."""

    def test_json_gives_a_list_of_objects(self, corpus):
        verdicts = {row["issue"]: row for row in strict_json(to_json(corpus))["verdicts"]}
        truce = verdicts["energy-truce"]
        assert truce["verdict"] == "depends"
        assert [list(reading) for reading in truce["readings"]] == [list(READING_FIELDS)] * len(truce["readings"])
        touching = next(reading for reading in truce["readings"] if reading["outcome"] == "touching")
        assert touching == {
            "outcome": "touching",
            "rests_on": ["pos-russia-energy-truce-reported", "etf-pos-russia-energy-truce-assessment", "pos-ukraine-energy-truce-reported"],
            "label": "Financial Times, 23–24 January 2026 (as reported)",
            "claim_type": "reported",
            "confidence": "low",
        }
        assert verdicts["ceasefire"]["readings"] == []  # nothing contests the ceasefire's places

    def test_csv_holds_the_same_list_as_json_text(self, corpus):
        rows = {row["issue"]: row for row in read_csv(to_csv_tables(corpus)["verdicts"])}
        exported = {row["issue"]: row for row in export_records(corpus)["verdicts"]}
        assert all(json.loads(row["readings"]) == exported[issue]["readings"] for issue, row in rows.items())
        assert rows["ceasefire"]["readings"] == "[]"

    def test_an_empty_view_still_names_the_column(self, corpus):
        header = to_csv_tables(corpus, Selection(issues=("no-such-issue",)))["verdicts"].splitlines()[0]
        assert header.split(",")[-1] == "readings"
