"""Loading one brief is a boundary: whatever one file raises while it is read, validated or tabled becomes a
problem naming that file (and the record path where it can be found), the traceback goes to the log, and every
other brief still loads. The faults are injected where the real code calls out, with tests/faulty.py's helper.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import frames as frames_module
from briefing import load, schema
from briefing.cli import main
from briefing.frames import build_frames
from briefing.load import Corpus, load_corpus
from tests.faulty import FAULT, faulty, inject
from tests.support.boundary import ALPHA, BETA, GAMMA, ISSUE_DATE, PROBLEM_LINE, build_boundary_root
from tests.support.tiny_project import TinyProject

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path) -> TinyProject:
    return build_boundary_root(tmp_path)


@pytest.fixture
def faulty_validation(monkeypatch):
    inject(monkeypatch.setattr)


def loaded_ids(corpus: Corpus) -> list[str]:
    return [brief.id for brief in corpus.briefs]


class TestValidationFault:
    def test_the_faulty_brief_is_a_located_problem_and_the_others_load(self, project, faulty_validation, caplog):
        corpus = load_corpus(layout=project.layout)
        assert loaded_ids(corpus) == ["beta", "gamma"]
        (problem,) = corpus.problems
        assert (problem.file, problem.location) == (ALPHA, "positions[0].date")
        assert problem.message == f"unexpected RuntimeError while checking it: {FAULT} (the server log has the traceback)"
        (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
        assert record.name == "briefing.load" and ALPHA in record.getMessage() and "positions[0].date" in record.getMessage()
        assert record.exc_info and isinstance(record.exc_info[1], RuntimeError)

    def test_the_frames_keep_the_others_and_the_problem(self, project, faulty_validation):
        corpus = load_corpus(layout=project.layout)
        frames = build_frames(corpus)
        assert list(frames.briefs["id"]) == ["beta", "gamma"]
        assert frames.problems == corpus.problems
        assert not frames.evidence["brief"].eq("alpha").any()

    def test_without_the_fault_every_brief_loads(self, project):
        corpus = load_corpus(layout=project.layout)
        assert (loaded_ids(corpus), corpus.problems) == (["alpha", "beta", "gamma"], ())


class TestTheIssuesDate:
    def test_it_loads_with_its_uncertainty_in_the_label(self, project):
        frames = build_frames(load_corpus(layout=project.layout))
        position = frames.positions.set_index("id").loc["gamma-northland-ceasefire"]
        event = frames.events.set_index("id").loc["gamma-geneva-talks"]
        for row in (position, event):
            assert (row["date"], row["date_precision"]) == (ISSUE_DATE, "exact day, year and month uncertain")
            assert row["date_start"] == row["date_end"] == frames_module.build.pd.Timestamp("2026-01-29")


class TestFaultAtEachStage:
    """One brief's failure at any stage is its own problem; the taxonomy's is named and stops nothing else."""

    def test_reading(self, project, monkeypatch):
        real = load.parse_yaml

        def parse_yaml(raw: bytes):
            if raw.startswith(b"id: alpha\n"):
                raise MemoryError("injected while parsing")
            return real(raw)

        monkeypatch.setattr(load.corpus, "parse_yaml", parse_yaml)
        corpus = load_corpus(layout=project.layout)
        assert loaded_ids(corpus) == ["beta", "gamma"]
        assert [str(p) for p in corpus.problems] == [
            f"{ALPHA}: unexpected MemoryError while checking it: injected while parsing (the server log has the traceback)"
        ]

    def test_a_seed(self, project, monkeypatch):
        real = load.corpus._SeedReader.read

        def read(self, seed):
            if seed.id == project.other_seed_id:
                raise UnicodeError("injected while reading the seed")
            return real(self, seed)

        monkeypatch.setattr(load.corpus._SeedReader, "read", read)
        corpus = load_corpus(layout=project.layout)
        assert loaded_ids(corpus) == ["alpha", "gamma"]
        (problem,) = corpus.problems
        assert (problem.file, problem.location) == (BETA, "seeds[0]")
        assert problem.message.startswith("unexpected UnicodeError while checking it: injected while reading the seed")

    def test_a_record_check(self, project, monkeypatch):
        real = schema.records._unknown

        def unknown(kind, ids, known_ids):
            if kind == "region (party)":
                raise KeyError("injected in a record check")
            return real(kind, ids, known_ids)

        monkeypatch.setattr(schema.records, "_unknown", unknown)
        corpus = load_corpus([project.layout.briefs / "beta.yaml"], layout=project.layout)
        assert loaded_ids(corpus) == []
        (problem,) = corpus.problems
        assert (problem.file, problem.location) == (BETA, "impacts[0]")  # every field alone is valid: the record is named
        assert problem.message.startswith("unexpected KeyError while checking it: 'injected in a record check'")

    def test_the_compiled_cache(self, project, monkeypatch, tmp_path_factory):
        def get(self, raw: bytes):
            if b"id: gamma\n" in raw:
                raise EOFError("injected in the cache")
            return None

        monkeypatch.setattr(load.corpus._Compiled, "get", get)
        corpus = load_corpus(layout=project.layout, compiled=tmp_path_factory.mktemp("compiled"))
        assert loaded_ids(corpus) == ["alpha", "beta"]
        assert [(p.file, p.location) for p in corpus.problems] == [(GAMMA, "")]

    def test_the_editorial_checks(self, project, monkeypatch):
        real = load.corpus.editorial_findings

        def editorial_findings(brief, taxonomy, texts):
            if brief.id == "beta":
                raise IndexError("injected in an editorial check")
            return real(brief, taxonomy, texts)

        monkeypatch.setattr(load.corpus, "editorial_findings", editorial_findings)
        corpus = load_corpus(layout=project.layout)
        assert loaded_ids(corpus) == ["alpha", "gamma"]
        assert [str(p) for p in corpus.problems] == [
            f"{BETA}: unexpected IndexError while running the editorial checks: "
            "injected in an editorial check (the server log has the traceback)"
        ]

    def test_the_taxonomy(self, project, monkeypatch):
        def duplicates(ids):
            raise ZeroDivisionError("injected in the taxonomy check")

        monkeypatch.setattr(schema.taxonomy, "_duplicates", duplicates)
        corpus = load_corpus(layout=project.layout)
        assert corpus.taxonomy is None and corpus.briefs == ()
        (problem,) = corpus.problems
        assert problem.file == "data/taxonomy.yaml"
        assert problem.message.startswith("unexpected ZeroDivisionError while checking it: injected in the taxonomy check")
        assert list(build_frames(corpus).briefs["id"]) == []

    def test_tabling_one_brief_leaves_no_row_of_it(self, project, monkeypatch):
        monkeypatch.setattr(frames_module.build, "parse_date", faulty(frames_module.build.parse_date, ISSUE_DATE))
        corpus = load_corpus(layout=project.layout)
        assert corpus.problems == ()
        frames = build_frames(corpus)
        assert list(frames.briefs["id"]) == ["alpha", "beta"]
        for table in ("positions", "events", "impacts", "judgments", "evidence"):
            assert not frames.table(table)["brief"].eq("gamma").any(), table
        assert [str(p) for p in frames.problems] == [
            f"{GAMMA}: unexpected RuntimeError while preparing it for display: {FAULT} (the server log has the traceback)"
        ]
        assert len(frames.evidence) == 16  # alpha's and beta's eight spans each, none of gamma's


class TestValidateCommand:
    def test_no_traceback_in_the_output(self, project, faulty_validation, capsys, monkeypatch):
        monkeypatch.setenv("BRIEFING_ROOT", str(project.root))
        assert main(["validate"]) == 1
        out, err = capsys.readouterr()
        assert out.splitlines() == [PROBLEM_LINE]
        assert "Traceback" not in out + err
        assert err.splitlines() == [
            f"ERROR briefing.load: unexpected error in {ALPHA} at positions[0].date while checking it (traceback omitted)",
            "1 problem(s); 2 brief(s) valid",
        ]

    def test_a_real_process_exits_1_with_problem_lines_only(self, project):
        env = {**os.environ, "BRIEFING_ROOT": str(project.root)}
        result = subprocess.run(
            [sys.executable, "-m", "tests.faulty", "briefing", "validate"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert result.stdout.splitlines() == [PROBLEM_LINE]
        assert "Traceback" not in result.stdout + result.stderr
        assert result.stderr.splitlines()[-1] == "1 problem(s); 2 brief(s) valid"
