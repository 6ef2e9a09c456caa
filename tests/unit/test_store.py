"""The on-disk frames cache: keyed on content, rebuilt when broken, optional when unwritable."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from briefing import store
from briefing.load import Layout


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE", str(folder))
    return folder


class TestLoad:
    def test_second_load_comes_from_the_cache_and_equals_the_first(self, cache):
        first = store.load_frames(Layout())
        files = sorted(path.name for path in cache.glob("frames-*.pickle"))
        assert len(first.version) == 12
        assert len(files) == 2 and sum(first.version in name for name in files) == 1  # by stat key, by content
        second = store.load_frames(Layout())
        pd.testing.assert_frame_equal(first.positions, second.positions)
        assert second.version == first.version and second.seed_texts == first.seed_texts

    def test_version_follows_content(self, project, cache):
        before = store.data_version(project.layout)
        assert before == store.data_version(project.layout)
        project.neighbour()
        assert store.data_version(project.layout) != before

    def test_edit_rebuilds(self, project, cache):
        project.write("alpha.yaml", project.brief("alpha"))
        first = store.load_frames(project.layout)
        brief = project.brief("alpha")
        brief["title"] = "Changed title"
        project.write("alpha.yaml", brief)
        second = store.load_frames(project.layout)
        assert second.version != first.version
        assert list(second.briefs["title"]) == ["Changed title"]

    def test_a_replica_with_its_own_copy_of_the_data_starts_from_the_shared_cache(self, project, cache, tmp_path, monkeypatch):
        project.write("alpha.yaml", project.brief("alpha"))
        first = store.load_frames(project.layout)
        copy = tmp_path / "replica"
        shutil.copytree(project.root, copy)  # other paths, other mtimes: only the content is the same
        monkeypatch.setattr(store, "load_corpus", None)  # a build would fail
        again = store.load_frames(Layout(root=copy))
        assert again.version == first.version
        pd.testing.assert_frame_equal(again.positions, first.positions)

    def test_frames_with_an_unforeseen_error_are_not_shared_by_content(self, project, cache, tmp_path, monkeypatch):
        """A fault of the moment (here injected into the taxonomy check) is no property of the files: another copy of
        the same content meets the files afresh instead of inheriting the fault."""
        from briefing import schema

        def duplicates(ids):
            raise ZeroDivisionError("injected in the taxonomy check")

        project.write("alpha.yaml", project.brief("alpha"))
        with monkeypatch.context() as patch:
            patch.setattr(schema.taxonomy, "_duplicates", duplicates)
            faulty = store.load_frames(project.layout)
        assert any(problem.unforeseen for problem in faulty.problems)
        assert not [path for path in cache.glob("frames-*.pickle") if faulty.version in path.name]
        copy = tmp_path / "replica"
        shutil.copytree(project.root, copy)
        again = store.load_frames(Layout(root=copy))
        assert again.version == faulty.version and not again.problems and len(again.briefs) == 1

    def test_a_cleared_history_is_recorded_again_when_the_frames_come_from_the_cache(self, project, cache, monkeypatch):
        """The frames cache outlives the kept versions and manifests: cleared, the version served from the cache is
        kept again, so a link made now still reopens it (here: opened as it was after the files changed)."""
        from briefing.archive import is_kept, open_version
        from briefing.versions import load_manifest

        project.write("alpha.yaml", project.brief("alpha"))
        first = store.load_frames(project.layout)
        assert is_kept(first.version, cache) and load_manifest(first.version, cache) is not None
        shutil.rmtree(cache / "history.git")
        shutil.rmtree(cache / "versions")
        assert not is_kept(first.version, cache)
        monkeypatch.setattr(store, "load_corpus", None)  # from the cache: a build would fail
        again = store.load_frames(project.layout)
        assert again.version == first.version
        assert is_kept(first.version, cache) and load_manifest(first.version, cache) is not None
        brief = project.brief("alpha")
        brief["title"] = "Changed title"
        project.write("alpha.yaml", brief)
        kept = open_version(first.version, cache)
        assert kept is not None and "Changed title" not in (kept.briefs / "alpha.yaml").read_text(encoding="utf-8")


class TestInvalid:
    def test_a_corrupt_cache_file_is_rebuilt(self, cache):
        frames = store.load_frames(Layout())
        path = next(path for path in cache.glob("frames-*.pickle") if frames.version not in path.name)
        path.write_bytes(b"not a pickle")
        again = store.load_frames(Layout())
        assert len(again.positions) == len(frames.positions)
        assert path.read_bytes() != b"not a pickle"

    def test_an_unwritable_cache_still_serves(self, tmp_path, monkeypatch):
        blocker = tmp_path / "file"
        blocker.write_text("x")
        monkeypatch.setenv("BRIEFING_CACHE", str(blocker / "cache"))
        frames = store.load_frames(Layout())
        assert not frames.positions.empty


class TestCompiledBriefs:
    def test_unchanged_briefs_skip_parsing(self, project, tmp_path, monkeypatch):
        from briefing import load

        project.write("alpha.yaml", project.brief("alpha"))
        folder = tmp_path / "compiled"
        first = load.load_corpus(layout=project.layout, compiled=folder)
        assert len(first.briefs) == 1 and list(folder.glob("*.pickle"))

        parse = load.parse_yaml

        def refuse(raw):
            if raw == project.layout.taxonomy.read_bytes():
                return parse(raw)
            raise AssertionError("a brief was parsed again")

        monkeypatch.setattr(load.corpus, "parse_yaml", refuse)
        second = load.load_corpus(layout=project.layout, compiled=folder)
        assert second.briefs == first.briefs and not second.problems

    def test_a_cached_brief_keeps_its_editorial_warnings_without_checking_again(self, project, tmp_path, monkeypatch):
        from briefing import load

        data = project.brief("alpha")
        data["judgments"][0].update(
            evidence=[project.span("alpha-ev-energy-j", "energy")], confidence="high", text="An energy truce will follow."
        )
        project.write("alpha.yaml", data)
        folder = tmp_path / "compiled"
        first = load.load_corpus(layout=project.layout, compiled=folder)
        assert [w.message.rsplit("[", 1)[1] for w in first.warnings] == ["hedged-quote-high-confidence]", "dropped-hedge]"]

        def refuse(*_args):
            raise AssertionError("a cached brief was checked again")

        monkeypatch.setattr(load.corpus, "editorial_findings", refuse)
        second = load.load_corpus(layout=project.layout, compiled=folder)
        assert second.warnings == first.warnings and second.briefs == first.briefs

    def test_a_changed_seed_still_fails_a_cached_brief(self, project, tmp_path):
        from briefing import load

        project.write("alpha.yaml", project.brief("alpha"))
        folder = tmp_path / "compiled"
        load.load_corpus(layout=project.layout, compiled=folder)
        seed = next(project.layout.seeds.glob("*.txt"))
        seed.write_bytes(seed.read_bytes() + b"\n")
        corpus = load.load_corpus(layout=project.layout, compiled=folder)
        assert not corpus.briefs
        assert any("every offset may be wrong" in p.message for p in corpus.problems)

    def test_a_damaged_entry_is_rebuilt(self, project, tmp_path):
        from briefing import load

        project.write("alpha.yaml", project.brief("alpha"))
        folder = tmp_path / "compiled"
        load.load_corpus(layout=project.layout, compiled=folder)
        for entry in folder.glob("*.pickle"):
            entry.write_bytes(b"junk")
        corpus = load.load_corpus(layout=project.layout, compiled=folder)
        assert len(corpus.briefs) == 1
        assert all(entry.read_bytes() != b"junk" for entry in folder.glob("*.pickle"))


def test_the_code_version_does_not_depend_on_where_the_code_is_installed(tmp_path):
    """Replicas sharing one cache folder find each other's entries even with the code installed at other paths."""
    import subprocess
    import sys
    from pathlib import Path

    from briefing.load.layout import CODE_VERSION

    package = Path(store.__file__).resolve().parent
    shutil.copytree(package, tmp_path / "elsewhere" / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
    query = "from briefing.load.layout import CODE_VERSION; print(CODE_VERSION)"
    run = subprocess.run(
        [sys.executable, "-c", query],
        cwd=tmp_path / "elsewhere",
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(tmp_path / "elsewhere")},
    )
    assert run.stdout.strip() == CODE_VERSION
