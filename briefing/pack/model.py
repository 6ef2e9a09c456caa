"""The briefing pack's content (built by briefing.pack.build): every format (HTML, Markdown, slides, PDF) is drawn
from it, so none can carry a section or a quote the others lack."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """One verbatim quote and where it stands: brief, seed file and character offsets."""

    id: str
    text: str
    brief_title: str
    seed_file: str
    start: int
    end: int

    @property
    def source_line(self) -> str:
        return f"{self.brief_title} — {self.seed_file}, characters {self.start}–{self.end} (evidence {self.id})"


@dataclass(frozen=True)
class Brief:
    id: str
    title: str
    published: str
    seed_files: tuple[str, ...]
    seed_sha256: tuple[str, ...]
    provenance: str
    illustrative: bool


@dataclass(frozen=True)
class Note:
    text: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Judgment:
    text: str
    confidence: str
    issues: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Matrix:
    """Each cell's headline in words by the rule every view uses; "no position" where a party has none."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (party name, one cell per header)


@dataclass(frozen=True)
class Bound:
    """A red line or an acceptable range, labelled whose it is: the analyst's reading or the party's own."""

    whose: str
    text: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Position:
    party_name: str
    issue: str
    issue_label: str
    symbol: str
    stance_label: str
    summary: str
    claim_label: str
    confidence: str
    date: str
    who: str
    illustrative: bool
    quotes: tuple[Quote, ...]
    red_line: Bound | None
    range: Bound | None
    range_note: str


@dataclass(frozen=True)
class Verdict:
    issue: str
    issue_label: str
    kind: str  # overlap, touching, no-intersection or insufficient
    label: str
    confidence: str
    explanation: str
    cautions: tuple[str, ...]
    rests_on: tuple[str, ...]
    contested_by: tuple[str, ...]


@dataclass(frozen=True)
class LadderStep:
    tier_label: str
    text: str
    confidence: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Ladder:
    party_name: str
    title: str
    claim_label: str
    confidence: str
    quotes: tuple[Quote, ...]
    steps: tuple[LadderStep, ...]


@dataclass(frozen=True)
class Event:
    when: str
    title: str
    status: str
    issues: tuple[str, ...]
    issues_text: str
    dated: bool
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Impact:
    region_name: str
    direction_label: str
    assessment: str
    claim_label: str
    confidence: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Region:
    name: str
    members: str
    impacts: tuple[Impact, ...]


@dataclass(frozen=True)
class PackContent:
    """Everything a pack says, in the order the HTML and Markdown show it."""

    filter_line: str
    version: str
    generated: str
    briefs: tuple[Brief, ...]
    notes: tuple[Note, ...]
    judgments: tuple[Judgment, ...]
    matrix: Matrix
    positions: tuple[Position, ...]
    verdicts: tuple[Verdict, ...]
    ladders: tuple[Ladder, ...]
    events: tuple[Event, ...]
    regions: tuple[Region, ...]
    other_impacts: tuple[Impact, ...]
    claim_types: tuple[tuple[str, str], ...]

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quote of the pack, in the order it is shown."""
        found: list[Quote] = []
        for note in self.notes:
            found += note.quotes
        for judgment in self.judgments:
            found += judgment.quotes
        for position in self.positions:
            found += position.quotes
            found += position.red_line.quotes if position.red_line else ()
            found += position.range.quotes if position.range else ()
        for ladder in self.ladders:
            found += ladder.quotes
            for step in ladder.steps:
                found += step.quotes
        for event in self.events:
            found += event.quotes
        for region in self.regions:
            for impact in region.impacts:
                found += impact.quotes
        for impact in self.other_impacts:
            found += impact.quotes
        return tuple(found)
