"""Compiling briefs in worker processes (briefing/load/pool.py): the same corpus and the same located problems as in
one process, progress as briefs are compiled, and a clean fallback where processes cannot start."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from briefing.load import Corpus, load_corpus, pool
from tests.support.tiny_project import OTHER_SEED_FILE, TinyProject

BRIEFS = pool.POOL_MIN_BRIEFS + 6


@pytest.fixture(scope="module")
def many(make_project) -> TinyProject:
    """Enough briefs for the pool: each valid on its own, one with an unknown stance, one declaring another brief's
    seed id with a different file, one that is not YAML."""
    project = make_project("pool")
    for number in range(BRIEFS):
        project.write(f"b{number:02}.yaml", project.brief(f"b{number:02}"))
    broken = project.brief("broken")
    broken["positions"][0]["stance"] = "maybe"
    project.write("broken.yaml", broken)
    clash = project.brief("clash")
    clash["seeds"][0]["file"] = OTHER_SEED_FILE  # the seed id every other brief uses, for another file (same text)
    project.write("clash.yaml", clash)
    project.write("garbled.yaml", "positions: [unclosed\n")
    return project


def load(project: TinyProject, workers: str, monkeypatch, folder: Path | None = None, progress=None) -> Corpus:
    monkeypatch.setenv("BRIEFING_LOAD_WORKERS", workers)
    return load_corpus(layout=project.layout, compiled=folder, progress=progress)


def summary(corpus: Corpus) -> tuple:
    return [brief.id for brief in corpus.briefs], corpus.problems, corpus.warnings


class TestPool:
    def test_same_corpus_and_problems_as_one_process(self, many, monkeypatch, tmp_path):
        told: list[tuple[int, int]] = []
        pooled = load(many, "2", monkeypatch, tmp_path / "briefs", progress=lambda done, total: told.append((done, total)))
        alone = load(many, "0", monkeypatch)
        assert summary(pooled) == summary(alone)
        assert len(pooled.briefs) == BRIEFS
        assert told, "the pool did not run"
        assert told[-1] == (BRIEFS + 3, BRIEFS + 3)

    def test_a_broken_brief_is_named_at_its_line(self, many, monkeypatch):
        corpus = load(many, "2", monkeypatch)
        by_file = {problem.file: problem for problem in corpus.problems}
        assert by_file["data/briefs/broken.yaml"].location.startswith("positions[0].stance")
        assert by_file["data/briefs/broken.yaml"].line is not None
        assert "invalid YAML" in by_file["data/briefs/garbled.yaml"].message
        assert "already declared" in by_file["data/briefs/clash.yaml"].message
        assert by_file["data/briefs/clash.yaml"].line is not None

    def test_compiled_briefs_are_read_back_without_the_pool(self, many, monkeypatch, tmp_path):
        folder = tmp_path / "briefs"
        first = load(many, "2", monkeypatch, folder)
        told: list[tuple[int, int]] = []
        again = load(many, "2", monkeypatch, folder, progress=lambda done, total: told.append((done, total)))
        assert summary(again) == summary(first)
        assert told == [], "the valid briefs were compiled again"  # the broken ones are too few for the pool

    def test_no_processes_falls_back_to_one(self, many, monkeypatch):
        def refuse(_method):
            raise OSError("no processes here")

        monkeypatch.setattr(multiprocessing, "get_context", refuse)
        corpus = load(many, "2", monkeypatch)
        assert len(corpus.briefs) == BRIEFS

    def test_few_misses_stay_in_this_process(self, project, monkeypatch):
        project.write("alpha.yaml", project.brief())
        told: list[tuple[int, int]] = []
        corpus = load(project, "2", monkeypatch, progress=lambda done, total: told.append((done, total)))
        assert [brief.id for brief in corpus.briefs] == ["alpha"]
        assert told == []


def test_a_worker_answers_with_the_cache_entry_it_kept(many, tmp_path):
    """A compiled brief is pickled once: the bytes sent to the main process are the compiled cache's entry."""
    from briefing.load.corpus import load_taxonomy

    taxonomy, _problems = load_taxonomy(many.layout)
    folder = tmp_path / "compiled"
    pool._start(many.layout, taxonomy, folder, "digest")
    paths = [str(many.layout.briefs / name) for name in ("b00.yaml", "broken.yaml")]
    (good_path, good), (_bad_path, bad) = pool._compile(paths)
    assert isinstance(good, bytes) and good_path == paths[0]
    assert [entry.read_bytes() for entry in folder.glob("*.pickle")] == [good]
    brief, problems, _findings = pool._unpacked(good)
    assert brief.id == "b00" and problems == []
    assert not isinstance(bad, bytes) and bad[0] is None and bad[1], "a broken brief answers with its problems"
