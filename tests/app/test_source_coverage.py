"""The source viewer's coverage switch: off, nothing is outlined; on, the figure and every uncited sentence."""

from __future__ import annotations

import re

import pandas as pd

from briefing.load import Layout
from briefing.store import load_frames
from components.sources import SEED_WIDGET, seed_coverage, source_html
from tests.app.helpers import html_bodies, run_page


def uncited_marks(app) -> set[str]:
    return {where for body in html_bodies(app) for where in re.findall(r'data-uncited="([0-9]+-[0-9]+)"', body)}


def test_off_by_default():
    app = run_page("sources")
    assert not app.exception
    assert uncited_marks(app) == set()
    assert not any("sentences cited" in caption.value for caption in app.caption)


def test_on_it_gives_the_figure_and_outlines_each_uncited_sentence():
    frames = load_frames(Layout.from_env())  # the test corpus
    app = run_page("sources")
    app.toggle(key="source_uncited").set_value(True).run()
    assert not app.exception
    seed = app.session_state[SEED_WIDGET]
    cited, total, uncited = seed_coverage(frames, seed)
    assert any(f"{cited} of {total} sentences cited" in caption.value for caption in app.caption)
    assert uncited_marks(app) == {f"{start}-{end}" for start, end in uncited}
    assert uncited  # the test corpus leaves its headings and reference list uncited


def test_an_uncited_sentence_is_escaped_and_outlined():
    text = "A <b>cited</b> line.\nAn uncited one."
    spans = pd.DataFrame(columns=["id", "record_id", "start", "end"])
    html = str(source_html(text, spans, uncited=[(21, 36)]))
    assert 'data-uncited="21-36"' in html and "&lt;b&gt;" in html
    assert html.count("data-uncited") == 1
