"""The bottom line of a filtered view, for a reader who has a minute: the parties' red lines in plain words, one
action title per issue (where each party stands and the verdict), the outlook with its likelihood and confidence, and
the key judgments that matter most.

Nothing here decides anew: places and verdicts come from briefing.negotiation (which asks briefing.readings), words
from briefing.vocabulary. A key judgment's likelihood (ICD 203 words: how probable the event is) and its confidence
(how sure the analyst is) are different things, and both are carried.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.frames import Frames, each_row
from briefing.negotiation import STANCE_AT, IssueVerdict, Placement, view_verdicts
from briefing.verdict_readings import VerdictReading, or_words
from briefing.vocabulary import STANCES, VERDICTS

FEWEST_KEY_JUDGMENTS = 3  # below this many ranked judgments, the brief's own order fills the top
MOST_OUTLOOKS = 2  # the bottom line says the outlook in a breath; the rest are key judgments below


@dataclass(frozen=True)
class RedLine:
    """What a party says it will not accept on an issue, in its own words or as reported (or the analyst's)."""

    party_name: str
    text: str
    claim_type: str
    evidence: tuple[str, ...]
    brief: str
    party: str = ""
    issue: str = ""
    issue_label: str = ""
    quote: str = ""  # the verbatim words of its first evidence span; ``text`` is the analyst's paraphrase

    @property
    def said(self) -> str:
        """What a reader is shown: the source's own words in quotation marks, never the paraphrase as if quoted.

        A red line recorded from a party's words (or from reporting of them) is shown as its verbatim quote; the
        paraphrase in ``text`` is the analyst's and is shown, without quotation marks, only where no quote exists.
        """
        return f"“{self.quote.strip()}”" if self.quote.strip() else self.text


@dataclass(frozen=True)
class IssueLine:
    """One issue said aloud: its action title, the verdict id and how far it can be trusted."""

    issue: str
    label: str
    title: str
    verdict: str  # an id of briefing.vocabulary.VERDICTS
    confidence: str
    briefs: tuple[str, ...] = ()  # the briefs whose records place the parties
    contested: bool = False
    uncertain: bool = False
    rests_on: tuple[str, ...] = ()  # the headline positions that place the parties
    readings: tuple[VerdictReading, ...] = ()  # the outcome under each reading, when the verdict depends on which holds
    plain_title: str = ""  # the title with the jargon verdict words glossed, for the overview's first-time reader


@dataclass(frozen=True)
class Outlook:
    """A key judgment read as the outlook: will the parties meet, how likely, and how sure the analyst is."""

    text: str
    likelihood: str | None
    confidence: str
    judgment_id: str
    evidence: tuple[str, ...]
    brief: str = ""
    outlook: str | None = None  # 'no-agreement', 'agreement-possible' or None for a judgment ranked first


@dataclass(frozen=True)
class BottomLine:
    red_lines: tuple[RedLine, ...]
    issues: tuple[IssueLine, ...]
    outlook: tuple[Outlook, ...]
    analyst: str | None
    analyst_evidence: tuple[str, ...]
    analyst_brief: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.red_lines or self.issues or self.outlook or self.analyst)

    @property
    def briefs(self) -> frozenset[str]:
        """Every brief something in the bottom line comes from (for the illustrative notice)."""
        found = {line.brief for line in self.red_lines} | {o.brief for o in self.outlook}
        found |= {brief for line in self.issues for brief in line.briefs}
        if self.analyst_brief:
            found.add(self.analyst_brief)
        return frozenset(found - {""})


def _word(stance_id: str) -> str:
    return STANCES[stance_id].word.lower()


def place_words(placement: Placement) -> str:
    """Where one party stands, e.g. "Russia firmly against", "Ukraine anywhere from against to for (contested)"."""
    if placement.source == "acceptable range" and placement.low is not None and placement.high is not None:
        low, high = _word(STANCE_AT[placement.low]), _word(STANCE_AT[placement.high])
        words = f"{placement.party_name} {low}" if low == high else f"{placement.party_name} anywhere from {low} to {high}"
    else:
        words = f"{placement.party_name} {_word(placement.stance)}"
    return words + (" (contested)" if placement.contested_by else "")


GLOSSED = ("overlap", "touching")  # the verdict words a first-time reader cannot guess; "no overlap" says itself


def verdict_word(verdict: str, glossed: bool = False) -> str:
    """A verdict's word in a title; ``glossed``: with the vocabulary's gloss where the word alone is jargon,
    "touching (a single point all could accept)"."""
    _icon, word, gloss = VERDICTS[verdict]
    return f"{word.lower()} ({gloss})" if glossed and verdict in GLOSSED else word.lower()


def issue_title(verdict: IssueVerdict, issue_label: str, glossed: bool = False) -> str:
    """An action title a briefer can say aloud: "Ceasefire: Russia firmly against; Ukraine for; no overlap";
    ``glossed``: the jargon verdict words with their gloss, for a reader who has not met them."""
    placed = [p for p in verdict.ranges if p.placed]
    if verdict.depends:  # "Energy truce: depends on which report holds — touching or no overlap"
        outcomes = or_words([verdict_word(r.outcome, glossed) for r in verdict.readings]) if glossed else verdict.outcomes
        return f"{issue_label}: depends on which report holds — {outcomes}"
    word = verdict_word(verdict.verdict, glossed)
    if verdict.verdict == "insufficient":
        if not placed:
            return f"{issue_label}: no party placed; {word}"
        only = ", ".join(p.party_name for p in placed)
        return f"{issue_label}: only {only} placed ({', '.join(place_words(p).removeprefix(p.party_name + ' ') for p in placed)}); {word}"
    parts = [place_words(p) for p in verdict.ranges]
    return f"{issue_label}: {'; '.join(parts)}; {word}" + (" (contested)" if verdict.contested else "")


def _in_issues(frame: pd.DataFrame, column: str, issues: tuple[str, ...], many: bool) -> pd.DataFrame:
    if not issues or frame.empty:
        return frame
    keep = frame[column].map(lambda value: not set(issues).isdisjoint(value)) if many else frame[column].isin(issues)
    return frame[keep.astype(bool)]


def red_lines(view: Frames, issues: tuple[str, ...] = ()) -> tuple[RedLine, ...]:
    """Every red line in view, in taxonomy order of issue then the order of the positions; one per party, issue and text."""
    positions = _in_issues(view.positions, "issue", issues, many=False)
    marked = positions[positions["red_line"].notna()]
    order = {issue: number for number, issue in enumerate(view.issues["id"])}
    found: dict[tuple[str, str, str], RedLine] = {}
    spans = {span.id: span.quote for span in view.evidence_rows(list(marked["red_line_evidence"].explode().dropna()))}
    for row in sorted(each_row(marked), key=lambda row: order.get(row.issue, len(order))):
        first = next((spans[span] for span in row.red_line_evidence if span in spans), "")
        found.setdefault(
            (row.party, row.issue, row.red_line),
            RedLine(
                party_name=row.party_name,
                text=row.red_line,
                claim_type=row.red_line_claim_type,
                evidence=tuple(row.red_line_evidence),
                brief=row.brief,
                party=row.party,
                issue=row.issue,
                issue_label=row.issue_label,
                quote=first,
            ),
        )
    return tuple(found.values())


def issue_lines(view: Frames, issues: tuple[str, ...] = (), verdicts: list[IssueVerdict] | None = None) -> tuple[IssueLine, ...]:
    """One line per issue in view that has positions, from the negotiation verdicts (``verdicts``: those already
    computed for this view, e.g. from a cache the negotiation space shares)."""
    labels = view.issue_labels
    return tuple(
        IssueLine(
            issue=verdict.issue,
            label=labels.get(verdict.issue, verdict.issue),
            title=issue_title(verdict, labels.get(verdict.issue, verdict.issue)),
            verdict=verdict.verdict,
            confidence=verdict.confidence,
            briefs=tuple(dict.fromkeys(p.brief for p in verdict.ranges)),
            contested=verdict.contested,
            uncertain=verdict.uncertain,
            rests_on=verdict.rests_on,
            readings=verdict.readings,
            plain_title=issue_title(verdict, labels.get(verdict.issue, verdict.issue), glossed=True),
        )
        for verdict in (view_verdicts(view, issues) if verdicts is None else verdicts)
    )


def _ranked(judgments: pd.DataFrame) -> pd.DataFrame:
    """Ranked judgments first (1 = most important), then the unranked ones in the briefs' own order."""
    rank = judgments["rank"] if "rank" in judgments else pd.Series(float("nan"), index=judgments.index)
    order = pd.to_numeric(rank, errors="coerce").reset_index(drop=True)
    return judgments.iloc[order.sort_values(na_position="last", kind="stable").index]


def ranked_judgments(view: Frames, issues: tuple[str, ...] = (), most: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The key judgments that matter most (top: the ranked ones, at most ``most``, filled up to three from the briefs'
    own order) and the rest, both in rank order."""
    judgments = _ranked(_in_issues(view.judgments, "issues", issues, many=True))
    ranked = int(pd.to_numeric(judgments["rank"], errors="coerce").notna().sum()) if "rank" in judgments else 0
    size = min(most, max(ranked, FEWEST_KEY_JUDGMENTS))
    return judgments.iloc[:size], judgments.iloc[size:]


def outlook(view: Frames, issues: tuple[str, ...] = ()) -> tuple[Outlook, ...]:
    """The key judgments that speak to whether the parties can meet (``outlook`` set), else the one ranked first."""
    judgments = _ranked(_in_issues(view.judgments, "issues", issues, many=True))
    chosen = judgments[judgments["outlook"].notna()] if "outlook" in judgments else judgments.iloc[:0]
    if chosen.empty:
        chosen = judgments.iloc[:1]
    return tuple(
        Outlook(
            text=row.text,
            likelihood=getattr(row, "likelihood", None) or None,
            confidence=row.confidence,
            judgment_id=row.id,
            evidence=tuple(row.evidence),
            brief=row.brief,
            outlook=row.outlook or None,
        )
        for row in each_row(chosen.iloc[:MOST_OUTLOOKS])
    )


def _analyst(view: Frames) -> tuple[str | None, tuple[str, ...], str | None]:
    """The newest analyst-written bottom line among the briefs that contribute to the view."""
    briefs = view.briefs
    if "bottom_line" not in briefs or briefs.empty:
        return None, (), None
    contributing = {brief for table in (view.positions, view.judgments, view.events, view.impacts) for brief in table["brief"].unique()}
    written = briefs[briefs["bottom_line"].notna() & briefs["id"].isin(contributing)]
    if written.empty:
        return None, (), None
    newest = written.sort_values("published", kind="stable").iloc[-1]
    return str(newest["bottom_line"]), tuple(newest["bottom_line_evidence"]), str(newest["id"])


def bottom_line(view: Frames, issues: tuple[str, ...] = (), verdicts: list[IssueVerdict] | None = None) -> BottomLine:
    """The bottom line of a filtered view (``issues`` narrows it further; empty: every issue in view; ``verdicts``:
    the view's verdicts if already computed)."""
    analyst, analyst_evidence, analyst_brief = _analyst(view)
    return BottomLine(
        red_lines=red_lines(view, issues),
        issues=issue_lines(view, issues, verdicts),
        outlook=outlook(view, issues),
        analyst=analyst,
        analyst_evidence=analyst_evidence,
        analyst_brief=analyst_brief,
    )
