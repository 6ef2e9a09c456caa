import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml

from briefing.load import (
    CHANGE_EVENTS,
    MAX_SEED_BYTES,
    MAX_YAML_BYTES,
    MAX_YAML_NODES,
    PROJECT_ROOT,
    Corpus,
    DataWatch,
    Layout,
    LoadError,
    Problem,
    load_corpus,
    read_yaml,
)
from briefing.load import watch as watch_module
from tests.waiting import wait_for

BAD = "data/briefs/alpha.yaml"  # where every test below puts its broken brief


def load_beside(project, content) -> Corpus:
    """Write a broken alpha.yaml beside a valid beta.yaml, load both, and check beta survived."""
    project.write("alpha.yaml", content)
    project.neighbour()
    corpus = project.load()
    assert [brief.id for brief in corpus.briefs] == ["beta"], corpus.problems
    assert corpus.brief_files == {"beta": "data/briefs/beta.yaml"}
    return corpus


def only_problem(corpus: Corpus) -> Problem:
    assert len(corpus.problems) == 1, corpus.problems
    return corpus.problems[0]


def tree_digest(*folders: Path) -> dict[str, str]:
    """sha256 of every file under the folders, keyed by path."""
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class TestLoad:
    def test_valid_brief(self, project):
        project.write("alpha.yaml", project.brief())
        corpus = project.load()
        assert corpus.problems == ()
        (brief,) = corpus.briefs
        assert brief.id == "alpha"
        assert [p.id for p in brief.positions] == ["alpha-northland-ceasefire", "alpha-southland-ceasefire", "alpha-southland-energy"]
        assert corpus.brief_files == {"alpha": "data/briefs/alpha.yaml"}
        assert corpus.seed_texts == {"talks": project.seed_text}
        assert corpus.seed_files["talks"].file == "talks.txt"
        assert corpus.seed_files["talks"].sha256 == project.seed_sha256
        assert [p.id for p in corpus.taxonomy.parties] == ["northland", "southland", "mediators", "border-region"]

    def test_spans_match_the_seed(self, project):
        project.write("alpha.yaml", project.brief())
        (brief,) = project.load().briefs
        spans = list(brief.evidence())
        assert len(spans) == 8
        for span in spans:
            assert project.seed_text[span.start : span.end] == span.quote

    def test_every_brief_file_in_order(self, project):
        project.write("gamma.yml", project.brief("gamma", seed=project.other_seed_id))
        project.write("alpha.yaml", project.brief())
        (project.layout.briefs / "notes.txt").write_text("not a brief", encoding="utf-8")
        corpus = project.load()
        assert corpus.problems == ()
        assert [b.id for b in corpus.briefs] == ["alpha", "gamma"]
        assert corpus.brief_files["gamma"] == "data/briefs/gamma.yml"

    def test_chosen_paths_only(self, project):
        path = project.write("alpha.yaml", project.brief())
        project.write("broken.yaml", "key: [unclosed\n")
        corpus = project.load([path])
        assert corpus.problems == ()
        assert [b.id for b in corpus.briefs] == ["alpha"]

    def test_no_briefs(self, project):
        corpus = project.load()
        assert (corpus.briefs, corpus.problems) == ((), ())
        assert corpus.taxonomy is not None

    def test_unquoted_dates_stay_edtf_text(self, project):
        # YAML would turn 2024-03-12 into a date object; the loader keeps it as text for EDTF
        text = yaml.safe_dump(project.brief(), sort_keys=False, allow_unicode=True)
        text = text.replace("'2024-03-12'", "2024-03-12").replace("'2026-01-30'", "2026-01-30")
        assert "date: 2024-03-12\n" in text
        project.write("alpha.yaml", text)
        corpus = project.load()
        assert corpus.problems == ()
        assert corpus.briefs[0].positions[0].date == "2024-03-12"
        assert read_yaml(project.layout.briefs / "alpha.yaml")["published"] == "2026-01-30"

    def test_loading_changes_no_file(self, project):
        project.write("alpha.yaml", project.brief())
        project.write("broken.yaml", "key: [unclosed\n")
        before = tree_digest(project.root)
        corpus = project.load()
        assert len(corpus.briefs) == 1 and len(corpus.problems) == 1
        assert tree_digest(project.root) == before

    def test_problem_text(self):
        assert str(Problem("data/briefs/a.yaml", "positions[0]", "bad")) == "data/briefs/a.yaml: positions[0]: bad"
        assert str(Problem("data/briefs/a.yaml", "", "bad")) == "data/briefs/a.yaml: bad"


class TestLayout:
    def test_folders(self, tmp_path):
        layout = Layout(root=tmp_path)
        assert layout.taxonomy == tmp_path / "data" / "taxonomy.yaml"
        assert layout.briefs == tmp_path / "data" / "briefs"
        assert layout.seeds == tmp_path / "seeds"

    def test_display_is_relative_to_the_root(self, project):
        assert project.layout.display(project.layout.briefs / "x.yaml") == "data/briefs/x.yaml"
        assert project.layout.display(Path("/elsewhere/x.yaml")) == "/elsewhere/x.yaml"

    def test_fingerprint_follows_changes(self, project):
        before = project.layout.fingerprint()
        assert len(before) == 3  # taxonomy and two seeds
        project.write("alpha.yaml", project.brief())
        assert project.layout.fingerprint() != before

    def test_from_env(self, monkeypatch, tmp_path):
        monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
        assert Layout.from_env().root == tmp_path
        monkeypatch.delenv("BRIEFING_ROOT")
        assert Layout.from_env().root == PROJECT_ROOT


class TestInvalid:
    """Each broken brief gives one clear problem, and the valid brief beside it still loads."""

    def mutated(self, project, change) -> Corpus:
        data = project.brief()
        change(data)
        return load_beside(project, data)

    def test_invalid_yaml(self, project):
        problem = only_problem(load_beside(project, "id: alpha\ntitle: [unclosed\nseeds: []\n"))
        assert problem.file == BAD
        assert problem.location == ""
        assert problem.message.startswith("invalid YAML at line 3, column")
        assert "did not find expected ',' or ']'" in problem.message

    def test_invalid_indentation(self, project):
        problem = only_problem(load_beside(project, "id: alpha\n  title: x\n"))
        assert problem.message == "invalid YAML at line 2, column 8: mapping values are not allowed in this context"

    def test_python_tags_are_refused(self, project):
        problem = only_problem(load_beside(project, "!!python/object/apply:os.system ['echo hi']\n"))
        assert problem.message.startswith("invalid YAML at line 1, column 1: could not determine a constructor for the tag")

    def test_wrong_type(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][0]["evidence"][0].update(start="ten")))
        assert (problem.file, problem.location) == (BAD, "positions[0].evidence[0].start")
        assert problem.message == "Input should be a valid integer, unable to parse string as an integer (got 'ten')"

    def test_wrong_choice(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][2].update(confidence=5)))
        assert (problem.location, problem.message) == ("positions[2].confidence", "Input should be 'high', 'medium' or 'low' (got 5)")

    def test_list_expected(self, project):
        problem = only_problem(self.mutated(project, lambda d: d.update(positions="none")))
        assert (problem.location, problem.message) == ("positions", "Input should be a valid tuple (got 'none')")

    def test_missing_field(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["impacts"][0].pop("direction")))
        assert (problem.location, problem.message) == ("impacts[0].direction", "field required")

    def test_unknown_field(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["events"][0].update(colour="red")))
        assert (problem.location, problem.message) == ("events[0].colour", "extra inputs are not permitted")

    def test_empty_evidence(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["judgments"][0].update(evidence=[])))
        assert problem.location == "judgments[0].evidence"
        assert "at least 1 item" in problem.message

    def test_unknown_party(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][0].update(party="atlantis")))
        assert (problem.file, problem.location, problem.message) == (BAD, "positions[0].party", "unknown party id(s): atlantis")

    def test_unknown_issue(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["events"][0].update(issues=["ceasefire", "peace"])))
        assert (problem.location, problem.message) == ("events[0].issues", "unknown issue id(s): peace")

    def test_unknown_speaker(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][1].update(speaker="nobody")))
        assert (problem.location, problem.message) == ("positions[1].speaker", "unknown speaker id(s): nobody")

    def test_speaker_of_another_party(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][0].update(speaker="south-president")))
        assert (problem.location, problem.message) == (
            "positions[0].speaker",
            "speaker 'south-president' speaks for 'southland', not 'northland'",
        )

    def test_duplicate_record_id(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][1].update(id="alpha-northland-ceasefire")))
        assert problem.file == BAD
        assert problem.message == "duplicate record id 'alpha-northland-ceasefire' at positions[0] and positions[1]"

    def test_duplicate_evidence_id(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["events"][0]["evidence"][0].update(id="alpha-ev-reject")))
        assert problem.message == "duplicate evidence id 'alpha-ev-reject' at positions[0].evidence[0] and events[0].evidence[0]"

    def test_impossible_date(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][0].update(date="2026-02-30")))
        assert problem.location == "positions[0].date"
        assert problem.message.startswith("'2026-02-30' is not a valid EDTF date")

    def test_reversed_interval(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["events"][0].update(date="2024-03-12/2024-03-01")))
        assert (problem.location, problem.message) == ("events[0].date", "'2024-03-12/2024-03-01' ends before it starts")

    def test_impossible_published_date(self, project):
        problem = only_problem(self.mutated(project, lambda d: d.update(published="2026-02-30")))
        assert problem.location == "published"
        assert problem.message == "published '2026-02-30' is not a day of the calendar; write it as YYYY-MM-DD, e.g. \"2026-01-30\""

    def test_quote_not_at_its_offsets(self, project):
        quote = project.quotes["reject"]
        start = project.seed_text.find(quote)
        problem = only_problem(self.mutated(project, lambda d: d["positions"][0]["evidence"][0].update(start=0, end=len(quote))))
        assert (problem.file, problem.location) == (BAD, "positions[0].evidence[0]")
        assert problem.message == f"quote is not the seed text at 0-{len(quote)}; the quote occurs at {start}-{start + len(quote)}"

    def test_quote_off_by_one(self, project):
        quote = project.quotes["region"]
        start = project.seed_text.find(quote)
        problem = only_problem(
            self.mutated(project, lambda d: d["impacts"][0]["evidence"][0].update(start=start + 1, end=start + 1 + len(quote)))
        )
        assert problem.location == "impacts[0].evidence[0]"
        assert f"occurs at {start}-{start + len(quote)}" in problem.message

    def test_quote_nowhere(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["judgments"][0]["evidence"][0].update(quote="Nobody said this.")))
        assert problem.location == "judgments[0].evidence[0]"
        assert problem.message.endswith("the quote does not occur anywhere in the seed; no passage of the seed resembles it")

    def test_offsets_past_the_end(self, project):
        size = len(project.seed_text)
        problem = only_problem(self.mutated(project, lambda d: d["positions"][2]["evidence"][0].update(start=size, end=size + 60)))
        assert problem.location == "positions[2].evidence[0]"
        assert problem.message.startswith(f"span {size}-{size + 60} runs past the end of seed 'talks' ({size} characters)")

    def test_undeclared_seed(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][0]["evidence"][0].update(seed="talks-b")))
        assert (problem.location, problem.message) == (
            "positions[0].evidence[0].seed",
            "unknown seed 'talks-b' (declare it under seeds:) (did you mean 'talks'?)",
        )

    def test_reported_position_without_reporter(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["positions"][1].pop("reported_by")))
        assert (problem.location, problem.message) == (
            "positions[1].reported_by",
            "a reported position names who reported it (reported_by)",
        )

    def test_undated_event_without_note(self, project):
        problem = only_problem(self.mutated(project, lambda d: d["events"][1].pop("date_note")))
        assert (problem.location, problem.message) == ("events[1]", "an undated event explains what is known of its time (date_note)")

    def test_several_problems_in_one_brief(self, project):
        def change(data):
            data["positions"][0]["party"] = "atlantis"
            data["events"][1].pop("date_note")

        corpus = self.mutated(project, change)
        assert [(p.file, p.location) for p in corpus.problems] == [(BAD, "positions[0].party"), (BAD, "events[1]")]

    @pytest.mark.parametrize(
        ("text", "kind"),
        [("- a\n- b\n", "list"), ("just text\n", "str"), ("", "NoneType"), ("42\n", "int")],
    )
    def test_not_a_mapping(self, project, text, kind):
        problem = only_problem(load_beside(project, text))
        assert (problem.file, problem.location, problem.message) == (BAD, "", f"a brief is a YAML mapping, not {kind}")

    def test_no_seeds(self, project):
        problem = only_problem(self.mutated(project, lambda d: d.pop("seeds")))
        assert (problem.location, problem.message) == ("seeds", "a brief declares at least one seed (id, file, sha256)")


class TestSeeds:
    def mutated_seed(self, project, **changes) -> Problem:
        data = project.brief()
        data["seeds"][0].update(changes)
        return only_problem(load_beside(project, data))

    def test_missing_seed_file(self, project):
        problem = self.mutated_seed(project, file="gone.txt")
        assert (problem.file, problem.location, problem.message) == (BAD, "seeds[0]", "seed file seeds/gone.txt is missing")

    def test_hash_mismatch(self, project):
        wrong = "0" * 64
        problem = self.mutated_seed(project, sha256=wrong)
        assert problem.location == "seeds[0]"
        assert project.seed_sha256 in problem.message
        assert wrong in problem.message
        assert problem.message.startswith(f"seed file seeds/talks.txt has sha256 {project.seed_sha256}, but the brief expects {wrong}")

    def test_edited_seed_text(self, project):
        project.write_seed("talks.txt", project.seed_text.replace("Geneva", "Vienna"))
        problem = only_problem(load_beside(project, project.brief()))
        assert problem.location == "seeds[0]"
        assert "the text changed, so every offset may be wrong" in problem.message

    @pytest.mark.parametrize("file", ["../x.txt", "/etc/passwd", "sub/x.txt", "..\\x.txt", ".hidden"])
    def test_path_outside_seeds(self, project, file):
        problem = self.mutated_seed(project, file=file)
        assert problem.location == "seeds[0].file"
        assert problem.message == f"seed file {file!r} must be a plain file name inside seeds/"

    def test_escape_does_not_read_the_target(self, project):
        # even a real file with the right hash is refused when it lies outside seeds/
        (project.root / "x.txt").write_text(project.seed_text, encoding="utf-8")
        problem = self.mutated_seed(project, file="../x.txt")
        assert problem.location == "seeds[0].file"

    def test_symlink_out_of_seeds(self, project):
        outside = project.root / "outside.txt"
        outside.write_text(project.seed_text, encoding="utf-8")
        (project.layout.seeds / "link.txt").symlink_to(outside)
        problem = self.mutated_seed(project, file="link.txt")
        assert (problem.location, problem.message) == ("seeds[0]", "seed file 'link.txt' is outside seeds/")

    def test_seed_not_utf8(self, project):
        raw = "Caf\u00e9 talks".encode("latin-1")
        project.write_seed("latin.txt", raw)
        problem = self.mutated_seed(project, file="latin.txt", sha256=hashlib.sha256(raw).hexdigest())
        assert problem.message == "seed file seeds/latin.txt is not UTF-8 text"

    def test_seed_too_large(self, project):
        raw = b"a" * (MAX_SEED_BYTES + 1)
        project.write_seed("huge.txt", raw)
        problem = self.mutated_seed(project, file="huge.txt", sha256=hashlib.sha256(raw).hexdigest())
        assert problem.message == f"seed file seeds/huge.txt is larger than {MAX_SEED_BYTES:,} bytes"

    def test_bad_seed_entry(self, project):
        problem = self.mutated_seed(project, sha256="not-a-hash")
        assert problem.location == "seeds[0].sha256"
        assert "String should match pattern" in problem.message

    def test_seed_id_declared_for_another_file(self, project):
        project.write("alpha.yaml", project.brief())
        clash = project.brief("beta", seed=project.other_seed_id)
        clash["seeds"][0]["id"] = "talks"
        for span in (span for key in ("positions", "events", "impacts", "judgments") for r in clash[key] for span in r["evidence"]):
            span["seed"] = "talks"
        project.write("beta.yaml", clash)
        corpus = project.load()
        assert [b.id for b in corpus.briefs] == ["alpha"]
        problem = only_problem(corpus)
        assert (problem.file, problem.location) == ("data/briefs/beta.yaml", "seeds[0]")
        assert problem.message == f"seed id 'talks' is already declared for talks.txt ({project.seed_sha256[:12]})"


class TestBounds:
    """Hostile or accidental files are refused quickly, with a message, and never crash the load."""

    def test_size_limit(self, project):
        assert MAX_YAML_BYTES == 2_000_000
        problem = only_problem(load_beside(project, b"# " + b"x" * MAX_YAML_BYTES + b"\n"))
        assert (problem.file, problem.location) == (BAD, "")
        assert problem.message == f"file is {MAX_YAML_BYTES + 3:,} bytes; the limit for a brief is 2,000,000"

    def test_a_file_at_the_limit_loads(self, project):
        text = yaml.safe_dump(project.brief(), sort_keys=False, allow_unicode=True)
        size = len(text.encode("utf-8"))
        text += "#" + "x" * (MAX_YAML_BYTES - size - 2) + "\n"
        path = project.write("alpha.yaml", text)
        assert path.stat().st_size == MAX_YAML_BYTES
        corpus = project.load()
        assert corpus.problems == ()
        assert [b.id for b in corpus.briefs] == ["alpha"]

    def test_nul_bytes(self, project):
        problem = only_problem(load_beside(project, b"id: alpha\n\x00\x01\x02\xff\xfe binary"))
        assert problem.message == "file contains NUL bytes: binary data, not YAML"

    def test_latin1(self, project):
        raw = "id: alpha\ntitle: Caf\u00e9 talks\n".encode("latin-1")
        position = raw.index("\u00e9".encode("latin-1"))
        problem = only_problem(load_beside(project, raw))
        assert problem.message == f"file is not UTF-8 text (byte {position}); save it as UTF-8"

    def test_alias_bomb(self, project):
        lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
        began = time.perf_counter()
        corpus = load_beside(project, "\n".join(lines) + "\n")
        assert time.perf_counter() - began < 5
        problem = only_problem(corpus)
        assert (problem.file, problem.location) == (BAD, "")
        assert problem.message == f"document expands to more than {MAX_YAML_NODES:,} nodes (YAML alias bomb?)"

    def test_deep_nesting(self, project):
        problem = only_problem(load_beside(project, "[" * 100_000 + "]" * 100_000))
        assert problem.message.startswith("invalid YAML at line 1")
        assert "nesting depth" in problem.message

    def test_read_yaml_raises_load_error(self, tmp_path):
        path = tmp_path / "x.yaml"
        path.write_bytes(b"\x00")
        with pytest.raises(LoadError, match="NUL bytes"):
            read_yaml(path)
        with pytest.raises(LoadError, match="cannot read file: No such file or directory"):
            read_yaml(tmp_path / "missing.yaml")


class TestCrossBrief:
    """Brief ids are global; record and evidence ids are scoped to their brief, so two briefs may share them."""

    def load_pair(self, project, change) -> Corpus:
        project.write("alpha.yaml", project.brief())
        beta = project.brief("beta", seed=project.other_seed_id)
        change(beta)
        project.write("beta.yaml", beta)
        return project.load()

    def test_a_record_id_used_in_another_brief_loads(self, project):
        corpus = self.load_pair(project, lambda d: d["judgments"][0].update(id="alpha-geneva-talks"))
        assert corpus.problems == () and [b.id for b in corpus.briefs] == ["alpha", "beta"]

    def test_an_evidence_id_used_in_another_brief_loads(self, project):
        corpus = self.load_pair(project, lambda d: d["positions"][1]["evidence"][1].update(id="alpha-ev-region"))
        assert corpus.problems == () and [b.id for b in corpus.briefs] == ["alpha", "beta"]

    def test_duplicate_brief_id(self, project):
        corpus = self.load_pair(project, lambda d: d.update(id="alpha"))
        assert [b.id for b in corpus.briefs] == ["alpha"]
        problem = only_problem(corpus)
        assert (problem.file, problem.location, problem.message) == (
            "data/briefs/beta.yaml",
            "id",
            "brief id 'alpha' is already used in data/briefs/alpha.yaml",
        )

    def test_two_briefs_may_cite_the_same_seed(self, project):
        # the loader reads a seed once and shares it: a second brief on the same article is normal
        project.write("alpha.yaml", project.brief())
        project.write("beta.yaml", project.brief("beta"))
        corpus = project.load()
        assert corpus.problems == ()
        assert [b.id for b in corpus.briefs] == ["alpha", "beta"]
        assert list(corpus.seed_texts) == ["talks"]


class TestTaxonomyProblems:
    def test_broken_taxonomy_stops_everything(self, project):
        project.write("alpha.yaml", project.brief())
        project.layout.taxonomy.write_text("parties: [\n", encoding="utf-8")
        corpus = project.load()
        assert corpus.taxonomy is None
        assert corpus.briefs == ()
        problem = only_problem(corpus)
        assert problem.file == "data/taxonomy.yaml"
        assert problem.message.startswith("invalid YAML at line")

    def test_missing_taxonomy(self, project):
        project.layout.taxonomy.unlink()
        problem = only_problem(project.load())
        assert (problem.file, problem.message) == ("data/taxonomy.yaml", "cannot read file: No such file or directory")

    def test_invalid_taxonomy_names_the_record(self, project):
        data = yaml.safe_load(project.layout.taxonomy.read_text(encoding="utf-8"))
        data["parties"][1]["kind"] = "empire"
        project.layout.taxonomy.write_text(yaml.safe_dump(data), encoding="utf-8")
        problem = only_problem(project.load())
        assert problem.location == "parties[1].kind"
        assert problem.message == "Input should be 'state', 'organisation' or 'group' (got 'empire')"


@pytest.fixture(scope="module")
def shipped() -> Corpus:
    return load_corpus()


class TestShippedData:
    """The briefs that ship with the dashboard load cleanly and cite their seeds exactly."""

    def test_project_loads_without_problems(self, shipped):
        assert [str(p) for p in shipped.problems] == []
        assert len(shipped.briefs) >= 1
        assert shipped.taxonomy is not None
        assert sorted(shipped.brief_files.values()) == sorted(f"data/briefs/{p.name}" for p in Layout().brief_paths())

    def test_every_span_is_its_quote(self, shipped):
        assert shipped.briefs
        checked = 0
        for brief in shipped.briefs:
            texts = {}
            for seed in brief.seeds:
                raw = (PROJECT_ROOT / "seeds" / seed.file).read_bytes()
                assert hashlib.sha256(raw).hexdigest() == seed.sha256, seed.file
                texts[seed.id] = raw.decode("utf-8")
                assert shipped.seed_texts[seed.id] == texts[seed.id]
            for span in brief.evidence():
                assert texts[span.seed][span.start : span.end] == span.quote, (brief.id, span.id)
                assert span.quote.strip(), (brief.id, span.id)
                checked += 1
        assert checked >= 1

    def test_every_record_has_evidence(self, shipped):
        for brief in shipped.briefs:
            for record in (*brief.positions, *brief.events, *brief.impacts, *brief.judgments):
                assert record.evidence, (brief.id, record.id)

    def test_loading_changes_no_file(self):
        folders = (PROJECT_ROOT / "data", PROJECT_ROOT / "seeds")
        before = tree_digest(*folders)
        load_corpus()
        assert tree_digest(*folders) == before


class TestDuplicateKeys:
    def test_a_repeated_key_is_an_error_not_a_silent_overwrite(self, project):
        path = project.write("dupe.yaml", "id: dupe\npositions: []\npositions: []\n")
        corpus = load_corpus(layout=project.layout)
        problem = next(p for p in corpus.problems if p.file.endswith("dupe.yaml"))
        assert "duplicate key 'positions'" in problem.message and "line 3" in problem.message
        assert path.exists()


def changes_after(watch: DataWatch, before: int | None, timeout_s: float = 5.0) -> int | None:
    """The watch's count once it differs from ``before`` (events arrive on another thread), or as it stands."""
    deadline = time.monotonic() + timeout_s
    while watch.changes == before and time.monotonic() < deadline:
        time.sleep(0.02)
    return watch.changes


class TestDataWatch:
    @pytest.fixture
    def watch(self, project):
        watch = DataWatch(project.layout)
        yield watch
        watch.stop()

    def test_a_written_brief_is_a_change(self, project, watch):
        assert watch.changes == 0
        project.write("alpha.yaml", project.brief())
        written = changes_after(watch, 0)
        assert written and written > 0

    def test_a_touched_seed_is_a_change(self, project, watch):
        assert watch.changes == 0
        seed = next(project.layout.seeds.iterdir())
        os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 1_000_000_000))
        assert changes_after(watch, 0) == 1

    def test_reading_every_file_is_not_a_change(self, project, watch):
        seen: list[tuple[str, str]] = []
        counts = watch.on_any_event

        def heard(event) -> None:  # every event the watch is handed, once it has counted it or not
            counts(event)
            seen.append((event.event_type, os.fsdecode(event.src_path)))

        watch.on_any_event = heard
        project.load()
        for path in project.layout.root.rglob("*"):
            if path.is_file():
                path.read_bytes()
        # then one touch in each folder: each folder's events arrive in order, so once both touches have been heard,
        # whatever the reads caused has been heard (and counted) before them
        markers = {str(project.layout.taxonomy), str(next(project.layout.seeds.iterdir()))}
        for marker in map(Path, markers):
            os.utime(marker, ns=(marker.stat().st_atime_ns, marker.stat().st_mtime_ns + 1_000_000_000))

        def both_touches_counted() -> bool:
            return markers <= {path for kind, path in seen if kind in CHANGE_EVENTS}

        wait_for(both_touches_counted, timeout_s=5, what="both touches heard by the watch")
        assert watch.changes == len(markers), seen

    def test_a_removed_folder_hands_over_to_the_fingerprint(self, project, watch):
        shutil.rmtree(project.layout.seeds)
        wait_for(lambda: watch.changes is None, timeout_s=5, what="the watch letting go of its removed folder")

    def test_a_burst_of_changes_is_told_once_it_has_settled(self, project):
        told: list[int | None] = []
        watch = DataWatch(project.layout, on_settled=lambda: told.append(watch.changes))
        try:
            for name in ("alpha.yaml", "beta.yaml", "gamma.yaml"):
                project.write(name, project.brief(name.removesuffix(".yaml")))
            wait_for(lambda: bool(told), timeout_s=5, what="the settled burst told")
            time.sleep(watch_module.SETTLE_SECONDS * 5)
            assert len(told) == 1, "one burst, one call"
            assert told[0] is not None and told[0] >= 3
        finally:
            watch.stop()

    def test_a_failing_callback_leaves_the_watch_counting(self, project, caplog):
        def broken() -> None:
            raise RuntimeError("injected")

        watch = DataWatch(project.layout, on_settled=broken)
        try:
            project.write("alpha.yaml", project.brief("alpha"))
            wait_for(lambda: "injected" in caplog.text, timeout_s=5, what="the failure logged")
            before = watch.changes
            project.write("beta.yaml", project.brief("beta"))
            assert changes_after(watch, before) != before
        finally:
            watch.stop()

    def test_a_missing_folder_is_not_watched(self, tmp_path):
        (tmp_path / "data").mkdir()
        watch = DataWatch(Layout(root=tmp_path))
        assert watch.changes is None
        watch.stop()
