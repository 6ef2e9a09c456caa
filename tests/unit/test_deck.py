"""Briefing mode's deck (briefing/deck.py) on the test corpus: the issues without a verdict folded into one slide after
those with one, a link to a folded issue opening that slide, and an opening title a briefer can say aloud."""

from __future__ import annotations

import pytest

from briefing.bottom_line import BottomLine, IssueLine, RedLine, bottom_line
from briefing.deck import ONE_SIDED, Deck, deck, one_sided_slide, opening_title, verdict_counts
from briefing.frames import Frames, Selection, select
from briefing.load import Layout
from briefing.negotiation import issue_verdict
from briefing.presenting import CLOSING, OPENING, TITLE_LINE_CHARS, TITLE_LINES, lines_of, slide_issues
from briefing.store import load_frames
from briefing.vocabulary import STANCES, VERDICTS
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def frames() -> Frames:
    return load_frames(Layout(root=CORPUS))


def verdicts(frames: Frames) -> dict[str, str]:
    return {issue: issue_verdict(frames.positions, issue, frames.judgments).verdict for issue in slide_issues(frames, ())}


class TestFolding:
    def test_issues_without_a_verdict_fold_into_one_slide_after_those_with_one(self, frames):
        found = verdicts(frames)
        with_verdict = [issue for issue, verdict in found.items() if verdict != "insufficient"]
        without = tuple(issue for issue, verdict in found.items() if verdict == "insufficient")
        assert len(without) >= 2, "the test corpus has issues where only one side is on record"
        slides = deck(frames, ())
        assert slides.steps == (OPENING, *with_verdict, ONE_SIDED, CLOSING)
        assert slides.folded == without

    def test_a_link_to_a_folded_issue_opens_the_one_sided_slide(self, frames):
        slides = deck(frames, ())
        for issue in slides.folded:
            assert slides.index_of(issue) == slides.steps.index(ONE_SIDED)
        assert slides.index_of("ceasefire") == slides.steps.index("ceasefire")
        assert slides.index_of("atlantis") is None

    def test_one_issue_without_a_verdict_keeps_its_own_slide(self, frames):
        alone = next(issue for issue, verdict in verdicts(frames).items() if verdict == "insufficient")
        view = select(frames, Selection(issues=("ceasefire", alone)))
        assert deck(view, ("ceasefire", alone)) == Deck(steps=(OPENING, "ceasefire", alone, CLOSING), folded=())

    def test_the_folded_slide_names_each_issue_with_the_stance_of_the_party_on_record(self, frames):
        slides = deck(frames, ())
        slide = one_sided_slide(frames, slides.folded)
        assert [issue.issue for issue in slide.issues] == list(slides.folded)
        assert slide.title.startswith("Where only one side is on record: ")
        assert slide.verdict == f"{VERDICTS['insufficient'][1]}: {VERDICTS['insufficient'][2]}"
        for issue in slide.issues:
            on_issue = frames.positions[frames.positions["issue"] == issue.issue]
            assert {party.party_name for party in issue.parties} == set(on_issue["party_name"])
            assert all(party.stance in STANCES.values() for party in issue.parties)

    def test_nothing_to_present_is_no_deck(self, frames):
        view = select(frames, Selection(parties=("nobody",)))
        assert deck(view, ()).steps == ()


def line(issue: str, verdict: str) -> IssueLine:
    return IssueLine(issue, issue.capitalize(), f"{issue.capitalize()}: …", verdict, "high")


def red(party: str, issue_label: str, claim_type: str = "stated") -> RedLine:
    return RedLine(party, "not acceptable", claim_type, (), "b", issue_label=issue_label)


class TestOpeningTitle:
    def test_the_analysts_own_bottom_line_comes_first(self):
        assert opening_title(BottomLine((), (), (), "Moscow wants more than a ceasefire.", ())) == "Moscow wants more than a ceasefire."

    def test_the_red_lines_and_the_verdicts_that_settle_something(self):
        lines = (line("ceasefire", "no-intersection"), line("guarantees", "no-intersection"), line("c", "insufficient"))
        reds = (red("Russia", "Ceasefire"), red("Russia", "Guarantees"))
        assert (
            opening_title(BottomLine(reds, lines, (), None, ())) == "Russia has red lines on ceasefire and guarantees; no overlap on either"
        )
        assert (
            opening_title(BottomLine(reds[:1], lines, (), None, ()))
            == "Russia has a red line on ceasefire; no overlap on ceasefire or guarantees"
        )
        assert opening_title(BottomLine((), lines, (), None, ())) == "No overlap on ceasefire or guarantees"

    def test_an_analysts_reading_of_a_red_line_is_no_title(self):
        lines = (line("ceasefire", "overlap"),)
        assert opening_title(BottomLine((red("Russia", "Ceasefire", "assessment"),), lines, (), None, ())) == "Overlap on ceasefire"

    def test_without_a_finding_the_first_issue_speaks(self):
        assert opening_title(BottomLine((), (line("c", "insufficient"),), (), None, ())) == "C: …"
        assert opening_title(BottomLine((), (line("a", "depends"), line("c", "insufficient")), (), None, ())) == "A: …"
        assert opening_title(BottomLine((), (), (), None, ())) == "No issue in view has a position to weigh"

    def test_it_keeps_to_two_lines(self):
        lines = tuple(line(f"issue number {n}", "no-intersection") for n in range(12))
        reds = tuple(red(f"Party {n}", f"Issue number {n}") for n in range(6))
        assert lines_of(opening_title(BottomLine(reds, lines, (), None, ())), TITLE_LINE_CHARS) <= TITLE_LINES

    def test_on_the_test_corpus(self, frames):
        bottom = bottom_line(frames)
        assert opening_title(bottom) == "Russia has red lines on ceasefire and security guarantees; no overlap on either"
        assert verdict_counts(bottom) == "No overlap on 2 of 8 issues · depends on 1 · no verdict on 5"
