import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing import cli

ROOT = Path(__file__).resolve().parents[2]
SEED_FILE = "lavrov-red-line-2026-01-30.txt"
SUMMARY = re.compile(r"^(\d+) brief\(s\) valid; taxonomy: (\d+) parties, (\d+) issues$")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )


def brief_on_the_real_seed(start: int, end: int) -> dict:
    """A brief citing the shipped seed with the given offsets for one known quote."""
    raw = (ROOT / "seeds" / SEED_FILE).read_bytes()
    return {
        "id": "cli-check",
        "title": "CLI check",
        "published": "2026-01-30",
        "seeds": [{"id": "cli-check-seed", "file": SEED_FILE, "sha256": hashlib.sha256(raw).hexdigest()}],
        "positions": [
            {
                "id": "cli-check-russia-ceasefire",
                "party": "russia",
                "issue": "ceasefire",
                "stance": "rejection",
                "summary": "The article reports that Lavrov rejected the ceasefire proposal.",
                "speaker": "lavrov",
                "reported_by": "the article",
                "date": "2026-01-29",
                "claim_type": "reported",
                "confidence": "high",
                "evidence": [{"id": "cli-check-ev", "seed": "cli-check-seed", "start": start, "end": end, "quote": QUOTE}],
            }
        ],
    }


QUOTE = "clearly rejected the ceasefire proposal"


def seed_text() -> str:
    return (ROOT / "seeds" / SEED_FILE).read_text(encoding="utf-8")


class TestSubprocess:
    """The commands as a user runs them, from the project root, on the shipped data."""

    def test_validate_shipped_data(self):
        result = run("validate")
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        match = SUMMARY.match(lines[-1])
        assert match, lines
        briefs = int(match.group(1))
        assert briefs >= 1
        assert int(match.group(2)) >= 1 and int(match.group(3)) >= 1
        ok = [line for line in lines if line.startswith("ok data/briefs/")]
        assert len(ok) == briefs
        assert all(line.endswith("evidence spans verified") for line in ok)

    def test_validate_a_bad_file(self, tmp_path):
        start = seed_text().find(QUOTE)
        assert start > 0
        path = tmp_path / "bad.yaml"
        path.write_text(yaml.safe_dump(brief_on_the_real_seed(0, len(QUOTE)), sort_keys=False), encoding="utf-8")
        result = run("validate", str(path))
        assert result.returncode == 1
        assert result.stdout.splitlines() == [
            f"{path}:20:5: positions[0].evidence[0] (cli-check-russia-ceasefire): quote is not the seed text at 0-{len(QUOTE)}; "
            f"the quote occurs at {start}-{start + len(QUOTE)}"
        ]
        assert "1 problem(s); 0 brief(s) valid" in result.stderr

    def test_validate_a_good_file_beside_the_data(self, tmp_path):
        start = seed_text().find(QUOTE)
        path = tmp_path / "good.yaml"
        path.write_text(yaml.safe_dump(brief_on_the_real_seed(start, start + len(QUOTE)), sort_keys=False), encoding="utf-8")
        result = run("validate", str(path))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.splitlines()[0] == f"ok {path}: 1 positions, 0 events, 0 impacts, 0 judgments, 1 evidence spans verified"

    def test_validate_a_missing_file(self, tmp_path):
        result = run("validate", str(tmp_path / "nope.yaml"))
        assert result.returncode == 1
        assert result.stderr.strip() == f"{tmp_path / 'nope.yaml'}: no such file"

    def test_export_json_for_one_issue(self):
        result = run("export", "--format", "json", "--issue", "ceasefire")
        assert result.returncode == 0, result.stderr
        assert "skipped:" not in result.stderr
        data = json.loads(result.stdout)
        assert data["positions"], "the shipped briefs have ceasefire positions"
        assert {p["issue"] for p in data["positions"]} == {"ceasefire"}
        assert all("ceasefire" in e["issues"] for e in data["events"])
        for record in data["positions"] + data["events"]:
            for span in record["evidence"]:
                assert set(span) == {"id", "seed", "start", "end", "quote"}

    def test_no_command(self):
        result = run()
        assert result.returncode == 2
        assert "required: command" in result.stderr


@pytest.fixture
def tiny(project, monkeypatch):
    """Point the CLI's loader at the tiny project, to check its output in process."""
    monkeypatch.setenv("BRIEFING_ROOT", str(project.root))
    return project


class TestValidate:
    def test_summary(self, tiny, capsys):
        tiny.write("alpha.yaml", tiny.brief())
        assert cli.main(["validate"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out == [
            "ok data/briefs/alpha.yaml: 3 positions, 2 events, 1 impacts, 1 judgments, 8 evidence spans verified",
            "1 brief(s) valid; taxonomy: 4 parties, 2 issues",
        ]

    def test_problems(self, tiny, capsys):
        data = tiny.brief()
        data["positions"][0]["party"] = "atlantis"
        data["events"][1].pop("date_note")
        tiny.write("alpha.yaml", data)
        tiny.neighbour()
        assert cli.main(["validate"]) == 1
        captured = capsys.readouterr()
        assert captured.out.splitlines() == [
            "data/briefs/alpha.yaml:13:10: positions[0].party (alpha-northland-ceasefire): unknown party id(s): atlantis",
            "data/briefs/alpha.yaml:77:3: events[1] (alpha-energy-talks): an undated event explains what is known of its time (date_note)",
        ]
        assert captured.err.strip() == "2 problem(s); 1 brief(s) valid"

    def test_one_file_is_checked_against_every_other_brief(self, tiny, capsys):
        """The new file sorts first, yet the brief id clash is its problem, naming the brief that already had the id."""
        tiny.write("zulu.yaml", tiny.brief("zulu"))
        data = tiny.brief("alpha", seed=tiny.other_seed_id)
        data["id"] = "zulu"
        data["events"][0]["id"] = "zulu-geneva-talks"  # a record id of the other brief: allowed, ids are per brief
        tiny.write("alpha.yaml", data)
        assert cli.main(["validate", str(tiny.layout.briefs / "alpha.yaml")]) == 1
        captured = capsys.readouterr()
        assert captured.out.splitlines() == ["data/briefs/alpha.yaml:1:5: id: brief id 'zulu' is already used in data/briefs/zulu.yaml"]
        assert captured.err.strip() == "1 problem(s); 0 brief(s) valid"

    def test_one_file_beside_a_broken_brief(self, tiny, capsys):
        tiny.write("alpha.yaml", "- not a mapping\n")
        path = tiny.neighbour()
        assert cli.main(["validate", str(path)]) == 0
        captured = capsys.readouterr()
        assert captured.out.splitlines()[0].startswith("ok data/briefs/beta.yaml: 3 positions")
        assert captured.err.strip() == "note: data/briefs/alpha.yaml could not be loaded, so its ids were not checked against"

    def test_file_level_problem_has_no_record_path(self, tiny, capsys):
        tiny.write("alpha.yaml", b"\x00")
        assert cli.main(["validate"]) == 1
        assert capsys.readouterr().out.strip() == "data/briefs/alpha.yaml: file contains NUL bytes: binary data, not YAML"


class TestStrict:
    """Editorial warnings: printed by validate, errors under --strict."""

    @staticmethod
    def hedged(tiny) -> None:
        data = tiny.brief()
        data["judgments"][0].update(
            evidence=[tiny.span("alpha-ev-energy-j", "energy")], confidence="high", text="An energy truce will follow."
        )
        tiny.write("alpha.yaml", data)

    def test_warnings_are_printed_and_do_not_fail(self, tiny, capsys):
        self.hedged(tiny)
        assert cli.main(["validate"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[:2] == [
            "warning: data/briefs/alpha.yaml: judgments[0] (alpha-judgment): its quote hedges (“could”, “if”) but its "
            "confidence is high: a hedge in the source keeps the confidence below high [hedged-quote-high-confidence]",
            "warning: data/briefs/alpha.yaml: judgments[0] (alpha-judgment): its quote hedges (“could”, “if”) but its "
            "text states the claim outright: carry the hedge into the text [dropped-hedge]",
        ]
        assert out[-1].endswith("; 2 editorial warning(s): readings that may claim more than their quotes")

    def test_strict_counts_them_as_errors(self, tiny, capsys):
        self.hedged(tiny)
        assert cli.main(["validate", "--strict"]) == 1
        captured = capsys.readouterr()
        assert all(line.startswith("error: ") for line in captured.out.splitlines())
        assert captured.err.strip() == "0 problem(s), 2 editorial warning(s) counted as errors (--strict); 1 brief(s) valid"

    def test_strict_passes_clean_data(self, tiny, capsys):
        tiny.write("alpha.yaml", tiny.brief())
        assert cli.main(["validate", "--strict"]) == 0


class TestExport:
    def test_json_issue_filter(self, tiny, capsys):
        tiny.write("alpha.yaml", tiny.brief())
        assert cli.main(["export", "--format", "json", "--issue", "energy-truce"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert [p["id"] for p in data["positions"]] == ["alpha-southland-energy"]

    def test_several_issues(self, tiny, capsys):
        tiny.write("alpha.yaml", tiny.brief())
        assert cli.main(["export", "--format", "json", "--issue", "energy-truce", "ceasefire"]) == 0
        assert len(json.loads(capsys.readouterr().out)["positions"]) == 3

    def test_unknown_issue(self, tiny, capsys):
        tiny.write("alpha.yaml", tiny.brief())
        assert cli.main(["export", "--format", "json", "--issue", "peace"]) == 2
        assert capsys.readouterr().err.strip() == "unknown issue id(s): peace; known: ceasefire, energy-truce"

    def test_csv_folder(self, tiny, capsys, tmp_path):
        tiny.write("alpha.yaml", tiny.brief())
        out = tmp_path / "csv"
        assert cli.main(["export", "--format", "csv", "--out", str(out)]) == 0
        names = sorted(p.name for p in out.iterdir())
        assert names == sorted(
            f"{n}.csv"
            for n in (
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
                "evidence",
            )
        )
        assert f"wrote {out / 'evidence.csv'}" in capsys.readouterr().err

    def test_broken_briefs_stop_the_export_and_are_named(self, tiny, capsys, tmp_path):
        tiny.write("alpha.yaml", "- not a mapping\n")
        tiny.neighbour()
        out = tmp_path / "export.json"
        assert cli.main(["export", "--format", "json", "--out", str(out)]) == 1
        assert capsys.readouterr().err.splitlines() == [
            "error: data/briefs/alpha.yaml: a brief is a YAML mapping, not list",
            "1 file(s) could not be loaded, so nothing was written; fix them, or pass --allow-skipped to write what did load",
        ]
        assert not out.exists()

    def test_allow_skipped_writes_the_rest(self, tiny, capsys):
        tiny.write("alpha.yaml", "- not a mapping\n")
        tiny.neighbour()
        assert cli.main(["export", "--format", "json", "--allow-skipped"]) == 0
        captured = capsys.readouterr()
        assert captured.err.strip() == "skipped: data/briefs/alpha.yaml: a brief is a YAML mapping, not list"
        assert [b["id"] for b in json.loads(captured.out)["briefs"]] == ["beta"]


class TestPack:
    def test_a_broken_brief_stops_the_pack(self, tiny, capsys, tmp_path):
        tiny.write("alpha.yaml", "- not a mapping\n")
        tiny.neighbour()
        out = tmp_path / "pack.md"
        assert cli.main(["pack", "--out", str(out)]) == 1
        assert capsys.readouterr().err.splitlines()[0] == "error: data/briefs/alpha.yaml: a brief is a YAML mapping, not list"
        assert not out.exists()
        assert cli.main(["pack", "--out", str(out), "--allow-skipped"]) == 0
        assert "Brief beta" in out.read_text(encoding="utf-8")


class TestLocate:
    def test_prints_offsets(self, capsys):
        start = seed_text().find(QUOTE)
        assert cli.main(["locate", SEED_FILE, QUOTE]) == 0
        assert capsys.readouterr().out.splitlines() == [f"start: {start}", f"end: {start + len(QUOTE)}"]

    def test_quote_not_found(self, capsys):
        assert cli.main(["locate", SEED_FILE, "no such words in the seed"]) == 1
        assert capsys.readouterr().err.strip() == "quote not found"

    @pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", "missing.txt"])
    def test_only_files_in_seeds(self, capsys, name):
        assert cli.main(["locate", name, "a"]) == 2
        assert capsys.readouterr().err.strip() == f"{name}: not a file in seeds/"
