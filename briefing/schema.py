"""The brief format as pydantic models.

Cross-record checks (references, duplicate ids, quotes at their offsets) run inside
pydantic too, through the validation context: ``{"taxonomy": Taxonomy, "seed_texts":
{seed_id: text}}``. Without a context only the shape of a record is checked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from briefing.dates import DateError, parse_date

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

STANCES: dict[str, tuple[int | None, str, str]] = {
    # id: (ordinal rank, label, symbol); the symbol keeps stance readable without colour
    "firm-rejection": (-2, "Firm rejection", "✖✖"),
    "rejection": (-1, "Rejection", "✖"),
    "conditional": (0, "Conditional", "◐"),
    "support": (1, "Support", "✔"),
    "firm-support": (2, "Firm demand / support", "✔✔"),
    "ambiguous": (None, "Ambiguous", "?"),
}
Stance = Literal["firm-rejection", "rejection", "conditional", "support", "firm-support", "ambiguous"]

CLAIM_TYPES = {
    "stated": "Stated by the party",
    "reported": "Reported by others",
    "assessment": "Analyst's assessment",
}
ClaimType = Literal["stated", "reported", "assessment"]
Confidence = Literal["high", "medium", "low"]
EventStatus = Literal["occurred", "proposed", "reported", "denied"]
Direction = Literal["worsens", "improves", "mixed", "uncertain"]
DIRECTIONS = {
    "worsens": "Worsens the region's security",
    "improves": "Improves the region's security",
    "mixed": "Mixed effect",
    "uncertain": "Uncertain effect",
}
PartyKind = Literal["state", "organisation", "group"]


def _check_edtf(value: str | None) -> str | None:
    if value is not None:
        try:
            parse_date(value)
        except DateError as error:
            raise ValueError(str(error)) from None
    return value


EdtfDate = Annotated[str, AfterValidator(_check_edtf)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# editorial warnings an editor may mark as reviewed, with the reason (briefing/checks.py); errors cannot be
ReviewableRule = Literal["hedged-quote-high-confidence", "dropped-hedge", "stated-not-party"]


class Review(Record):
    """An editor's answer to one editorial warning on a record: why the reading stands."""

    rule: ReviewableRule
    note: Text


class Speaker(Record):
    id: Slug
    name: Text
    role: Text
    aliases: tuple[Text, ...] = ()  # other spellings in sources ("Zelensky"); the surname always counts




class Party(Record):
    id: Slug
    name: Text
    kind: PartyKind
    members: tuple[Slug, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    aliases: tuple[Text, ...] = ()  # how sources name the party: "Moscow", "Kremlin", "Russian"


class Issue(Record):
    id: Slug
    label: Text
    definition: Text


def _duplicates(ids) -> list[str]:
    return sorted(name for name, count in Counter(ids).items() if count > 1)


class Taxonomy(Record):
    parties: tuple[Party, ...] = Field(min_length=1)
    issues: tuple[Issue, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_ids(self) -> Taxonomy:
        speakers = [s.id for p in self.parties for s in p.speakers]
        for label, ids in (("party", [p.id for p in self.parties]), ("issue", [i.id for i in self.issues]), ("speaker", speakers)):
            if dupes := _duplicates(ids):
                raise ValueError(f"duplicate {label} id(s): {', '.join(dupes)}")
        known = {p.id for p in self.parties}
        for party in self.parties:
            if missing := [m for m in party.members if m not in known]:
                raise ValueError(f"party {party.id!r} has unknown member(s): {', '.join(missing)}")
        return self

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(f"unknown party {party_id!r}")

    @property
    def speakers(self) -> dict[str, tuple[Party, Speaker]]:
        return {s.id: (p, s) for p in self.parties for s in p.speakers}


def _locate(text: str, quote: str) -> str:
    """Say where a quote does occur in a seed, to help fix its offsets."""
    found = []
    start = text.find(quote)
    while start != -1 and len(found) < 3:
        found.append(f"{start}-{start + len(quote)}")
        start = text.find(quote, start + 1)
    if found:
        return "the quote occurs at " + ", ".join(found)
    return "the quote does not occur anywhere in the seed"


class Evidence(Record):
    id: Slug
    seed: Slug
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: Annotated[str, StringConstraints(min_length=1, max_length=5000)]

    @model_validator(mode="after")
    def _check_span(self, info: ValidationInfo) -> Evidence:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        seeds = (info.context or {}).get("seed_texts")
        if seeds is None:
            return self
        if self.seed not in seeds:
            raise ValueError(f"unknown seed {self.seed!r} (declare it under seeds:)")
        text = seeds[self.seed]
        if self.end > len(text):
            raise ValueError(
                f"span {self.start}-{self.end} runs past the end of seed {self.seed!r} ({len(text)} characters); "
                f"{_locate(text, self.quote)}"
            )
        if text[self.start : self.end] != self.quote:
            raise ValueError(f"quote is not the seed text at {self.start}-{self.end}; {_locate(text, self.quote)}")
        return self


Evidences = Annotated[tuple[Evidence, ...], Field(min_length=1)]


def _taxonomy(info: ValidationInfo) -> Taxonomy | None:
    return (info.context or {}).get("taxonomy")


def _known(kind: str, ids, known: set[str]) -> None:
    if missing := [i for i in ids if i not in known]:
        raise ValueError(f"unknown {kind} id(s): {', '.join(missing)}")


class Seed(Record):
    id: Slug
    file: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

    @field_validator("file")
    @classmethod
    def _inside_seeds(cls, value: str) -> str:
        # a file name only: anything else could escape seeds/
        if "/" in value or "\\" in value or value in (".", "..") or value.startswith(".") or "\x00" in value:
            raise ValueError(f"seed file {value!r} must be a plain file name inside seeds/")
        return value


class Reference(Record):
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)]
    retrieved: Literal[False] = False
    note: Text | None = None


OrdinalStance = Literal["firm-rejection", "rejection", "conditional", "support", "firm-support"]


class RedLine(Record):
    """What the party says it will not accept on this issue."""

    text: Text
    claim_type: ClaimType | None = None  # whose words the evidence is; defaults to the position's
    evidence: Evidences


class AcceptableRange(Record):
    """The stretch of the stance scale the party could live with, where the text shows one."""

    low: OrdinalStance
    high: OrdinalStance
    note: Text | None = None
    claim_type: ClaimType | None = None  # whose words the evidence is; defaults to the position's
    evidence: Evidences

    @model_validator(mode="after")
    def _ordered(self) -> AcceptableRange:
        if STANCES[self.low][0] > STANCES[self.high][0]:
            raise ValueError(f"low {self.low!r} is above high {self.high!r} on the stance scale")
        return self


class Position(Record):
    id: Slug
    party: Slug
    issue: Slug
    stance: Stance
    summary: Text
    speaker: Slug | None = None
    reported_by: Text | None = None
    date: EdtfDate | None = None
    claim_type: ClaimType
    confidence: Confidence
    evidence: Evidences
    red_line: RedLine | None = None
    acceptable_range: AcceptableRange | None = None
    reviewed: tuple[Review, ...] = ()

    @model_validator(mode="after")
    def _check_refs(self, info: ValidationInfo) -> Position:
        if self.claim_type == "reported" and not self.reported_by:
            raise ValueError("a reported position names who reported it (reported_by)")
        for name, part in (("red_line", self.red_line), ("acceptable_range", self.acceptable_range)):
            if part is not None and self.claim_type != "assessment" and part.claim_type == "assessment":
                raise ValueError(
                    f"{name} rests on the analyst's assessment, but the position is {self.claim_type}: a range or red "
                    "line counts as the party's only on its own words or reporting of them; move it to an "
                    "assessment position, where it is shown as the analyst's reading"
                )
        taxonomy = _taxonomy(info)
        if taxonomy is None:
            return self
        _known("party", [self.party], {p.id for p in taxonomy.parties})
        _known("issue", [self.issue], {i.id for i in taxonomy.issues})
        if self.speaker is not None:
            speakers = taxonomy.speakers
            _known("speaker", [self.speaker], set(speakers))
            if speakers[self.speaker][0].id != self.party:
                raise ValueError(f"speaker {self.speaker!r} speaks for {speakers[self.speaker][0].id!r}, not {self.party!r}")
        return self


class Event(Record):
    id: Slug
    title: Text
    date: EdtfDate | None = None
    after: EdtfDate | None = None
    before: EdtfDate | None = None
    date_note: Text | None = None
    parties: tuple[Slug, ...] = ()
    issues: tuple[Slug, ...] = Field(min_length=1)
    status: EventStatus
    summary: Text | None = None
    evidence: Evidences
    reviewed: tuple[Review, ...] = ()

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Event:
        if self.date is None and not self.date_note:
            raise ValueError("an undated event explains what is known of its time (date_note)")
        if self.date is not None and (self.after or self.before):
            raise ValueError("give either a date or after/before bounds, not both")
        if self.after and self.before and parse_date(self.before).end < parse_date(self.after).start:
            raise ValueError(f"before {self.before} is earlier than after {self.after}")
        taxonomy = _taxonomy(info)
        if taxonomy is not None:
            _known("party", self.parties, {p.id for p in taxonomy.parties})
            _known("issue", self.issues, {i.id for i in taxonomy.issues})
        return self


class Impact(Record):
    id: Slug
    region: Slug
    issues: tuple[Slug, ...] = Field(min_length=1)
    direction: Direction
    assessment: Text
    claim_type: ClaimType = "assessment"
    confidence: Confidence
    evidence: Evidences
    reviewed: tuple[Review, ...] = ()

    @model_validator(mode="after")
    def _check_refs(self, info: ValidationInfo) -> Impact:
        taxonomy = _taxonomy(info)
        if taxonomy is not None:
            _known("region (party)", [self.region], {p.id for p in taxonomy.parties})
            _known("issue", self.issues, {i.id for i in taxonomy.issues})
        return self


Outlook = Literal["no-agreement", "agreement-possible"]


class Judgment(Record):
    id: Slug
    text: Text
    issues: tuple[Slug, ...] = ()
    confidence: Confidence
    # the judgment's reading of whether the parties can meet on its issues; a negotiation verdict it contradicts
    # is shown as contested by it
    outlook: Outlook | None = None
    evidence: Evidences
    reviewed: tuple[Review, ...] = ()

    @model_validator(mode="after")
    def _check_refs(self, info: ValidationInfo) -> Judgment:
        taxonomy = _taxonomy(info)
        if taxonomy is not None:
            _known("issue", self.issues, {i.id for i in taxonomy.issues})
        return self


class EditorNote(Record):
    """An editor's note to readers about the source itself, e.g. a factual slip, tied to the passage concerned."""

    id: Slug
    text: Text
    evidence: Evidences


LadderTier = Literal["minimum", "possible"]
LADDER_TIERS = {"minimum": "Minimum requirement", "possible": "Possible higher demand"}


class LadderStep(Record):
    text: Text
    tier: LadderTier
    issues: tuple[Slug, ...] = Field(min_length=1)
    confidence: Confidence
    evidence: Evidences

    @model_validator(mode="after")
    def _check_refs(self, info: ValidationInfo) -> LadderStep:
        taxonomy = _taxonomy(info)
        if taxonomy is not None:
            _known("issue", self.issues, {i.id for i in taxonomy.issues})
        return self


class Ladder(Record):
    """An escalation ladder the source sets out for a party: its minimum requirements, then what it might demand."""

    id: Slug
    party: Slug
    title: Text
    claim_type: ClaimType = "assessment"
    confidence: Confidence
    evidence: Evidences
    steps: tuple[LadderStep, ...] = Field(min_length=2)
    reviewed: tuple[Review, ...] = ()

    @model_validator(mode="after")
    def _check_refs(self, info: ValidationInfo) -> Ladder:
        tiers = [step.tier for step in self.steps]
        if tiers != sorted(tiers, key=("minimum", "possible").index):
            raise ValueError("a ladder lists its minimum requirements before its possible higher demands")
        taxonomy = _taxonomy(info)
        if taxonomy is not None:
            _known("party", [self.party], {p.id for p in taxonomy.parties})
        return self


class Brief(Record):
    id: Slug
    title: Text
    published: dt.date
    author: Text | None = None  # who wrote the source; the stance history tells one author's readings from another's
    # what kind of source this is, shown wherever its records appear; a value containing "illustrative" marks a
    # brief written in-house to show a feature, not an external source
    provenance: Text | None = None
    seeds: tuple[Seed, ...] = Field(min_length=1)
    references: tuple[Reference, ...] = ()
    positions: tuple[Position, ...] = ()
    events: tuple[Event, ...] = ()
    impacts: tuple[Impact, ...] = ()
    judgments: tuple[Judgment, ...] = ()
    ladders: tuple[Ladder, ...] = ()
    editor_notes: tuple[EditorNote, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> Brief:
        for label, located in (("record", self.record_paths()), ("evidence", self.evidence_paths())):
            seen: dict[str, str] = {}
            for path, record_id in located:
                if record_id in seen:
                    raise ValueError(f"duplicate {label} id {record_id!r} at {seen[record_id]} and {path}")
                seen[record_id] = path
        return self

    @property
    def illustrative(self) -> bool:
        return "illustrative" in (self.provenance or "").casefold()

    def records(self):
        """(field, index, record) for every record that cites evidence, in file order."""
        for field in RECORD_FIELDS:
            for index, record in enumerate(getattr(self, field)):
                yield field, index, record

    def record_paths(self):
        """(record path, id) for every seed and record, e.g. ('positions[3]', 'russia-ceasefire')."""
        for index, seed in enumerate(self.seeds):
            yield f"seeds[{index}]", seed.id
        for field, index, record in self.records():
            yield f"{field}[{index}]", record.id

    def evidence_paths(self):
        """(evidence path, id) for every evidence span, e.g. ('positions[3].evidence[0]', 'ev-1')."""
        for field, index, record in self.records():
            for part, _role, number, span in record_spans(record):
                yield f"{field}[{index}].{part}evidence[{number}]", span.id

    def evidence(self):
        """Every evidence span in the brief, in record order."""
        for _field, _index, record in self.records():
            for _part, _role, _number, span in record_spans(record):
                yield span


RECORD_FIELDS = ("positions", "events", "impacts", "judgments", "ladders", "editor_notes")


def record_spans(record):
    """(path prefix, role, index, span) for a record's evidence: the claim's own, then a position's red line and
    acceptable range, then a ladder's steps (roles 'claim', 'red-line', 'acceptable-range', 'step-1', …)."""
    for number, span in enumerate(record.evidence):
        yield "", "claim", number, span
    for role, part in (("red-line", getattr(record, "red_line", None)), ("acceptable-range", getattr(record, "acceptable_range", None))):
        if part is not None:
            for number, span in enumerate(part.evidence):
                yield f"{role.replace('-', '_')}.", role, number, span
    for step_number, step in enumerate(getattr(record, "steps", ())):
        for number, span in enumerate(step.evidence):
            yield f"steps[{step_number}].", f"step-{step_number + 1}", number, span
