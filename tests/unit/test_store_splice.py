"""An edit's frames spliced from the last ones (briefing/frames/splice.py, store._spliced) equal a full build: edits,
new, removed, broken and re-dated briefs; a shared id, a taken brief id or a seed clash is left to the full build."""

from __future__ import annotations

import json
import pickle
import threading

import pandas as pd
import pytest

from briefing import store, versions
from briefing.frames import TABLES, Frames
from tests.support.tiny_project import OTHER_SEED_FILE, OTHER_SEED_ID, TinyProject


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE", str(folder))
    return folder


@pytest.fixture
def splices(monkeypatch) -> list[int]:
    """One entry per splice made."""
    made: list[int] = []
    real = store.splice

    def counted(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "splice", counted)
    return made


@pytest.fixture
def three(project: TinyProject, cache) -> TinyProject:
    """alpha, beta and gamma, each with ids of its own; loaded once, so the next load may splice."""
    project.write("alpha.yaml", project.brief("alpha"))
    project.write("beta.yaml", project.brief("beta", seed=OTHER_SEED_ID))
    gamma = project.brief("gamma")
    gamma["published"] = "2026-02-15"
    project.write("gamma.yaml", gamma)
    loaded = store.load_frames(project.layout)
    assert loaded.record_labels is not None and loaded.warnings_by_file is not None  # named once, as a page would
    return project


def same_as_full_build(spliced: Frames, project: TinyProject) -> None:
    full = store.load_frames(project.layout, use_cache=False)
    for name in TABLES:
        pd.testing.assert_frame_equal(spliced.table(name), full.table(name), obj=name)
    assert spliced.version == full.version
    assert spliced.record_labels == full.record_labels
    assert spliced.warnings_by_file == full.warnings_by_file
    assert sorted(map(str, spliced.problems)) == sorted(map(str, full.problems))
    assert sorted(map(str, spliced.warnings)) == sorted(map(str, full.warnings))


class TestSplice:
    def test_an_edited_brief(self, three, splices):
        beta = three.brief("beta", seed=OTHER_SEED_ID)
        beta["positions"][0]["summary"] = "Northland now says something else."
        three.write("beta.yaml", beta)
        spliced = store.load_frames(three.layout)
        assert splices == [1]
        assert "Northland now says something else." in set(spliced.positions["summary"])
        same_as_full_build(spliced, three)

    def test_the_version_manifest_is_made_from_the_last_one_and_equals_a_full_one(self, three, splices, cache):
        beta = three.brief("beta", seed=OTHER_SEED_ID)
        beta["positions"][0]["summary"] = "Northland now says something else."
        three.write("beta.yaml", beta)
        spliced = store.load_frames(three.layout)
        for thread in threading.enumerate():
            if thread.name == "record-frames":
                thread.join()
        assert splices == [1]
        full = store.load_frames(three.layout, use_cache=False)
        assert versions.load_manifest(spliced.version, cache) == json.loads(json.dumps(versions.manifest(full)))

    def test_a_brief_moved_in_time_takes_its_place_in_every_table(self, three, splices):
        alpha = three.brief("alpha")
        alpha["published"] = "2026-03-01"
        three.write("alpha.yaml", alpha)
        spliced = store.load_frames(three.layout)
        assert splices == [1]
        assert list(spliced.briefs["id"]) == ["beta", "gamma", "alpha"]
        same_as_full_build(spliced, three)

    def test_a_new_and_a_removed_brief(self, three, splices):
        three.write("delta.yaml", three.brief("delta"))
        (three.layout.briefs / "gamma.yaml").unlink()
        spliced = store.load_frames(three.layout)
        assert splices == [1]
        assert set(spliced.briefs["id"]) == {"alpha", "beta", "delta"}
        same_as_full_build(spliced, three)

    def test_several_briefs_each_at_its_place(self, three, splices):
        alpha = three.brief("alpha")
        alpha["published"] = "2026-02-01"  # between beta (2026-01-30) and gamma (2026-02-15)
        three.write("alpha.yaml", alpha)
        delta = three.brief("delta")
        delta["published"] = "2025-12-01"  # first
        three.write("delta.yaml", delta)
        epsilon = three.brief("epsilon")
        epsilon["published"] = "2026-03-01"  # last
        three.write("epsilon.yaml", epsilon)
        spliced = store.load_frames(three.layout)
        assert splices == [1]
        assert list(spliced.briefs["id"]) == ["delta", "beta", "alpha", "gamma", "epsilon"]
        same_as_full_build(spliced, three)

    def test_a_broken_brief_is_named_and_its_rows_leave(self, three, splices):
        beta = three.brief("beta", seed=OTHER_SEED_ID)
        beta["positions"][0]["stance"] = "maybe"
        three.write("beta.yaml", beta)
        spliced = store.load_frames(three.layout)
        assert splices == [1]
        assert "beta" not in set(spliced.positions["brief"])
        assert [p.file for p in spliced.problems] == ["data/briefs/beta.yaml"]
        same_as_full_build(spliced, three)

    def test_an_unchanged_data_file_set_serves_the_same_frames(self, three, splices):
        (three.layout.data / "edit-log.jsonl").write_text("{}\n", encoding="utf-8")
        first = store.load_frames(three.layout)
        assert first.version == store.load_frames(three.layout, use_cache=False).version


class TestFullBuildInstead:
    def test_an_id_another_brief_uses(self, three, splices):
        beta = three.brief("beta", seed=OTHER_SEED_ID)
        beta["positions"][0]["id"] = "alpha-northland-ceasefire"  # alpha's id: both become <brief>:<id>
        three.write("beta.yaml", beta)
        frames = store.load_frames(three.layout)
        assert splices == []
        assert "alpha:alpha-northland-ceasefire" in set(frames.positions["id"])
        same_as_full_build(frames, three)

    def test_a_brief_id_taken_twice(self, three, splices):
        beta = three.brief("beta", seed=OTHER_SEED_ID)
        beta["id"] = "alpha"
        three.write("beta.yaml", beta)
        frames = store.load_frames(three.layout)
        assert splices == []
        same_as_full_build(frames, three)

    def test_a_seed_declared_for_another_file(self, three, splices):
        beta = three.brief("beta")
        beta["seeds"][0]["file"] = OTHER_SEED_FILE  # the seed id alpha declares, for another file (same text)
        three.write("beta.yaml", beta)
        frames = store.load_frames(three.layout)
        assert splices == []
        same_as_full_build(frames, three)

    def test_a_changed_taxonomy(self, three, splices):
        three.layout.taxonomy.write_text(three.layout.taxonomy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        store.load_frames(three.layout)
        assert splices == []


class TestPrepared:
    """An edit spliced as soon as it is saved (``store.prepare``, called by the data watch): the next load takes it."""

    def edit_beta(self, project: TinyProject) -> None:
        beta = project.brief("beta", seed=OTHER_SEED_ID)
        beta["positions"][0]["summary"] = "Northland now says something else."
        project.write("beta.yaml", beta)

    def test_the_next_load_takes_the_prepared_frames_without_splicing_again(self, three, splices, monkeypatch):
        self.edit_beta(three)
        assert store.prepare(three.layout) is True
        assert splices == [1]
        monkeypatch.setattr(store, "_spliced", None)  # a second splice would fail
        loaded = store.load_frames(three.layout)
        assert "Northland now says something else." in set(loaded.positions["summary"])
        assert {"brief_titles", "record_labels", "issue_labels", "_evidence_index"} <= set(vars(loaded)), "derived before a run asks"
        same_as_full_build(loaded, three)
        copy = pickle.loads(pickle.dumps(loaded))  # noqa: S301 - our own object
        assert "brief_titles" not in vars(copy), "derived lookups are not pickled"
        assert copy.brief_titles == loaded.brief_titles

    def test_nothing_changed_nothing_prepared(self, three, splices):
        assert store.prepare(three.layout) is False
        assert splices == []

    def test_a_process_that_served_nothing_prepares_nothing(self, project, cache, splices):
        project.write("alpha.yaml", project.brief("alpha"))
        store._SERVED.clear()
        assert store.prepare(project.layout) is False
        assert splices == []

    def test_a_change_a_splice_cannot_take_is_left_to_the_next_load(self, three, splices):
        taxonomy = three.layout.taxonomy
        taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
        assert store.prepare(three.layout) is False
        loaded = store.load_frames(three.layout)
        assert splices == [] and set(loaded.briefs["id"]) == {"alpha", "beta", "gamma"}

    def test_prepared_frames_of_other_files_are_not_taken(self, three, splices):
        self.edit_beta(three)
        assert store.prepare(three.layout) is True
        gamma = three.brief("gamma")
        gamma["published"] = "2026-02-15"
        gamma["title"] = "Gamma again"
        three.write("gamma.yaml", gamma)  # changed again after the prepare: the prepared frames are stale
        loaded = store.load_frames(three.layout)
        assert "Gamma again" in set(loaded.briefs["title"])
        assert "Northland now says something else." in set(loaded.positions["summary"])
        same_as_full_build(loaded, three)

    def test_a_run_asking_while_an_edit_is_prepared_waits_and_takes_it(self, three, splices, monkeypatch):
        self.edit_beta(three)
        real, started, release = store._spliced, threading.Event(), threading.Event()

        def slow(*args):
            started.set()
            release.wait(5)
            return real(*args)

        monkeypatch.setattr(store, "_spliced", slow)
        preparing = threading.Thread(target=store.prepare, args=(three.layout,))
        preparing.start()
        assert started.wait(5)
        loaded: list[Frames] = []
        asking = threading.Thread(target=lambda: loaded.append(store.load_frames(three.layout)))
        asking.start()
        release.set()
        preparing.join(5)
        asking.join(5)
        assert splices == [1], "the run took the prepared frames instead of splicing beside them"
        assert "Northland now says something else." in set(loaded[0].positions["summary"])
