"""As it was: a link with the data version it was made with opens that version's data, read-only, with a notice
("as of <date>", today's view, what changed), while the data has moved on; every served version is kept."""

from __future__ import annotations

import shutil

import pytest

from briefing.archive import REPOSITORY, keep_version, kept_since, open_version
from briefing.load import Layout
from briefing.store import cache_dir, data_files, data_version
from components.data import RECHECK_SECONDS
from tests.app.helpers import run_page
from tests.conftest import CORPUS
from tests.waiting import wait_for

LAVROV = "lavrov-red-line-2026-01"


@pytest.fixture
def moved_on(tmp_path, monkeypatch):
    """A copy of the test corpus served once, then changed: a brief renamed and one position re-worded."""
    shutil.copytree(CORPUS / "data", tmp_path / "data")
    shutil.copytree(CORPUS / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
    old_version = data_version(Layout(root=tmp_path))
    assert not run_page("overview").exception  # served, so kept
    path = tmp_path / "data" / "briefs" / f"{LAVROV}.yaml"
    text = path.read_text(encoding="utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title:")).removeprefix("title:").strip().strip("\"'")
    text = text.replace("In Lavrov's own words, even a ceasefire", "In his own words, even a ceasefire", 1)
    path.write_text(text.replace(old_title, "A renamed brief", 1), encoding="utf-8")
    wait_for(
        lambda: "A renamed brief" in " ".join(c.value for c in run_page("overview").caption),
        timeout_s=RECHECK_SECONDS + 10,
        what="the app to serve the changed data",
    )
    return tmp_path, old_version, old_title


def footer(app) -> str:
    return " ".join(c.value for c in app.caption if c.value.startswith("Source:"))


def test_an_old_link_opens_the_data_as_it_was(moved_on):
    _root, old_version, old_title = moved_on
    app = run_page("matrix", v=old_version)
    assert not app.exception
    [notice] = [i.value for i in app.info if i.value.startswith("As of ")]
    assert "read-only" in notice
    assert old_title in footer(app) and "A renamed brief" not in footer(app)
    [changes] = [e for e in app.expander if e.label == "What changed since"]
    text = " ".join(m.value for m in changes.markdown).replace("\\", "")
    assert "changed position " in text and "pos-" not in text
    app.button(key="as_of_today").click().run()  # today's view, in the same session
    assert "A renamed brief" in footer(app) and not [i for i in app.info if i.value.startswith("As of ")]


def test_the_workbench_never_edits_an_old_version(moved_on, monkeypatch):
    _root, old_version, _old_title = moved_on
    monkeypatch.setenv("BRIEFING_EDITING", "1")
    app = run_page("workbench", v=old_version)
    assert not app.exception
    assert any("edits today's data" in i.value for i in app.info)
    assert not app.get("file_uploader") and {b.key for b in app.button} <= {"as_of_today", "clear_filters"}


def test_each_file_is_stored_once(tmp_path, monkeypatch):
    """Two versions that differ in one brief share every other file's object in the history repository."""
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    shutil.copytree(CORPUS, tmp_path / "root")
    layout = Layout(root=tmp_path / "root")
    first = data_version(layout)
    keep_version(layout, first, data_files(layout), cache_dir())
    objects = sum(1 for p in (cache_dir() / REPOSITORY / "objects").rglob("*") if p.is_file())
    brief = layout.briefs / f"{LAVROV}.yaml"
    brief.write_text(brief.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    second = data_version(layout)
    keep_version(layout, second, data_files(layout), cache_dir())
    added = sum(1 for p in (cache_dir() / REPOSITORY / "objects").rglob("*") if p.is_file()) - objects
    assert added == 5  # the changed brief, the trees of its folder, of data/ and of the root, and the commit
    assert kept_since(first, cache_dir()) and kept_since(second, cache_dir())
    for version in (first, second):
        kept = open_version(version, cache_dir())
        assert kept is not None and data_version(kept) == version
