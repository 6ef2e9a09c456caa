"""The walkthrough of docs/adding-a-brief.md, run for real: new → quotes → fill → validate → the brief in the app."""

from __future__ import annotations

import shutil

import pytest

from briefing import cli
from tests.app.helpers import PROJECT, drawings, html_bodies, run_page
from tests.conftest import CORPUS

EXAMPLES = PROJECT / "docs" / "examples"
BRIEF = "baltic-capitals-2026-02"


@pytest.fixture(scope="module")
def authored_root(tmp_path_factory):
    """A copy of the test corpus with the walkthrough's brief added by the authoring commands."""
    root = tmp_path_factory.mktemp("authored")
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_ROOT", str(root))
        assert (
            cli.main(
                [
                    "new",
                    str(EXAMPLES / "baltic-capitals-note.txt"),
                    "--id",
                    BRIEF,
                    "--title",
                    "Baltic Capitals Weigh the Ceasefire Debate",
                    "--published",
                    "2026-02-03",
                ]
            )
            == 0
        )
        path = root / "data" / "briefs" / f"{BRIEF}.yaml"
        skeleton = path.read_text(encoding="utf-8")
        path.write_text(skeleton + (EXAMPLES / "baltic-capitals-records.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        assert cli.main(["fill", str(path)]) == 0
        assert cli.main(["validate"]) == 0
    return root


@pytest.fixture(autouse=True)
def _on_authored_root(authored_root, monkeypatch):
    monkeypatch.setenv("BRIEFING_ROOT", str(authored_root))


def test_background_event_is_on_the_timeline_as_background():
    app = run_page("timeline", brief=BRIEF, event="evt-nato-east-defence-spending")
    assert not app.exception
    details = " ".join(m.value for m in app.markdown)
    assert "**Issues:** Background (no single issue)" in details
    assert any("Background (no single issue)" in drawing for drawing in drawings(app))  # the bar's label names it


def test_an_issue_filter_leaves_background_out():
    app = run_page("timeline", brief=BRIEF, issue="ceasefire")
    assert not app.exception
    assert app.selectbox(key="timeline_event").options == [
        # an undated event is named by the bounds the text gives it, in words
        "between 29 January 2026 and 3 February 2026 · Polish and Baltic officials read Lavrov's statement as a sign of a long war"
    ]


def test_a_filled_span_is_highlighted_in_the_source():
    app = run_page("sources", span="pos-estonia-territory-baltic-note-1")
    assert not app.exception
    assert any(
        'data-evidence="pos-estonia-territory-baltic-note-1"' in body and "Estonia’s government said" in body for body in html_bodies(app)
    )
