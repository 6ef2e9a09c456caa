"""Briefing mode's slide model (briefing/presenting.py) on the test corpus: steps, action titles, one quote per
party, at most three judgments in the bottom line's order, and text cut only where marked."""

from __future__ import annotations

import pytest

from briefing.bottom_line import issue_title, ranked_judgments
from briefing.frames import Frames, Selection, select
from briefing.labels import record_label
from briefing.load import Layout
from briefing.negotiation import issue_verdict
from briefing.presenting import (
    CLOSING,
    MOST_JUDGMENTS,
    OPENING,
    issue_slide,
    reading_lines,
    shorten,
    slide_issues,
    slide_judgments,
    slide_steps,
    verdict_line,
)
from briefing.readings import cell_readings
from briefing.store import load_frames
from briefing.vocabulary import CONFIDENCE_WORDS
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def frames() -> Frames:
    return load_frames(Layout(root=CORPUS))


def issues_with_positions(frames: Frames) -> list[str]:
    return [issue for issue in frames.issues["id"] if issue in set(frames.positions["issue"])]


class TestShorten:
    def test_a_text_that_fits_is_kept_whole(self):
        assert shorten("A short  judgment.", 40) == "A short judgment."

    def test_a_long_text_is_cut_at_a_sentence_end(self):
        text = "The first sentence says enough. The second one goes on and on about the details."
        assert shorten(text, 50) == "The first sentence says enough."

    def test_without_a_sentence_end_it_is_cut_at_a_word_and_marked(self):
        cut = shorten("word " * 40, 60)
        assert cut.endswith("…") and len(cut) <= 61 and "wor…" not in cut


class TestSteps:
    def test_the_opening_and_the_closing_frame_the_issues(self):
        assert slide_steps(["ceasefire", "energy-truce"]) == (OPENING, "ceasefire", "energy-truce", CLOSING)

    def test_the_filter_chooses_the_issues_else_every_issue_with_a_position(self, frames):
        assert slide_issues(frames, ("energy-truce", "ceasefire")) == ["energy-truce", "ceasefire"]
        assert slide_issues(frames, ()) == issues_with_positions(frames)


class TestIssueSlide:
    def test_the_title_is_the_bottom_line_action_title(self, frames):
        for issue in issues_with_positions(frames):
            slide = issue_slide(frames, frames, issue)
            assert slide.title == issue_title(issue_verdict(frames.positions, issue, frames.judgments), frames.issue_labels[issue])
        assert issue_slide(frames, frames, "ceasefire").title == "Ceasefire: Russia firmly against; Ukraine for; no overlap"

    def test_one_quote_per_party_from_its_headline_record(self, frames):
        for issue in issues_with_positions(frames):
            slide = issue_slide(frames, frames, issue)
            readings = cell_readings(frames.positions[frames.positions["issue"] == issue])
            assert [q.party for q in slide.parties] == list(readings["party"])
            assert [q.record_id for q in slide.parties] == list(readings["headline"])
            for quote, evidence in zip(slide.parties, readings["evidence"], strict=True):
                assert quote.full == frames.evidence_rows(evidence[:1])[0].quote
                assert quote.text == " ".join(quote.full.split()) or quote.text.endswith(("…", "."))
                assert quote.said_by == record_label(frames.positions.set_index("id").loc[quote.record_id].to_dict())

    def test_at_most_three_judgments_in_the_bottom_line_order(self, frames):
        for issue in issues_with_positions(frames):
            slide = issue_slide(frames, frames, issue)
            top, rest = ranked_judgments(frames, (issue,), most=MOST_JUDGMENTS)
            assert 1 <= len(slide.judgments) <= MOST_JUDGMENTS
            assert [j.judgment_id for j in slide.judgments] == list(top["id"])[: len(slide.judgments)]
            assert slide.judgments_left_out == len(top) + len(rest) - len(slide.judgments)

    def test_fewer_lines_give_fewer_judgments_never_none(self, frames):
        roomy, _ = slide_judgments(frames, "ceasefire", lines=30)
        tight, _ = slide_judgments(frames, "ceasefire", lines=2)
        assert len(roomy) == MOST_JUDGMENTS and len(tight) == 1

    def test_a_filter_narrows_the_parties(self, frames):
        view = select(frames, Selection(issues=("ceasefire",), parties=("russia",)))
        assert [q.party for q in issue_slide(frames, view, "ceasefire").parties] == ["russia"]


class TestVerdictLine:
    def test_the_verdict_says_the_words_every_view_uses(self, frames):
        for issue in issues_with_positions(frames):
            verdict = issue_verdict(frames.positions, issue, frames.judgments)
            assert verdict_line(verdict) == f"{verdict.icon} {verdict.label} · {CONFIDENCE_WORDS[verdict.confidence]}"
        ceasefire = issue_verdict(frames.positions, "ceasefire", frames.judgments)
        assert verdict_line(ceasefire).startswith("∅ No overlap: no point all could accept — Ukraine's place uncertain")

    def test_a_verdict_that_depends_says_each_reading_on_its_own_line(self, frames):
        verdict = issue_verdict(frames.positions, "energy-truce", frames.judgments)
        assert verdict.depends
        lines = reading_lines(verdict)
        assert len(lines) == len(verdict.readings) >= 2
        for text, reading in zip(lines, verdict.readings, strict=True):
            assert text.startswith(f"{reading.outcome_word} if {reading.said} holds")
        assert reading_lines(issue_verdict(frames.positions, "ceasefire", frames.judgments)) == ()
