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
    brief: str = ""  # the brief's id: its footnote number in the reader's part

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
    illustrative: bool = False
    footnote: int = 0


@dataclass(frozen=True)
class Mark:
    """A stance as the reader sees it: symbol and word always, the colour only beside them (from the vocabulary)."""

    symbol: str
    word: str
    colour: str
    ink: str

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.word}".strip()


@dataclass(frozen=True)
class Matrix:
    """Each cell's headline in words by the rule every view uses; "no position" where a party has none."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (party name, one cell per header)
    marks: tuple[tuple[Mark | None, ...], ...] = ()  # per row, each cell's stance mark; None: no position
    shorts: tuple[str, ...] = ()  # each header's short name (the taxonomy's `short`), for a matrix set narrow


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
    mark: Mark
    footnote: int  # the number of its brief among the pack's sources
    red_line: Bound | None
    range: Bound | None
    range_note: str

    @property
    def all_quotes(self) -> tuple[Quote, ...]:
        """Its quotes, then its red line's and its range's."""
        return self.quotes + (self.red_line.quotes if self.red_line else ()) + (self.range.quotes if self.range else ())


@dataclass(frozen=True)
class Verdict:
    issue: str
    issue_label: str
    kind: str  # an id of briefing.vocabulary.VERDICTS: overlap, touching, no-intersection, depends or insufficient
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
    period: str  # "recent" (in the reporting period of the briefs in view), "background" (outside it) or "undated"
    note: str = ""  # what the brief says of an undated event's date
    illustrative: bool = False


@dataclass(frozen=True)
class Impact:
    region_name: str
    direction_label: str
    assessment: str
    claim_label: str
    confidence: str
    quotes: tuple[Quote, ...]
    illustrative: bool = False


@dataclass(frozen=True)
class Region:
    name: str
    members: str
    impacts: tuple[Impact, ...]


@dataclass(frozen=True)
class StanceStrip:
    """One party's headline stance on an issue, for the strip under an issue's action title."""

    party_name: str
    mark: Mark
    claim_label: str


@dataclass(frozen=True)
class IssueSection:
    """One issue for the reader: its action title, stance strip, verdict and positions (sources as footnotes)."""

    issue: str
    label: str
    title: str
    strip: tuple[StanceStrip, ...]
    verdict: Verdict | None
    positions: tuple[Position, ...]
    footnotes: tuple[int, ...]

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(quote for position in self.positions for quote in position.all_quotes)


@dataclass(frozen=True)
class Said:
    """A line of the bottom line with its source: the footnote number of its brief, and whether that is illustrative."""

    text: str
    footnote: int = 0
    illustrative: bool = False


@dataclass(frozen=True)
class Finding:
    """The bottom line in words (briefing.bottom_line): the brief's own, issue lines, red lines and outlook."""

    analyst: Said | None = None
    issues: tuple[str, ...] = ()
    red_lines: tuple[Said, ...] = ()
    outlook: tuple[Said, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.analyst or self.issues or self.red_lines or self.outlook)


@dataclass(frozen=True)
class PackContent:
    """Everything a pack says: the reader's part first (title, bottom line, matrix, one section per issue), then the
    annex for the analyst (every quote with its id and offsets, the files, hashes, filter and data version)."""

    title: str
    subject: str
    dated: str  # the latest publication in view, in words
    file_stem: str  # e.g. 2026-01-30-lavrov-ceasefire
    bottom_line: Finding
    bottom_line_quotes: tuple[Quote, ...]
    illustrative: bool  # some brief in view is illustrative
    sections: tuple[IssueSection, ...]
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
    reporting_period: str = ""  # the reporting period of the briefs in view in words (briefing.periods); "" when none

    @property
    def stance_key(self) -> tuple[Mark, ...]:
        """The stances the matrix shows, once each, for its key."""
        return tuple(dict.fromkeys(mark for marks in self.matrix.marks for mark in marks if mark is not None))

    @property
    def has_impacts(self) -> bool:
        return bool(self.other_impacts) or any(region.impacts for region in self.regions)

    def events_in(self, period: str) -> tuple[Event, ...]:
        return tuple(event for event in self.events if event.period == period)

    @property
    def annex(self) -> tuple[tuple[str, tuple[Quote, ...]], ...]:
        """The quotes by the part of the pack they stand behind, for the annex; parts without quotes are left out."""
        parts: list[tuple[str, tuple[Quote, ...]]] = [("Bottom line", self.bottom_line_quotes)]
        parts += [(section.label, section.quotes) for section in self.sections]
        parts.append(("Key judgments", tuple(q for judgment in self.judgments for q in judgment.quotes)))
        parts.append(("Timeline", tuple(q for event in self.events for q in event.quotes)))
        regional = [impact for region in self.regions for impact in region.impacts] + list(self.other_impacts)
        parts.append(("Poland, the Baltic states and the wider region", tuple(q for impact in regional for q in impact.quotes)))
        for ladder in self.ladders:
            steps = tuple(q for step in ladder.steps for q in step.quotes)
            parts.append((f"Escalation ladder: {ladder.party_name}, {ladder.title}", ladder.quotes + steps))
        return tuple((title, quotes) for title, quotes in parts if quotes)

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quote of the pack, in the order it is shown."""
        found: list[Quote] = list(self.bottom_line_quotes)
        for note in self.notes:
            found += note.quotes
        for judgment in self.judgments:
            found += judgment.quotes
        for position in self.positions:
            found += position.all_quotes
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
