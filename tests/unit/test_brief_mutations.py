"""No value in a brief can crash loading: a mutated brief gives problems naming its file, or loads; its valid
neighbour always loads, and the frames always build.

The brief, its seed and the taxonomy are the tiny project of tests/support/tiny_project.py, built in code; the mutations
are tests/support/mutations.py's.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, example, given, settings

from briefing.frames import build_frames
from briefing.load import Corpus, load_corpus
from tests.support.mutations import BROKEN, VALID, as_yaml, brief_files, dumped
from tests.support.tiny_project import TinyProject


@pytest.fixture(scope="module")
def project(make_project) -> TinyProject:
    """One folder for every example: alpha.yaml is rewritten each time, beta.yaml stays valid beside it."""
    project = make_project("mutations")
    project.neighbour()
    return project


def check_load(project: TinyProject, content: bytes) -> Corpus:
    """Load alpha.yaml holding content beside the valid beta.yaml and check what every load must give."""
    (project.layout.briefs / "alpha.yaml").write_bytes(content)
    corpus = load_corpus(layout=project.layout)
    assert "beta" in [brief.id for brief in corpus.briefs], corpus.problems
    assert {problem.file for problem in corpus.problems} <= {BROKEN}, corpus.problems
    loaded = BROKEN in corpus.brief_files.values()
    assert loaded != bool(corpus.problems), (loaded, corpus.problems)
    for problem in corpus.problems:
        line = str(problem)
        assert line.startswith(f"{BROKEN}:") and "\n" not in line and "Traceback" not in line, line
        # an unforeseen error is caught at the boundary, but every mutation here has a known answer
        assert not problem.message.startswith("unexpected "), line
    frames = build_frames(corpus)
    assert frames.problems == corpus.problems
    assert "beta" in set(frames.briefs["id"])
    return corpus


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content=brief_files(VALID))
# failures Hypothesis found, kept as named examples
@example(content=as_yaml({**VALID, "positions": [{**VALID["positions"][0], "date": "2026-01?-29"}]}))
@example(
    content=as_yaml(
        {
            **VALID,
            "events": [
                {
                    **VALID["events"][0],
                    "evidence": [
                        {key: ("0" if key == "start" else value) for key, value in VALID["events"][0]["evidence"][0].items() if key != "id"}
                    ],
                }
            ],
        }
    )
)
def test_a_mutated_brief_gives_problems_or_loads_and_never_raises(project, content):
    corpus = check_load(project, content)
    event(f"problem: {corpus.problems[0].message.split(' ')[0]}" if corpus.problems else "loads")


class TestNamedMutations:
    """Mutations worth keeping by name: each gives a clear problem for alpha.yaml and beta still loads."""

    def mutated(self, project, change) -> Corpus:
        document = project.brief("alpha")
        change(document)
        text = dumped(document)
        assert text is not None
        return check_load(project, text.encode("utf-8"))

    def test_the_issues_date_loads_with_its_uncertainty(self, project):
        corpus = self.mutated(project, lambda d: d["positions"][0].update(date="2026-01?-29"))
        assert corpus.problems == ()
        frames = build_frames(corpus)
        row = frames.positions.set_index("id").loc["alpha-northland-ceasefire"]
        assert row["date_precision"] == "exact day, year and month uncertain"

    def test_a_refused_edtf_form_names_the_field_and_what_to_write(self, project):
        corpus = self.mutated(project, lambda d: d["events"][0].update(date="2026-01-29/.."))
        (problem,) = corpus.problems
        assert problem.location == "events[0].date"
        assert "open end" in problem.message and "give both ends" in problem.message

    def test_a_record_that_fails_keeps_its_raw_values_out_of_the_checks(self, project):
        def change(document):
            span = document["events"][0]["evidence"][0]
            del span["id"]
            span["start"] = "0"  # raw text where the span check compares numbers

        corpus = self.mutated(project, change)
        assert [(p.location, p.message) for p in corpus.problems] == [("events[0].evidence[0].id", "field required")]

    def test_a_seed_file_name_too_long_for_the_file_system(self, project):
        corpus = self.mutated(project, lambda d: d["seeds"][0].update(file="é" * 200))
        (problem,) = corpus.problems
        assert problem.location == "seeds[0]"
        assert problem.message.startswith("cannot read seed file seeds/") and "too long" in problem.message

    def test_control_characters_in_a_problem_are_shown_escaped(self, project):
        corpus = self.mutated(project, lambda d: d["seeds"][0].update(file="a\nb\x1b[2J.txt"))
        (problem,) = corpus.problems
        assert problem.message == "seed file seeds/a\nb\x1b[2J.txt is missing"
        assert str(problem).endswith(r": seeds[0] (talks): seed file seeds/a\nb\x1b[2J.txt is missing")

    def test_a_folder_named_like_a_brief(self, project):
        folder = project.layout.briefs / "folder.yaml"
        folder.mkdir()
        try:
            corpus = load_corpus(layout=project.layout)
        finally:
            folder.rmdir()
        problems = [str(p) for p in corpus.problems if p.file == "data/briefs/folder.yaml"]
        assert problems == ["data/briefs/folder.yaml: cannot read file: Is a directory"]
        assert "beta" in [brief.id for brief in corpus.briefs]
