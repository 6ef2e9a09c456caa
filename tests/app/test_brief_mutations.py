"""For a sample of mutated briefs, the overview shows the banner naming the broken file, and never an exception.

Each example is a fresh folder holding the tiny project of tests/support/tiny_project.py: a valid beta brief beside an alpha
brief broken by tests/support/mutations.py. The overview is run as AppTest runs it, from app.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from briefing.load import load_corpus
from tests.app.helpers import run_page
from tests.support.mutations import BROKEN, VALID, as_yaml, brief_files
from tests.support.tiny_project import TinyProject

# an overview run takes about a second: a tenth of the profile's examples, so `make test` runs three
APP_EXAMPLES = max(3, settings().max_examples // 10)


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mutated-apps")


def overview_of(folders: Path, content: bytes):
    """(what the loader reports, the overview run) for alpha.yaml holding content beside a valid beta.yaml."""
    project = TinyProject(Path(tempfile.mkdtemp(dir=folders)))  # a new root: no cache of an earlier example applies
    project.neighbour()
    (project.layout.briefs / "alpha.yaml").write_bytes(content)
    corpus = load_corpus(layout=project.layout)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_ROOT", str(project.root))
        return corpus, run_page("overview")


@settings(max_examples=APP_EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(content=brief_files(VALID))
@example(content=as_yaml({**VALID, "positions": "none"}))
def test_the_overview_names_a_mutated_brief_and_shows_the_other(folders, content):
    corpus, app = overview_of(folders, content)
    assert not app.exception, [e.value for e in app.exception]
    shown = " ".join(m.value for m in app.markdown)
    assert "Brief beta" in shown
    banners = [e.value for e in app.error]
    if corpus.problems:
        assert any("1 data file(s) failed validation and were skipped" in text for text in banners), banners
        assert any(BROKEN in e.label for e in app.expander)
        lines = [line for block in app.code for line in block.value.splitlines()]
        assert [str(problem) for problem in corpus.problems[:50]] == [line for line in lines if line.startswith(BROKEN)]
    else:
        assert not banners, banners
