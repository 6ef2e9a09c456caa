"""The reader's part of the pack: the bottom line (from briefing.bottom_line), the action title and stance strip of each
issue, and the key judgments in the order that matters most."""

from __future__ import annotations

import functools

import pandas as pd

from briefing import bottom_line as finding
from briefing.dates import human_date
from briefing.frames import Frames, Selection, each_row
from briefing.labels import record_label
from briefing.negotiation import IssueVerdict, view_verdicts
from briefing.pack.model import Finding, IssueSection, Judgment, Mark, Position, Quote, Said, StanceStrip, Verdict
from briefing.periods import ONE_DAY, Window
from briefing.readings import cell_readings, readings_by_cell
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_WORDS, stance


def mark(stance_id: str | None) -> Mark:
    """A stance's symbol, word and colours, from the vocabulary."""
    words = stance(stance_id)
    return Mark(symbol=words.symbol, word=words.word, colour=words.colour, ink=words.ink)


def whose(claim_type: str | None) -> str:
    """Whose words a claim is: "own words", "as reported", "analyst's reading"."""
    return CLAIM_TYPES[claim_type].whose if claim_type in CLAIM_TYPES else "unattributed"


def subject(frames: Frames, selection: Selection) -> str:
    """What the pack is about, in words: the issues of the filter, else every issue."""
    labels = [frames.issue_labels.get(issue, issue) for issue in selection.issues]
    if not labels:
        return "All issues"
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def brief_subject(titles: tuple[str, ...]) -> str:
    """What the one brief that dominates the view is about: its title up to its first colon ("Lavrov Draws the Red
    Line"), at most eight words; "" when no single (non-illustrative) brief dominates."""
    if len(titles) != 1:
        return ""
    said = titles[0].split(":")[0].split()
    return " ".join(said[:8]) + (" …" if len(said) > 8 else "")


def text_or_empty(value) -> str:
    return value if isinstance(value, str) else ""


def period_words(period: Window | None) -> str:
    """A reporting period in words, "12 January – 6 February 2026"; "" when there is none."""
    if period is None:
        return ""
    first, last = period[0], period[1] - ONE_DAY
    return human_date(f"{first:%Y-%m-%d}/{last:%Y-%m-%d}") if first != last else human_date(f"{first:%Y-%m-%d}")


def event_when(row) -> str:
    """An event's date in words, or for an undated one its bounds ("before 30 January 2026") or "undated"."""
    return human_date(text_or_empty(row.date) or None, after=text_or_empty(row.after) or None, before=text_or_empty(row.before) or None)


class ReaderSections:
    """The reader's sections, on top of the builder's filtered view, quotes and footnotes."""

    frames: Frames
    selection: Selection
    view: Frames
    illustrative: set[str]
    footnotes: dict[str, int]
    titles: dict[str, str]

    @functools.cached_property
    def issue_verdicts(self) -> list[IssueVerdict]:
        """The verdicts of the view, computed once for the bottom line and the verdicts section."""
        return view_verdicts(self.view, self.selection.issues)

    def quotes(self, ids) -> tuple[Quote, ...]:
        raise NotImplementedError

    def strip(self, issue: str) -> tuple[StanceStrip, ...]:
        """Each party's headline stance on the issue, by the rule every view uses, in the taxonomy's party order."""
        readings = readings_by_cell(cell_readings(self.view.positions[self.view.positions["issue"] == issue]))
        return tuple(
            StanceStrip(party_name=name, mark=mark(readings[(party, issue)]["stance"]), claim_label=readings[(party, issue)]["claim_label"])
            for party, name in zip(self.frames.parties["id"], self.frames.parties["name"], strict=True)
            if (party, issue) in readings
        )

    def sections(self, verdicts: tuple[Verdict, ...], positions: tuple[Position, ...]) -> tuple[IssueSection, ...]:
        """One section per issue in view with positions: its action title, stance strip, verdict and positions."""
        found = []
        for verdict in verdicts:
            own = tuple(p for p in positions if p.issue == verdict.issue)
            found.append(
                IssueSection(
                    issue=verdict.issue,
                    label=verdict.issue_label,
                    title=self.titles.get(verdict.issue, verdict.issue_label),
                    strip=self.strip(verdict.issue),
                    verdict=verdict,
                    positions=own,
                    footnotes=tuple(sorted({p.footnote for p in own})),
                )
            )
        return tuple(found)

    def judgments(self) -> tuple[Judgment, ...]:
        """The key judgments, those that matter most first (briefing.bottom_line's order)."""
        top, rest = finding.ranked_judgments(self.view, self.selection.issues)
        return tuple(
            Judgment(
                text=row.text,
                confidence=row.confidence,
                issues=tuple(row.issues),
                quotes=self.quotes(row.evidence),
                illustrative=row.brief in self.illustrative,
                footnote=self.footnotes.get(row.brief, 0),
            )
            for row in each_row(pd.concat([top, rest]))
        )

    def red_line_words(self, red: finding.RedLine, name_issue: bool) -> str:
        """A red line as a minister reads it: "Russia — Lavrov, 29 January 2026 (own words): …", the issue named when
        the pack has several; who, when and whose words as briefing.labels names the position that draws the line."""
        positions = self.view.positions
        drawn = positions[(positions["party"] == red.party) & (positions["issue"] == red.issue) & (positions["red_line"] == red.text)]
        row = next(each_row(drawn.iloc[:1]), None)
        said_by = record_label({**(row._asdict() if row is not None else {"party_name": red.party_name}), "claim_type": red.claim_type})
        issue = f", on {red.issue_label[:1].lower()}{red.issue_label[1:]}" if name_issue else ""
        if said_by.startswith(red.party_name):  # no speaker or reporter named: the party itself, said once
            return f"{red.party_name}{issue}{said_by.removeprefix(red.party_name)}: {red.said}"
        return f"{red.party_name}{issue} — {said_by}: {red.said}"

    def finding(self) -> tuple[Finding, tuple[Quote, ...]]:
        """The bottom line in words, and the quotes it rests on (for the annex)."""
        line = finding.bottom_line(self.view, self.selection.issues, verdicts=self.issue_verdicts)
        self.titles = {issue.issue: issue.title for issue in line.issues}

        def said(text: str, brief: str | None) -> Said:
            return Said(text, self.footnotes.get(brief or "", 0), brief in self.illustrative)

        words = Finding(
            analyst=said(line.analyst, line.analyst_brief) if line.analyst else None,
            issues=tuple(issue.title for issue in line.issues),
            red_lines=tuple(said(self.red_line_words(red, name_issue=len(line.issues) != 1), red.brief) for red in line.red_lines),
            outlook=tuple(
                said(f"{o.text} ({', '.join(w for w in (o.likelihood, CONFIDENCE_WORDS.get(o.confidence, o.confidence)) if w)})", o.brief)
                for o in line.outlook
            ),
        )
        evidence = list(line.analyst_evidence)
        for red in line.red_lines:
            evidence += red.evidence
        for outlook in line.outlook:
            evidence += outlook.evidence
        return words, self.quotes(tuple(dict.fromkeys(evidence)))
