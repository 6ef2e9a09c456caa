"""The workbench's suggestions, run with AppTest on a copy of the test corpus: listed for uncited sentences only,
accepted into the form (passage and fields) and saved like any record, or dismissed for the brief."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from briefing.load import parse_yaml
from components.passage_picker import picker_pieces
from components.suggestions import DISMISSED_KEY
from tests.app.helpers import PROJECT
from tests.conftest import CORPUS

BRIEF = "data/briefs/lavrov-red-line-2026-01.yaml"


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    shutil.copytree(CORPUS, tmp_path / "root")
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path / "root"))
    monkeypatch.setenv("BRIEFING_EDITING", "1")
    test = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    test.switch_page("pages/workbench.py")
    test.run()
    test.selectbox(key="wb_brief").select("lavrov-red-line-2026-01").run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def suggestion_count(app: AppTest) -> int:
    label = next(e.label for e in app.expander if e.label.startswith("Suggestions from the text"))
    return int(label.rsplit("(", 1)[1].rstrip(")"))


def test_only_uncited_sentences_are_suggested(app):
    quotes = [t.value for t in app.text if t.value]
    # the brief cites every sentence of its text but headings: the suggestions are on headings only
    assert suggestion_count(app) > 0
    assert any(q.startswith("U.S.-Ukraine Security Agreement") for q in quotes)
    assert not any(q.startswith("On January 29, Russian Foreign Minister") for q in quotes)


def test_accept_fills_the_passage_and_the_form_and_it_saves(app, tmp_path):
    app.button(key="wb_accept_0").click().run()
    assert not app.exception, [e.value for e in app.exception]
    passage = app.session_state["wb_passage"]
    action = app.radio(key="wb_f_action").value
    assert action == "position"
    assert app.selectbox(key="wb_f_position_party").value in {"russia", "ukraine", "united-states"}
    assert app.selectbox(key="wb_f_position_issue").value == "security-guarantees"
    assert passage.quote.startswith(("Lavrov Draws the Red Line", "U.S.-Ukraine Security Agreement"))
    app.text_area(key="wb_f_position_summary").input("The article's heading names the agreement; no reading of a stance.").run()
    app.selectbox(key="wb_f_position_stance").select("ambiguous").run()
    app.button(key="wb_save").click().run()
    assert not app.exception, [e.value for e in app.exception]
    document = parse_yaml((tmp_path / "root" / BRIEF).read_bytes())
    quotes = [span["quote"] for record in document["positions"] for span in record["evidence"]]
    assert any(q.startswith("Lavrov Draws the Red Line") or q.startswith("U.S.-Ukraine Security Agreement") for q in quotes)


def test_dismiss_hides_it_for_the_brief(app):
    before = suggestion_count(app)
    app.button(key="wb_dismiss_0").click().run()
    assert suggestion_count(app) == before - 1
    assert len(app.session_state[DISMISSED_KEY][BRIEF]) == 1


def test_the_picker_outlines_the_suggested_sentences_only():
    text = "Coded here. Suggested there. Plain."
    spans = pd.DataFrame([{"id": "e1", "start": 0, "end": 11}])
    pieces = picker_pieces(text, spans, suggested=[(12, 28)])
    assert [(p["t"], p["suggested"]) for p in pieces] == [
        ("Coded here.", False),
        (" ", False),
        ("Suggested there.", True),
        (" Plain.", False),
    ]


def test_a_dismissal_is_remembered_in_a_later_session(app, tmp_path, monkeypatch):
    before = suggestion_count(app)
    app.button(key="wb_dismiss_0").click().run()
    later = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    later.switch_page("pages/workbench.py")
    later.run()
    later.selectbox(key="wb_brief").select("lavrov-red-line-2026-01").run()
    assert DISMISSED_KEY not in later.session_state  # a new session: only the remembered file holds it
    assert suggestion_count(later) == before - 1
    assert not (tmp_path / "root" / "data" / "dismissed").exists()
