"""Briefing mode's deck: which slides a filtered view gets, and the opening's title.

A ten-minute slot has no room for a slide per issue that has no verdict: the issues where fewer than two parties are
placed (the verdict "insufficient") are folded into one slide, "Where only one side is on record", after the issues
with a verdict, each with the stance of the party that is on record. A link to a folded issue opens that slide with
the issue marked. One such issue alone keeps its own slide: folding it would only hide its quote.

The opening's title is a sentence a briefer can say aloud: the analyst's own bottom line where a brief gives one,
else the red lines and the verdicts that settle something (no overlap, overlap), fitted to two lines of the title.
The verdicts counted are a small line below it, not the point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.bottom_line import BottomLine
from briefing.frames import Frames
from briefing.negotiation import IssueVerdict
from briefing.presenting import CLOSING, OPENING, TITLE_LINE_CHARS, TITLE_LINES, issue_verdicts, lines_of, shorten, slide_issues
from briefing.verdict_readings import or_words
from briefing.vocabulary import PARTY_CLAIMS, VERDICTS, StanceWords, stance

ONE_SIDED = "one-sided"  # the step of the folded slide
NO_VERDICT = "insufficient"
FEWEST_FOLDED = 2  # one issue without a verdict keeps its own slide
VERDICT_ORDER = ("no-intersection", "touching", "overlap", "depends", "insufficient")
TITLE_FINDINGS = ("no-intersection", "overlap")  # the verdicts that settle something, in the title's order


@dataclass(frozen=True)
class Deck:
    steps: tuple[str, ...]  # opening, the issues with a verdict, ONE_SIDED if any folded, closing
    folded: tuple[str, ...]  # the issues on the one-sided slide, in the deck's order

    def index_of(self, topic: str) -> int | None:
        """The step a link's topic opens: its own, or the one-sided slide for a folded issue."""
        if topic in self.steps:
            return self.steps.index(topic)
        if topic in self.folded:
            return self.steps.index(ONE_SIDED)
        return None


def deck(view: Frames, chosen: tuple[str, ...], verdicts: Sequence[IssueVerdict] | None = None) -> Deck:
    """The slides of a filtered view: each issue with a verdict, then those without one folded into one slide
    (``verdicts``: the view's, if already computed)."""
    issues = slide_issues(view, chosen)
    found = issue_verdicts(view, issues, verdicts)
    folded = tuple(issue for issue in issues if found[issue].verdict == NO_VERDICT)
    if len(folded) < FEWEST_FOLDED:
        return Deck(steps=(OPENING, *issues, CLOSING) if issues else (), folded=())
    kept = [issue for issue in issues if issue not in folded]
    return Deck(steps=(OPENING, *kept, ONE_SIDED, CLOSING), folded=folded)


@dataclass(frozen=True)
class PartyOnRecord:
    party_name: str
    stance: StanceWords
    contested: bool


@dataclass(frozen=True)
class OneSidedIssue:
    issue: str
    label: str
    parties: tuple[PartyOnRecord, ...]


@dataclass(frozen=True)
class OneSidedSlide:
    title: str
    verdict: str  # the vocabulary's words for the verdict they share: "No verdict: not enough parties placed"
    issues: tuple[OneSidedIssue, ...]


def one_sided_issue(verdict: IssueVerdict, label: str) -> OneSidedIssue:
    parties = tuple(PartyOnRecord(p.party_name, stance(p.stance), bool(p.contested_by)) for p in verdict.ranges)
    return OneSidedIssue(issue=verdict.issue, label=label, parties=parties)


def one_sided_slide(view: Frames, folded: tuple[str, ...], verdicts: Sequence[IssueVerdict] | None = None) -> OneSidedSlide:
    """The folded issues, each with the stance of every party on record (by the negotiation verdict's placements;
    ``verdicts``: the view's, if already computed)."""
    found = issue_verdicts(view, folded, verdicts)
    issues = tuple(one_sided_issue(found[issue], view.issue_labels.get(issue, issue)) for issue in folded)
    names = list(dict.fromkeys(party.party_name for issue in issues for party in issue.parties))
    count = f"{len(issues)} issue{'' if len(issues) == 1 else 's'}"
    title = f"Where only one side is on record: {names[0]}, on {count}" if len(names) == 1 else f"Where only one side is on record: {count}"
    _icon, word, gloss = VERDICTS[NO_VERDICT]
    return OneSidedSlide(title=title, verdict=f"{word}: {gloss}", issues=issues)


def _lower(label: str) -> str:
    """An issue's label inside a sentence: "security guarantees", but "NATO membership" kept."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _and_words(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def title_findings(bottom: BottomLine) -> list[str]:
    """The opening's findings, most important first: each party's red lines, then no overlap, then overlap."""
    found: list[str] = []
    drawn: dict[str, list[str]] = {}
    for line in bottom.red_lines:
        if line.claim_type in PARTY_CLAIMS and line.issue_label:  # the analyst's reading of a red line is no title
            labels = drawn.setdefault(line.party_name, [])
            if _lower(line.issue_label) not in labels:
                labels.append(_lower(line.issue_label))
    for party, labels in drawn.items():
        found.append(f"{party} has {'a red line' if len(labels) == 1 else 'red lines'} on {_and_words(labels)}")
    for verdict in TITLE_FINDINGS:
        labels = [_lower(line.label) for line in bottom.issues if line.verdict == verdict]
        if not labels:
            continue
        word = VERDICTS[verdict][1].lower()
        same = len(drawn) == 1 and labels == next(iter(drawn.values()))  # the red lines' issues, said once
        where = ("it" if len(labels) == 1 else "either" if len(labels) == 2 else "any of them") if same else or_words(labels)
        found.append(f"{word} on {where}")
    return found


def verdict_counts(bottom: BottomLine) -> str:
    """The verdicts counted: "No overlap on 2 of 8 issues · depends on 1 · no verdict on 5"."""
    total = len(bottom.issues)
    counts = {verdict: sum(1 for line in bottom.issues if line.verdict == verdict) for verdict in VERDICT_ORDER}
    parts = [f"{VERDICTS[verdict][1].lower()} on {count}" for verdict, count in counts.items() if count]
    if not parts:
        return ""
    text = " · ".join([parts[0] + f" of {total} issue{'' if total == 1 else 's'}", *parts[1:]])
    return text[:1].upper() + text[1:]


def opening_title(bottom: BottomLine) -> str:
    """The opening's point, at most TITLE_LINES lines: the analyst's bottom line, else the findings that fit."""
    room = TITLE_LINES * TITLE_LINE_CHARS
    if bottom.analyst:
        return shorten(bottom.analyst, room)
    if not bottom.issues:
        return "No issue in view has a position to weigh"
    findings = title_findings(bottom)
    if not findings:
        first = bottom.issues[0]
        if len(bottom.issues) == 1 or first.verdict != NO_VERDICT:
            return shorten(first.title, room)
        return verdict_counts(bottom)
    text = findings[0]
    for finding in findings[1:]:
        if lines_of(f"{text}; {finding}", TITLE_LINE_CHARS) > TITLE_LINES:
            break
        text = f"{text}; {finding}"
    text = shorten(text, room)
    return text[:1].upper() + text[1:]
