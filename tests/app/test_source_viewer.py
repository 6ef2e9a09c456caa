"""The source viewer opens on the text that holds the filter's evidence, names texts by title and counts right."""

from __future__ import annotations

import re

import pytest

from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.store import load_frames
from components.sources import SEED_WIDGET, seed_titles
from tests.app.helpers import html_bodies, run_page


@pytest.fixture(scope="module")
def frames():
    return load_frames(Layout.from_env())  # the test corpus


def evidence_marks(app) -> int:
    """How many distinct evidence spans the text highlights (spans on the same words share a mark)."""
    return len({span for body in html_bodies(app) for ids in re.findall(r'<mark data-evidence="([^"]*)"', body) for span in ids.split()})


class TestOpening:
    def test_without_a_filter_it_opens_on_the_text_with_most_spans(self, frames):
        app = run_page("sources")
        counts = frames.evidence.groupby("seed").size()
        assert app.session_state[SEED_WIDGET] == counts.idxmax()
        assert evidence_marks(app) == counts.max()

    def test_under_each_issue_it_opens_on_the_issue_s_evidence_and_counts_it(self, frames):
        for issue in frames.issues["id"]:
            view = select(frames, Selection(issues=(issue,))).evidence
            app = run_page("sources", issue=issue)
            assert not app.exception
            seed = app.session_state[SEED_WIDGET]
            in_text = int((view["seed"] == seed).sum())
            assert in_text == max(view.groupby("seed").size(), default=0), issue
            assert evidence_marks(app) == in_text, issue
            assert any(f"{in_text} evidence span(s) highlighted" in caption.value for caption in app.caption), issue

    def test_the_chooser_offers_titles_with_their_counts(self, frames):
        app = run_page("sources")
        if len(frames.seed_texts) < 2:
            pytest.skip("one source text: no chooser")
        chooser = app.selectbox(key=SEED_WIDGET)
        titles = seed_titles(frames)
        assert all(option.split(" · ")[0] in titles.values() for option in chooser.options)
        assert not any(seed_file in option for option in chooser.options for seed_file in frames.briefs["seed_files"].sum())

    def test_a_text_without_the_view_s_spans_says_so_and_opens_the_one_with_them(self, frames):
        app = run_page("sources")
        counts = frames.evidence.groupby("seed").size()
        empty = [seed for seed in frames.seed_texts if seed not in counts.index]
        issue_only_elsewhere = next(
            (
                (issue, seed)
                for issue in frames.issues["id"]
                for seed in frames.seed_texts
                if not (select(frames, Selection(issues=(issue,))).evidence["seed"] == seed).any()
                and len(select(frames, Selection(issues=(issue,))).evidence)
            ),
            None,
        )
        if issue_only_elsewhere is None and not empty:
            pytest.skip("every text holds evidence of every issue")
        issue, seed = issue_only_elsewhere or (None, empty[0])
        app = run_page("sources", **({"issue": issue} if issue else {}))
        app.selectbox(key=SEED_WIDGET).set_value(seed).run()
        assert any("No evidence span" in info.value for info in app.info)
        app.button(key="open_richest_seed").click().run()
        assert app.session_state[SEED_WIDGET] != seed and evidence_marks(app) > 0
