"""The collector is paused through a load and comes back in the state it was in."""

from __future__ import annotations

import gc
import threading

import pytest

from briefing import store
from briefing.collector import collector_paused
from briefing.load import Layout, pool
from briefing.load.corpus import load_taxonomy
from tests.conftest import CORPUS


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_enabled_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause ending does not resume the collector"
    assert gc.isenabled()


def test_resumes_after_an_error(collector_on):
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_in_two_threads_end_with_the_last(collector_on):
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=hold)
    other.start()
    assert inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled(), "the other thread's load is still running"
    release.set()
    other.join(5)
    assert gc.isenabled()


def test_a_load_builds_with_the_collector_paused(collector_on, monkeypatch, tmp_path):
    seen: list[bool] = []
    build = store.build_frames

    def watched(corpus):
        seen.append(gc.isenabled())
        return build(corpus)

    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(store, "build_frames", watched)
    frames = store.load_frames(Layout(CORPUS))
    assert len(frames.briefs) >= 1
    assert seen == [False]
    assert gc.isenabled()


def test_a_worker_compiles_with_the_collector_paused(collector_on, monkeypatch, tmp_path):
    from briefing.load import corpus

    seen: list[bool] = []
    load_brief = corpus._load_brief

    def watched(*args):
        seen.append(gc.isenabled())
        return load_brief(*args)

    layout = Layout(CORPUS)
    taxonomy, _problems = load_taxonomy(layout)
    pool._start(layout, taxonomy, tmp_path, "digest")
    monkeypatch.setattr(corpus, "_load_brief", watched)
    paths = [str(path) for path in layout.brief_paths()]
    done = pool._compile(paths)
    assert [path for path, _loaded in done] == paths
    assert all(pool._unpacked(loaded)[0] is not None for _path, loaded in done)
    assert seen == [False] * len(paths)
    assert gc.isenabled()
