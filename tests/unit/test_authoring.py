"""Authoring commands on a tiny project: ``new`` starts a brief, ``fill`` completes evidence written as quotes."""

from __future__ import annotations

import hashlib
import os
import re

import pytest
import yaml

from briefing import cli
from briefing.atomic import write_atomic
from briefing.authoring import AuthoringError, fill_file, new_brief
from briefing.schema import RECORD_FIELDS

SOURCE = "Day one.\nThe minister’s words: “no truce”.\nDay two.\n"


def every_span(data: dict):
    """Every evidence mapping of a brief dict: claims, red lines and acceptable ranges."""
    for field in RECORD_FIELDS:
        for record in data.get(field, []):
            yield from record["evidence"]
            for part in ("red_line", "acceptable_range"):
                if part in record:
                    yield from record[part]["evidence"]


def quotes_only(data: dict) -> dict:
    """The brief as an analyst writes it: quotes, no offsets, no evidence ids, no seed lines, no sha256."""
    for span in every_span(data):
        for key in ("id", "seed", "start", "end"):
            span.pop(key)
    for seed in data["seeds"]:
        seed.pop("sha256")
    return data


@pytest.fixture
def tiny(project, monkeypatch):
    monkeypatch.setenv("BRIEFING_ROOT", str(project.root))
    monkeypatch.chdir(project.root)
    return project


class TestFill:
    def test_quotes_only_brief_fills_to_the_true_offsets_and_validates(self, tiny):
        data = quotes_only(tiny.brief())
        data["positions"][0]["red_line"] = {"text": "No frozen front.", "evidence": [{"quote": tiny.quotes["reject"]}]}
        path = tiny.write("alpha.yaml", data)
        result = fill_file(path, tiny.layout)
        assert result.problems == [] and result.written
        filled = yaml.safe_load(path.read_text(encoding="utf-8"))
        spans = list(every_span(filled))
        assert len(spans) == 9
        for span in spans:
            assert tiny.seed_text[span["start"] : span["end"]] == span["quote"]
            assert span["seed"] == tiny.seed_id
        # the repeated quote sits beside the span it shares a record with, as the brief means it
        repeated = filled["positions"][1]["evidence"][1]
        assert repeated["start"] == tiny.seed_text.find(tiny.quotes["repeated"])
        assert [s["id"] for s in filled["positions"][0]["evidence"]] == ["alpha-northland-ceasefire-1"]
        assert filled["positions"][0]["red_line"]["evidence"][0]["id"] == "alpha-northland-ceasefire-red-line-1"
        assert [s["id"] for s in filled["positions"][1]["evidence"]] == ["alpha-southland-ceasefire-1", "alpha-southland-ceasefire-2"]
        assert filled["seeds"][0]["sha256"] == tiny.seed_sha256
        corpus = tiny.load()
        assert [str(p) for p in corpus.problems] == []
        assert [b.id for b in corpus.briefs] == ["alpha"]

    def test_ladders_and_editor_notes_are_filled_too(self, tiny):
        data = quotes_only(tiny.brief())
        data["ladders"] = [
            {
                "id": "alpha-ladder",
                "party": "northland",
                "title": "Northland's demands",
                "claim_type": "assessment",
                "confidence": "low",
                "evidence": [{"quote": tiny.quotes["reject"]}],
                "steps": [
                    {
                        "text": "No frozen front.",
                        "tier": "minimum",
                        "issues": ["ceasefire"],
                        "confidence": "low",
                        "evidence": [{"quote": tiny.quotes["talks"]}],
                    },
                    {
                        "text": "An energy truce could follow.",
                        "tier": "possible",
                        "issues": ["energy-truce"],
                        "confidence": "low",
                        "evidence": [{"quote": tiny.quotes["energy"]}],
                    },
                ],
            }
        ]
        note = {"id": "alpha-note", "text": "The date is the talks' last day.", "evidence": [{"quote": tiny.quotes["talks"]}]}
        data["editor_notes"] = [note]
        path = tiny.write("alpha.yaml", data)
        assert fill_file(path, tiny.layout).problems == []
        filled = yaml.safe_load(path.read_text(encoding="utf-8"))
        ladder = filled["ladders"][0]
        assert [ladder["evidence"][0]["id"], *(step["evidence"][0]["id"] for step in ladder["steps"])] == [
            "alpha-ladder-1",
            "alpha-ladder-step-1-1",
            "alpha-ladder-step-2-1",
        ]
        assert ladder["steps"][1]["evidence"][0]["start"] == tiny.seed_text.find(tiny.quotes["energy"])
        assert filled["editor_notes"][0]["evidence"][0]["id"] == "alpha-note-1"
        assert [str(p) for p in tiny.load().problems] == []

    def test_a_second_run_changes_nothing(self, tiny):
        path = tiny.write("alpha.yaml", quotes_only(tiny.brief()))
        fill_file(path, tiny.layout)
        before = path.read_bytes()
        again = fill_file(path, tiny.layout)
        assert (again.changes, again.problems, again.written) == ([], [], False)
        assert path.read_bytes() == before

    def test_check_reports_without_writing_and_exits_1(self, tiny, capsys):
        path = tiny.write("alpha.yaml", quotes_only(tiny.brief()))
        before = path.read_bytes()
        assert cli.main(["fill", "--check", "data/briefs/alpha.yaml"]) == 1
        out = capsys.readouterr().out.splitlines()
        assert path.read_bytes() == before
        assert out[0] == "data/briefs/alpha.yaml:5:3: seeds[0] (talks): would set sha256 " + tiny.seed_sha256
        assert out[1] == (
            "data/briefs/alpha.yaml:21:5: positions[0].evidence[0] (alpha-northland-ceasefire): would set "
            "id alpha-northland-ceasefire-1, seed talks, start 88, end 135"
        )
        assert len(out) == 9
        assert cli.main(["fill", "data/briefs/alpha.yaml"]) == 0
        capsys.readouterr()
        assert cli.main(["fill", "--check", "data/briefs/alpha.yaml"]) == 0
        assert capsys.readouterr().err.strip() == "data/briefs/alpha.yaml: nothing to fill"

    def test_fill_then_validates_and_says_ok(self, tiny, capsys):
        tiny.write("alpha.yaml", quotes_only(tiny.brief()))
        assert cli.main(["fill", "data/briefs/alpha.yaml"]) == 0
        assert capsys.readouterr().out.splitlines()[-1] == (
            "ok data/briefs/alpha.yaml: 3 positions, 2 events, 1 impacts, 1 judgments, 8 evidence spans verified"
        )

    def test_wrong_offsets_are_corrected(self, tiny):
        data = tiny.brief()
        data["positions"][0]["evidence"][0].update(start=0, end=5)
        path = tiny.write("alpha.yaml", data)
        result = fill_file(path, tiny.layout)
        start = tiny.seed_text.find(tiny.quotes["reject"])
        assert [(c.location, c.values) for c in result.changes] == [
            ("positions[0].evidence[0]", {"start": start, "end": start + len(tiny.quotes["reject"])})
        ]
        assert tiny.load().problems == ()

    def test_comments_order_and_wrapped_text_are_kept(self, tiny):
        text = (
            "# A brief written by hand.\n"
            "id: alpha\n"
            "title: 'Brief alpha'   # as published\n"
            "published: 2026-01-30\n"
            "seeds:\n"
            "- {id: talks, file: talks.txt}\n"
            "judgments:\n"
            "- id: alpha-judgment\n"
            "  text: A long judgment that a YAML dumper would wrap differently, written over\n"
            "    two lines by hand.\n"
            "  confidence: low\n"
            "  evidence:\n"
            "  # the quote only\n"
            f'  - quote: "{tiny.quotes["energy"]}"   # keep this comment\n'
        )
        path = tiny.write("alpha.yaml", text)
        assert fill_file(path, tiny.layout).written
        start = tiny.seed_text.find(tiny.quotes["energy"])
        assert path.read_text(encoding="utf-8") == text.replace(
            "- {id: talks, file: talks.txt}", f"- {{id: talks, file: talks.txt, sha256: {tiny.seed_sha256}}}"
        ).replace(
            "  - quote:",
            f"  - id: alpha-judgment-1\n    seed: talks\n    start: {start}\n    end: {start + len(tiny.quotes['energy'])}\n    quote:",
        )
        assert tiny.load().problems == ()

    def test_several_places_and_no_other_span_stop_with_each_listed(self, tiny):
        data = quotes_only(tiny.brief())
        data["judgments"][0]["evidence"] = [{"quote": tiny.quotes["repeated"]}]
        path = tiny.write("alpha.yaml", data)
        result = fill_file(path, tiny.layout)
        first = tiny.seed_text.find(tiny.quotes["repeated"])
        second = tiny.seed_text.find(tiny.quotes["repeated"], first + 1)
        (problem,) = result.problems
        assert (problem.location, problem.record, problem.line) == ("judgments[0].evidence[0]", "alpha-judgment", 116)
        assert problem.message.startswith("the quote occurs 2 times in seed 'talks' and nothing in the record tells them apart")
        places = problem.message.split(" (", 1)[1].split("; ")
        assert places == [
            f"{first}-{first + 22}: …thland's president called for [a ceasefire of 60 days], according to observers. ⏎ Both…",
            f"{second}-{second + 22}: …to become less secure. ⏎ Later, [a ceasefire of 60 days] was proposed again. ⏎ Tariffs —…)",
        ]
        # the other spans were still filled, and the ambiguous one got its id and seed but no offsets
        span = yaml.safe_load(path.read_text(encoding="utf-8"))["judgments"][0]["evidence"][0]
        assert span == {"id": "alpha-judgment-1", "seed": "talks", "quote": tiny.quotes["repeated"]}

    def test_offsets_the_analyst_chose_among_several_are_kept(self, tiny):
        data = tiny.brief()
        quote = tiny.quotes["repeated"]
        second = tiny.seed_text.find(quote, tiny.seed_text.find(quote) + 1)
        later = {"id": "alpha-later", "seed": "talks", "start": second, "end": second + len(quote), "quote": quote}
        data["judgments"][0]["evidence"] = [later]
        path = tiny.write("alpha.yaml", data)
        assert fill_file(path, tiny.layout).changes == []

    def test_a_near_match_is_suggested_never_applied(self, tiny):
        data = quotes_only(tiny.brief())
        data["judgments"][0]["evidence"] = [{"quote": '"quotes" -- are Unicode: é'.replace("--", "—")}]
        path = tiny.write("alpha.yaml", data)
        result = fill_file(path, tiny.layout)
        (problem,) = result.problems
        assert problem.message == (
            "the quote is not in seed 'talks'; a near match (it differs only in quotation marks, dashes, spaces or case) is at "
            f"{tiny.seed_text.find('“quotes”')}-{len(tiny.seed_text) - 2}; they first differ at the first character: the seed has "
            "'“' (U+201C LEFT DOUBLE QUOTATION MARK) where the quote has '\"' (U+0022 QUOTATION MARK); if that is the passage you "
            'mean, copy it into the quote: quote: "“quotes” — are unicode: é"'
        )
        span = yaml.safe_load(path.read_text(encoding="utf-8"))["judgments"][0]["evidence"][0]
        assert "start" not in span and span["quote"] == '"quotes" — are Unicode: é'

    def test_a_changed_seed_is_reported_not_refingerprinted(self, tiny):
        data = tiny.brief()
        data["seeds"][0]["sha256"] = "0" * 64
        path = tiny.write("alpha.yaml", data)
        before = path.read_bytes()
        (problem,) = fill_file(path, tiny.layout).problems
        assert problem.message.startswith(f"seed file seeds/talks.txt has sha256 {tiny.seed_sha256}, but the brief expects 000")
        assert problem.message.endswith("if the new text is meant, delete the sha256 line and run fill again")
        assert path.read_bytes() == before

    def test_several_seeds_need_seed_lines(self, tiny):
        data = quotes_only(tiny.brief())
        data["seeds"].append({"id": tiny.other_seed_id, "file": "talks-b.txt"})
        path = tiny.write("alpha.yaml", data)
        result = fill_file(path, tiny.layout)
        assert len(result.problems) == 8
        assert result.problems[0].message == "evidence names no seed, and the brief declares 2: add seed: with one of talks, talks-b"

    def test_evidence_ids_stay_unique_in_the_brief(self, tiny):
        data = quotes_only(tiny.brief())
        data["positions"][1]["evidence"][1]["id"] = "alpha-southland-ceasefire-1"
        path = tiny.write("alpha.yaml", data)
        fill_file(path, tiny.layout)
        ids = [s["id"] for s in yaml.safe_load(path.read_text(encoding="utf-8"))["positions"][1]["evidence"]]
        assert ids == ["alpha-southland-ceasefire-2", "alpha-southland-ceasefire-1"]

    def test_a_file_fill_cannot_edit_safely_is_left_alone(self, tiny):
        """One mapping used twice through a YAML alias: an edit to it would land in both places, so nothing is written."""
        text = (
            "id: alpha\ntitle: Alpha\npublished: 2026-01-30\nseeds:\n- {id: talks, file: talks.txt, sha256: "
            f"{tiny.seed_sha256}}}\njudgments:\n- id: alpha-judgment\n  text: A judgment.\n  confidence: low\n  evidence:\n"
            f'  - &span {{quote: "{tiny.quotes["energy"]}"}}\n  - *span\n'
        )
        path = tiny.write("alpha.yaml", text)
        result = fill_file(path, tiny.layout)
        assert not result.written and len(result.changes) == 2
        assert result.problems[-1].message.startswith("fill could not place its edits in this file's layout without changing")
        assert path.read_text(encoding="utf-8") == text

    def test_a_value_fill_cannot_replace_is_reported_and_left(self, tiny):
        data = quotes_only(tiny.brief())
        data["judgments"][0]["evidence"][0]["start"] = [1, 2]
        path = tiny.write("alpha.yaml", data)
        result = fill_file(path, tiny.layout)
        (problem,) = result.problems
        assert problem.message.startswith("fill cannot write start: ")
        assert problem.message.endswith("(start is not a single value); write it by hand")
        span = yaml.safe_load(path.read_text(encoding="utf-8"))["judgments"][0]["evidence"][0]
        assert span["start"] == [1, 2] and span["id"] == "alpha-judgment-1"

    def test_an_unparsable_file_is_left_alone(self, tiny):
        path = tiny.write("alpha.yaml", "id: [unclosed\n")
        (problem,) = fill_file(path, tiny.layout).problems
        assert problem.message.startswith("invalid YAML at line 2")
        assert path.read_text(encoding="utf-8") == "id: [unclosed\n"


class TestNew:
    def source(self, tmp_path, text: str | bytes = SOURCE, name: str = "minister.txt"):
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    def test_copies_the_seed_and_writes_a_skeleton_that_validates(self, tiny, tmp_path, capsys):
        source = self.source(tmp_path)
        assert cli.main(["new", str(source), "--id", "minister-2026", "--title", 'The "minister" speaks', "--published", "2026-02-03"]) == 0
        digest = hashlib.sha256(SOURCE.encode("utf-8")).hexdigest()
        assert capsys.readouterr().out.splitlines() == [
            f"copied {source} to seeds/minister.txt ({len(SOURCE.encode('utf-8'))} bytes, sha256 {digest})",
            "wrote data/briefs/minister-2026.yaml",
            "ids: start this brief's record and evidence ids with min- (prefixes other briefs use: none)",
            "next: write records in data/briefs/minister-2026.yaml with quotes only, then run: "
            "python -m briefing fill data/briefs/minister-2026.yaml",
        ]
        assert (tiny.layout.seeds / "minister.txt").read_bytes() == SOURCE.encode("utf-8")
        skeleton = (tiny.layout.briefs / "minister-2026.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(skeleton)
        assert data["title"] == 'The "minister" speaks'
        assert data["seeds"] == [{"id": "minister-2026", "file": "minister.txt", "sha256": digest}]
        for example in ("# positions:", "# events:", "# impacts:", "# judgments:", "#     # red_line:", "#     # acceptable_range:"):
            assert example in skeleton
        assert "# Parties: northland, southland, mediators, border-region" in skeleton
        corpus = tiny.load()
        assert (corpus.problems, [b.id for b in corpus.briefs]) == ((), ["minister-2026"])

    def test_uncommented_examples_fill_and_validate(self, tiny, tmp_path):
        """The skeleton's examples, uncommented and given a real quote, are a brief fill and validation accept."""
        new_brief(self.source(tmp_path), "minister-2026", "T", "2026-02-03", tiny.layout)
        path = tiny.layout.briefs / "minister-2026.yaml"
        header, examples = path.read_text(encoding="utf-8").split("# Uncomment a block")
        lines = [header]
        for line in examples.splitlines()[1:]:
            if line.startswith(("# positions:", "# events:", "# impacts:", "# judgments:", "#  ")):
                line = line[2:]
            lines.append(line.replace("the exact words of the source", "no truce"))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = fill_file(path, tiny.layout)
        assert result.problems == []
        assert tiny.load().problems == ()

    def test_the_same_text_again_is_kept(self, tiny, tmp_path):
        source = self.source(tmp_path)
        new_brief(source, "first", "First", "2026-02-03", tiny.layout)
        done = new_brief(source, "second", "Second", "2026-02-03", tiny.layout, seed_id="first")
        assert done[0] == "seeds/minister.txt already holds this text, byte for byte; kept it"

    def test_a_different_text_of_the_same_name_is_refused(self, tiny, tmp_path):
        new_brief(self.source(tmp_path), "first", "First", "2026-02-03", tiny.layout)
        with pytest.raises(AuthoringError, match="seeds/minister.txt already exists with different text"):
            new_brief(self.source(tmp_path, "Other text.\n"), "second", "Second", "2026-02-03", tiny.layout)
        assert (tiny.layout.seeds / "minister.txt").read_bytes() == SOURCE.encode("utf-8")
        assert not (tiny.layout.briefs / "second.yaml").exists()

    def test_an_existing_brief_is_never_overwritten(self, tiny, tmp_path):
        path = tiny.write("alpha.yaml", tiny.brief())
        before = path.read_bytes()
        with pytest.raises(AuthoringError, match=r"^data/briefs/alpha.yaml already exists; choose another --id or edit that brief$"):
            new_brief(self.source(tmp_path), "alpha", "Alpha", "2026-02-03", tiny.layout)
        assert path.read_bytes() == before

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"brief_id": "Bad_Id"}, "brief id 'Bad_Id' is not a slug: lowercase letters, digits and single hyphens"),
            (
                {"published": "03/02/2026"},
                'published must be the source\'s publication date, written YYYY-MM-DD, e.g. "2026-01-30" '
                "(got '03/02/2026'); '03/02/2026' could be 3 February 2026 (day first) or 2 March 2026",
            ),
            ({"published": "2026-02-30"}, "published '2026-02-30' is not a day of the calendar"),
            ({"title": "  "}, "a title is 1 to 2,000 characters"),
        ],
    )
    def test_bad_arguments(self, tiny, tmp_path, kwargs, message):
        arguments = {"brief_id": "ok", "title": "Title", "published": "2026-02-03"} | kwargs
        with pytest.raises(AuthoringError) as info:
            new_brief(self.source(tmp_path), arguments["brief_id"], arguments["title"], arguments["published"], tiny.layout)
        assert str(info.value).startswith(message)
        assert list(tiny.layout.briefs.iterdir()) == []

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "is empty"),
            (b"text\x00more", "contains NUL bytes"),
            (b"caf\xe9\n", "is not UTF-8 text (byte 3); save it as UTF-8"),
            (b"\xef\xbb\xbftext\n", "starts with a byte-order mark; save it as UTF-8 without one"),
        ],
    )
    def test_sources_that_cannot_be_seeds(self, tiny, tmp_path, content, message):
        with pytest.raises(AuthoringError, match=re.escape(message)):
            new_brief(self.source(tmp_path, content), "ok", "Title", "2026-02-03", tiny.layout)
        assert not (tiny.layout.seeds / "minister.txt").exists()

    def test_a_source_too_large_for_a_seed(self, tiny, tmp_path, monkeypatch):
        monkeypatch.setattr("briefing.authoring.new.MAX_SEED_BYTES", 10)
        with pytest.raises(AuthoringError, match=f"is {len(SOURCE.encode())} bytes; a seed may hold at most 10$"):
            new_brief(self.source(tmp_path), "ok", "Title", "2026-02-03", tiny.layout)

    def test_errors_go_to_stderr_with_exit_1(self, tiny, tmp_path, capsys):
        assert cli.main(["new", str(tmp_path / "nope.txt"), "--id", "x", "--title", "T", "--published", "2026-02-03"]) == 1
        assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"


class TestAtomicWrite:
    def test_replaces_and_leaves_no_temporary_file(self, tmp_path):
        path = tmp_path / "a.yaml"
        write_atomic(path, "one")
        write_atomic(path, b"two")
        assert path.read_bytes() == b"two"
        assert os.listdir(tmp_path) == ["a.yaml"]

    def test_no_overwrite_refuses_an_existing_name(self, tmp_path):
        path = tmp_path / "a.txt"
        path.write_text("first")
        with pytest.raises(FileExistsError):
            write_atomic(path, "second", overwrite=False)
        assert path.read_text() == "first"
        assert os.listdir(tmp_path) == ["a.txt"]

    def test_keeps_the_mode_of_the_file_it_replaces(self, tmp_path):
        path = tmp_path / "a.txt"
        path.write_text("first")
        path.chmod(0o640)
        write_atomic(path, "second")
        assert path.stat().st_mode & 0o777 == 0o640
