"""Negotiation space: each party's place on the stance scale per issue, whether the places meet, and how far the
verdict can be trusted.

Each party is placed by its cell's headline (briefing.readings, the rule every view uses). A range widens the place
only when it is the party's: the headline record's acceptable range on the party's own words or reporting of them.
A range drawn from the analyst's sentences is kept beside the party as the analyst's reading and never merged into
the verdict. A verdict is no surer than its weakest input, names the records it rests on, and lists the records and
key judgments that contradict it.

A contested place is not settled by picking one reading. Where a party's cell has records pointing another way than
its headline (briefing.readings' ``disagreeing``), the verdict is computed under each of them
(briefing.verdict_readings): when the outcomes differ, the verdict is "depends" and names each outcome with the record
it rests on, its claim type and its confidence ("Touching if Financial Times, 23–24 January 2026 (as reported, low
confidence) holds"); when they agree, it stands as the headline gives it, its contested marker kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.frames import Frames, each_row
from briefing.readings import cell_readings, weakest
from briefing.verdict_readings import (
    VerdictReading,
    contradicting_records,
    or_words,
    outcome_of,
    party_range,
    readings_words,
    verdict_readings,
)
from briefing.vocabulary import CLAIM_TYPES, RANK, STANCES, VERDICTS, word_at
from briefing.vocabulary import STANCE_AT as STANCE_AT  # the figures and the bottom line read the scale from here

# judgments whose outlook contradicts a verdict
CONTRADICTING_OUTLOOK = {"overlap": "no-agreement", "touching": "no-agreement", "no-intersection": "agreement-possible"}
DEPENDS = "depends"  # the verdict when the readings of a contested place give different outcomes


@dataclass(frozen=True)
class AnalystRange:
    """A range the analyst reads for a party: shown beside it, never counted in the verdict."""

    position_id: str
    low: int
    high: int
    note: str | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Placement:
    """Where one party stands on an issue, and on what."""

    party: str
    party_name: str
    low: int | None
    high: int | None
    source: str  # 'acceptable range', 'stance only' or 'unclear'
    position_id: str
    brief: str
    stance: str
    claim_type: str
    confidence: str
    contested_by: tuple[str, ...]  # records of the cell that point another way than the headline (by the stance's direction)
    red_lines: tuple[tuple[str, str, tuple[str, ...]], ...]  # (text, claim type, evidence ids)
    evidence: tuple[str, ...]
    analyst_range: AnalystRange | None = None
    alternatives: tuple[tuple[str, str], ...] = ()  # (record id, stance) of the cell's records of another stance

    @property
    def placed(self) -> bool:
        return self.low is not None

    def words(self) -> str:
        """What the party does, in a sentence part a briefer can say aloud."""
        whose = CLAIM_TYPES[self.claim_type].whose
        if self.source == "acceptable range" and self.low is not None and self.high is not None:
            return f"{self.party_name} could accept anything from “{word_at(self.low)}” to “{word_at(self.high)}” ({whose})"
        return f"{self.party_name}: {STANCES[self.stance].word} ({whose})"


@dataclass(frozen=True)
class IssueVerdict:
    issue: str
    verdict: str
    low: int | None  # the highest lower bound
    high: int | None  # the lowest upper bound
    ranges: tuple[Placement, ...]
    confidence: str = "high"
    rests_on: tuple[str, ...] = ()
    contested_by: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()  # why the verdict is uncertain, in words
    readings: tuple[VerdictReading, ...] = ()  # one per outcome, when the verdict depends on which report holds
    weak_places: tuple[str, ...] = ()  # the parties whose place the cautions are about, by name

    @property
    def depends(self) -> bool:
        return self.verdict == DEPENDS

    @property
    def outcomes(self) -> str:
        """The outcomes the readings give, e.g. "touching or no overlap"."""
        return or_words([reading.outcome_word.lower() for reading in self.readings])

    @property
    def uncertain(self) -> bool:
        return bool(self.cautions)

    @property
    def contested(self) -> bool:
        return bool(self.contested_by)

    @property
    def weak_words(self) -> str:
        """Whose place makes the verdict uncertain: "Ukraine's place uncertain", "Russia's and Ukraine's places
        uncertain"; "uncertain" where the cautions name no party."""
        names = [possessive(name) for name in dict.fromkeys(self.weak_places)]
        if not names:
            return "uncertain"
        said = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return f"{said} {'place' if len(names) == 1 else 'places'} uncertain"

    @property
    def label(self) -> str:
        """The verdict with its qualifiers, e.g. "Touching: a single point all could accept — uncertain, contested"."""
        # "uncertain" alone beside "medium confidence" reads as a contradiction: say whose place is uncertain
        weak = self.weak_words
        qualifiers = [word for word, flag in ((weak, self.uncertain), ("contested", self.contested)) if flag]
        if self.verdict == "insufficient":
            qualifiers = []  # there is no verdict to qualify
        if self.depends:
            qualifiers = [word for word in qualifiers if word != "contested"]  # the readings say what contests it
            return f"Depends on which report holds: {self.outcomes}" + (f" — {', '.join(qualifiers)}" if qualifiers else "")
        _icon, word, gloss = VERDICTS[self.verdict]
        return f"{word}: {gloss}" + (f" — {', '.join(qualifiers)}" if qualifiers else "")

    @property
    def icon(self) -> str:
        return VERDICTS[self.verdict][0]

    @property
    def settled_places(self) -> str:
        """The places of the parties whose cell is not contested, in words ("" when none)."""
        settled = [r.words() for r in self.ranges if r.placed and not r.contested_by]
        return "; ".join(settled) + "." if settled else ""

    @property
    def explanation(self) -> str:
        """The verdict in words a briefer can say aloud; no counted steps, since the scale is ordinal."""
        counted = [r for r in self.ranges if r.placed]
        unclear = [r for r in self.ranges if not r.placed]
        if self.depends:
            return readings_words(self.readings) + (f" {self.settled_places}" if self.settled_places else "")
        if self.verdict == "insufficient":
            text = (
                f"Only {counted[0].words()}; a verdict needs two parties placed on the scale."
                if counted
                else "No party can be placed on the scale."
            )
        elif self.verdict == "no-intersection":
            text = "; ".join(r.words() for r in counted) + "."
        else:
            low = word_at(self.low) if self.low is not None else ""
            high = word_at(self.high) if self.high is not None else ""
            shared = f"“{low}”" if self.verdict == "touching" else f"the stretch from “{low}” to “{high}”"
            text = f"Every placed party includes {shared}: " + "; ".join(r.words() for r in counted) + "."
        if unclear:
            text += " Not placed: " + "; ".join(f"{r.party_name} (its headline record is ambiguous)" for r in unclear) + "."
        return text


def _analyst_ranges(on_issue: pd.DataFrame) -> dict[str, AnalystRange]:
    """Per party, the most recent range the analyst reads for it on this issue."""
    ranged = on_issue[on_issue["range_low"].notna() & (on_issue["range_claim_type"] == "assessment")]
    found: dict[str, AnalystRange] = {}
    for row in each_row(ranged.sort_values("date_end", ascending=False, na_position="last", kind="stable")):
        found.setdefault(
            row.party, AnalystRange(row.id, RANK[row.range_low], RANK[row.range_high], row.range_note, tuple(row.range_evidence))
        )
    return found


def placements(positions: pd.DataFrame, issue: str) -> tuple[Placement, ...]:
    """One placement per party on an issue, from its cell's headline."""
    on_issue = positions[positions["issue"] == issue]
    if on_issue.empty:
        return ()
    stances = dict(zip(on_issue["id"], on_issue["stance"], strict=True))
    with_red_lines = on_issue[on_issue["red_line"].notna()]
    red_lines: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for row in each_row(with_red_lines):
        red_lines.setdefault(row.party, []).append((row.red_line, row.red_line_claim_type, tuple(row.red_line_evidence)))
    analyst = _analyst_ranges(on_issue)
    readings = cell_readings(on_issue)
    heads = on_issue.set_index("id").loc[readings["headline"]]
    found = []
    for reading, head in zip(each_row(readings), each_row(heads), strict=True):
        low: int | None
        high: int | None
        if (place := party_range(head)) is not None:
            (low, high), source = place, "acceptable range"
            evidence = tuple(head.evidence) + tuple(head.range_evidence)
        elif reading.stance in RANK:
            low = high = RANK[reading.stance]
            source, evidence = "stance only", tuple(head.evidence)
        else:
            low = high = None
            source, evidence = "unclear", tuple(head.evidence)
        found.append(
            Placement(
                party=reading.party,
                party_name=reading.party_name,
                low=low,
                high=high,
                source=source,
                position_id=reading.headline,
                brief=reading.brief,
                stance=reading.stance,
                claim_type=reading.claim_type,
                confidence=reading.confidence,
                contested_by=tuple(reading.disagreeing),
                red_lines=tuple(red_lines.get(reading.party, ())),
                evidence=evidence,
                analyst_range=analyst.get(reading.party),
                alternatives=tuple((record, stances[record]) for record in reading.differing),
            )
        )
    return tuple(found)


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _weaknesses(placement: Placement) -> list[str]:
    """Why a party's place is weak, if it is: low confidence, or not the party's own words."""
    reasons = []
    if placement.confidence == "low":
        reasons.append("a low-confidence record")
    if placement.claim_type == "reported":
        reasons.append("reporting, not its own words")
    elif placement.claim_type == "assessment":
        reasons.append("the analyst's reading, not its own words")
    return reasons


def _weak_places(counted: list[Placement]) -> tuple[str, ...]:
    """The parties of the cautions (``_cautions``), by name, in the same order."""
    return tuple(placement.party_name for placement in counted if _weaknesses(placement))


def _cautions(counted: list[Placement]) -> list[str]:
    """Per party whose place is weak, why (``_weaknesses``)."""
    return [
        f"{possessive(placement.party_name)} place rests on {' and '.join(reasons)} ({placement.position_id})"
        for placement in counted
        if (reasons := _weaknesses(placement))
    ]


def _depending(
    issue: str,
    ranges: tuple[Placement, ...],
    counted: list[Placement],
    readings: tuple[VerdictReading, ...],
    judgments: pd.DataFrame | None,
) -> IssueVerdict:
    """A verdict that depends on which report holds: no surer than its weakest reading, resting on every reading's
    records."""
    fixed = [r for r in counted if not r.contested_by]
    confidence = weakest([*(r.confidence for r in readings), *(r.confidence for r in fixed)])
    if confidence == "high" and any(c != "stated" for c in [*(r.claim_type for r in readings), *(r.claim_type for r in fixed)]):
        confidence = "medium"
    rests_on = tuple(dict.fromkeys(record for reading in readings for record in reading.rests_on))
    # a key judgment contests the verdict only if it contradicts every reading: one that contradicts some speaks to
    # which reading holds, and is read beside them as a key judgment
    contested: list[str] = []
    if judgments is not None and not judgments.empty:
        against = {CONTRADICTING_OUTLOOK.get(r.outcome) for r in readings}
        if len(against) == 1 and None not in against:
            contested = [row.id for row in each_row(judgments) if issue in row.issues and row.outlook in against]
    cautions, weak = tuple(_cautions(counted)), _weak_places(counted)
    return IssueVerdict(issue, DEPENDS, None, None, ranges, confidence, rests_on, tuple(contested), cautions, readings, weak)


def issue_verdict(positions: pd.DataFrame, issue: str, judgments: pd.DataFrame | None = None) -> IssueVerdict:
    """Overlap, touching or no intersection, from the parties' places; with confidence, inputs and contradictions."""
    ranges = placements(positions, issue)
    counted = [r for r in ranges if r.low is not None and r.high is not None]
    rests_on = tuple(r.position_id for r in ranges)
    readings = verdict_readings(positions[positions["issue"] == issue], ranges)
    if readings:
        return _depending(issue, ranges, counted, readings, judgments)
    if len(counted) < 2:
        return IssueVerdict(
            issue, "insufficient", None, None, ranges, weakest(r.confidence for r in counted), rests_on, (), tuple(_cautions(counted))
        )
    places = [(r.low, r.high) for r in counted if r.low is not None and r.high is not None]
    low, high = max(place[0] for place in places), min(place[1] for place in places)
    verdict = outcome_of(places)
    confidence = weakest(r.confidence for r in counted)
    if confidence == "high" and any(r.claim_type != "stated" for r in counted):
        confidence = "medium"  # a place read from reporting or from the analyst is never as sure as the party's words
    contested = contradicting_records(counted, verdict)
    if judgments is not None and not judgments.empty:
        against = CONTRADICTING_OUTLOOK[verdict]
        contested += [row.id for row in each_row(judgments) if row.outlook == against and issue in row.issues]
    return IssueVerdict(
        issue,
        verdict,
        low,
        high,
        ranges,
        confidence,
        rests_on,
        tuple(dict.fromkeys(contested)),
        tuple(_cautions(counted)),
        weak_places=_weak_places(counted),
    )


def negotiation_space(positions: pd.DataFrame, issues: list[str], judgments: pd.DataFrame | None = None) -> list[IssueVerdict]:
    return [issue_verdict(positions, issue, judgments) for issue in issues if (positions["issue"] == issue).any()]


def view_verdicts(view: Frames, issues: tuple[str, ...] = ()) -> list[IssueVerdict]:
    """The verdict of every issue of a filtered view (``issues``: the filter's, else every issue), as every view
    and the export show it: its positions, contradicted by its own key judgments."""
    chosen = [issue for issue in view.issues["id"] if not issues or issue in issues]
    return negotiation_space(view.positions, chosen, view.judgments)
