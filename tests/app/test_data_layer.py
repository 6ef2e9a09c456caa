"""The cached data layer as the app sees it: reload on edit, broken files as banners."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from components.data import RECHECK_SECONDS
from tests.app.helpers import markdown_texts, matrix_grid, run_page
from tests.conftest import CORPUS
from tests.waiting import wait_for

BRIEF = "lavrov-red-line-2026-01.yaml"


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/ and seeds/ the app reads instead of the project's own."""
    shutil.copytree(CORPUS / "data", tmp_path / "data")
    shutil.copytree(CORPUS / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
    return tmp_path


class TestReload:
    def test_an_edited_brief_shows_on_the_next_rerun(self, data_copy):
        app = run_page("overview")
        assert any("Lavrov Draws the Red Line" in m.value for m in app.markdown)
        path = data_copy / "data" / "briefs" / BRIEF
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('title: "Lavrov Draws the Red Line', 'title: "Edited: Lavrov Draws the Red Line', 1), encoding="utf-8")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))

        def edited_title_shown() -> list[str]:
            app.run()
            return [text for text in markdown_texts(app) if "Edited: Lavrov Draws the Red Line" in text]

        # file events make it the next rerun; where the folders cannot be watched, the first after RECHECK_SECONDS
        wait_for(edited_title_shown, timeout_s=RECHECK_SECONDS + 10, what="the edited title on a rerun")


class TestBrokenBrief:
    def test_a_broken_brief_is_a_banner_and_the_rest_still_serves(self, data_copy):
        (data_copy / "data" / "briefs" / "broken.yaml").write_text("id: broken\npositions: [\n", encoding="utf-8")
        app = run_page("matrix")
        assert not app.exception
        assert any("failed validation" in e.value for e in app.error)
        problems = " ".join(c.value for c in app.code)
        assert "data/briefs/broken.yaml" in problems and "invalid YAML" in problems
        assert matrix_grid(app)[2], "the intact brief still draws its matrix"

    def test_a_changed_seed_fails_its_brief_with_the_hash_named(self, data_copy):
        seed = data_copy / "seeds" / "lavrov-red-line-2026-01-30.txt"
        seed.write_bytes(seed.read_bytes().replace(b"Lavrov", b"Lavrof", 1))
        app = run_page("overview")
        assert not app.exception
        problems = " ".join(c.value for c in app.code)
        assert "lavrov-red-line-2026-01.yaml" in problems and "every offset may be wrong" in problems
        titles = " ".join(m.value for m in app.markdown)
        assert "Revisiting the Energy Truce" in titles and "Lavrov Draws the Red Line" not in titles

    def test_no_loadable_brief_says_so(self, data_copy):
        for seed in (data_copy / "seeds").glob("*.txt"):
            seed.write_bytes(seed.read_bytes() + b"\n")
        app = run_page("matrix")
        assert not app.exception
        assert any("No brief could be loaded" in e.value for e in app.error)
