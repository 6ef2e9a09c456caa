"""The sidebar's pack box through AppTest: four formats, slides and PDF built on a button, for the current filter only."""

from __future__ import annotations

import io
import re

from pptx import Presentation
from pypdf import PdfReader

from briefing.frames import Selection, select
from briefing.store import load_frames
from components.pack_box import PREPARED_KEY
from components.share import SHARE_KEY
from tests.app.helpers import run_page


def opened(**params):
    app = run_page("matrix", **params)
    app.session_state[SHARE_KEY] = True
    app.run()
    return app


def labels(app) -> set[str]:
    return {button.proto.label for button in app.sidebar.get("download_button")}


def test_slides_and_pdf_are_built_when_asked_and_carry_the_filter(tmp_path):
    app = opened(issue="ceasefire")
    assert labels(app) == {"HTML", "Markdown"}  # slides and PDF are not built until asked for
    assert {button.label for button in app.sidebar.button} >= {"Build slides", "Build PDF"}

    app.sidebar.button(key="pack_build_pptx").click().run()
    assert not app.exception
    assert labels(app) == {"HTML", "Markdown", "Download Slides (PowerPoint)"}
    progress = app.sidebar.get("status")[0]
    assert progress.label.startswith("Slides (PowerPoint) ready: ")
    assert [m.value for m in progress.markdown] == ["Drawing the timeline and the map…", "Laying out the slides…"]
    built_for, deck_bytes = app.session_state[PREPARED_KEY]["pptx"]
    assert built_for[1] == Selection(issues=("ceasefire",))
    deck = Presentation(io.BytesIO(deck_bytes))
    text = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    quotes = select(load_frames(), Selection(issues=("ceasefire",))).evidence["quote"]
    assert all(" ".join(q.split()) in " ".join(f"{text} {notes}".split()) for q in quotes)

    app.sidebar.radio(key="pack_paper").set_value("letter").run()
    app.sidebar.button(key="pack_build_pdf").click().run()
    assert not app.exception
    assert labels(app) == {"HTML", "Markdown", "Download Slides (PowerPoint)", "Download PDF"}
    reader = PdfReader(io.BytesIO(app.session_state[PREPARED_KEY]["pdf"][1]))
    assert round(float(reader.pages[0].mediabox.height)) in (792, 793)  # Letter
    assert re.search(r"Page 1 of \d+", reader.pages[0].extract_text())
    steps = list(app.sidebar.get("status"))
    assert [status.label for status in steps] == ["PDF ready: " + f"{len(app.session_state[PREPARED_KEY]['pdf'][1]) / 1024:,.0f} KB"]
    # the pictures were drawn once, for the slides, and the PDF reused them: its progress has no drawing step
    assert [m.value for m in steps[0].markdown] == ["Printing on Letter…"]


def test_a_file_built_for_another_filter_is_not_offered():
    app = opened(issue="ceasefire")
    app.sidebar.button(key="pack_build_pptx").click().run()
    assert "Download Slides (PowerPoint)" in labels(app)
    app.sidebar.multiselect(key="issue_filter_widget").set_value(["energy-truce"]).run()
    assert labels(app) == {"HTML", "Markdown"}


def test_without_a_browser_the_pdf_says_what_to_install_and_the_page_keeps_working(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-browser"))
    app = opened(issue="ceasefire")
    app.sidebar.button(key="pack_build_pdf").click().run()
    assert not app.exception
    status = app.sidebar.get("status")[0]
    assert status.label.startswith("The PDF cannot be built on this server: BROWSER_PATH=")
    assert labels(app) == {"HTML", "Markdown"}
    assert app.title[0].value == "Position matrix"  # the page itself is drawn as ever
