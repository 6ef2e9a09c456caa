"""The brief format as pydantic models.

Cross-record checks (references, duplicate ids, quotes at their offsets) run inside
pydantic too, through the validation context: ``{"taxonomy": Taxonomy, "seed_texts":
{seed_id: text}}``. Without a context only the shape of a record is checked. A record's own
checks run even when some of its fields fail, so one run reports every problem in it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from briefing.dates import DateError, parse_date
from briefing.locate import explain_missing, occurrences
from briefing.messages import date_hint, did_you_mean, parse_published

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
BACKGROUND_LABEL = "Background (no single issue)"  # shown for an event that names no issue


def _check_edtf(value: str | None) -> str | None:
    if value is not None:
        try:
            parse_date(value)
        except DateError as error:
            hint = date_hint(value)
            raise ValueError(f"{error}; {hint}" if hint else str(error)) from None
    return value


EdtfDate = Annotated[str, AfterValidator(_check_edtf)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Check = tuple[str | None, str]  # (field the problem is about, or None for the whole record; message)


class CheckedRecord(Record):
    """A record with rules across its fields (``checks``), run whether or not its fields validate.

    pydantic runs an "after" validator only once every field is valid, so one slip in a record used to hide
    the others. ``checks`` receives the values that did validate: for a record that failed, its raw input
    (defaults for what was left out) without the failed fields, so each rule tests only the fields it finds.
    """

    @classmethod
    def checks(cls, values: Mapping[str, Any], info: ValidationInfo) -> Iterator[Check]:
        return iter(())

    @model_validator(mode="wrap")
    @classmethod
    def _every_problem(cls, data: Any, handler, info: ValidationInfo):
        try:
            record = handler(data)
        except ValidationError as error:
            if not isinstance(data, Mapping):
                raise
            errors = error.errors()
            failed = {item["loc"][0] for item in errors if item["loc"]}
            values = {name: data[name] if name in data else field.get_default(call_default_factory=True)
                      for name, field in cls.model_fields.items() if name not in failed}
            try:
                problems = list(cls.checks(values, info))
            except Exception:  # these values are raw input ('0' for 0), which a check may not compare: the errors stand alone
                problems = []
            raise _combined(cls.__name__, errors, problems, data) from None
        if problems := list(cls.checks(record.__dict__, info)):
            raise _combined(cls.__name__, [], problems, data)
        return record


def _combined(title: str, errors: list, problems: list[Check], data: Any) -> ValidationError:
    # every error is passed on as it was worded: known types keep their type name for the problem list
    details = [{"type": PydanticCustomError(item["type"], item["msg"]), "loc": item["loc"], "input": item.get("input")}
               for item in errors]
    details += [{"type": PydanticCustomError("value_error", f"Value error, {message}"), "loc": (field,) if field else (), "input": data}
                for field, message in problems]
    return ValidationError.from_exception_data(title, details)


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
    """Say where a quote does occur in a seed, to help fix its offsets; or why it does not."""
    found = [f"{start}-{start + len(quote)}" for start in occurrences(text, quote, limit=3)]
    if found:
        return "the quote occurs at " + ", ".join(found)
    return f"the quote does not occur anywhere in the seed; {explain_missing(text, quote)}"


class Evidence(CheckedRecord):
    id: Slug
    # may be left out when the brief has one seed: the Brief fills it in (see Brief._default_seed)
    seed: Slug | None = None
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: Annotated[str, StringConstraints(min_length=1, max_length=5000)]

    @classmethod
    def checks(cls, values, info):
        start, end, quote = values.get("start"), values.get("end"), values.get("quote")
        if start is not None and end is not None and end <= start:
            yield "end", f"end {end} is not after start {start}"
            return
        seeds = (info.context or {}).get("seed_texts")
        if seeds is None or "seed" not in values:
            return
        seed = values["seed"]
        if seed is None:
            yield "seed", f"evidence names no seed, and the brief declares {len(seeds)}: add seed: with one of {', '.join(sorted(seeds))}"
            return
        if seed not in seeds:
            yield "seed", f"unknown seed {seed!r} (declare it under seeds:)" + did_you_mean(seed, seeds)
            return
        if start is None or end is None or quote is None:
            return
        text = seeds[seed]
        if end > len(text):
            yield None, (f"span {start}-{end} runs past the end of seed {seed!r} ({len(text)} characters); "
                         f"{_locate(text, quote)}")
        elif text[start:end] != quote:
            yield None, f"quote is not the seed text at {start}-{end}; {_locate(text, quote)}"


Evidences = Annotated[tuple[Evidence, ...], Field(min_length=1)]


def _taxonomy(info: ValidationInfo) -> Taxonomy | None:
    return (info.context or {}).get("taxonomy")


def _unknown(kind: str, ids, known: set[str]) -> str | None:
    """The message for ids missing from the taxonomy, with the nearest known ones as suggestions."""
    if isinstance(ids, str):
        ids = [ids]
    missing = [i for i in ids if isinstance(i, str) and i not in known]
    if not missing:
        return None
    hints = "".join(did_you_mean(i, known) for i in missing)
    return f"unknown {kind} id(s): {', '.join(missing)}{hints}"


def _value(part: object, name: str) -> object:
    """A field of a nested part, whether it validated (a model) or is the raw input of a record that failed."""
    return part.get(name) if isinstance(part, Mapping) else getattr(part, name, None)


def _references(values: Mapping, info: ValidationInfo, parties: tuple[str, ...] = (), issues: tuple[str, ...] = (),
                label: str = "party") -> Iterator[Check]:
    """A problem for each of the named party and issue fields that names an id the taxonomy lacks."""
    taxonomy = _taxonomy(info)
    if taxonomy is None:
        return
    for fields, kind, known in ((parties, label, {p.id for p in taxonomy.parties}), (issues, "issue", {i.id for i in taxonomy.issues})):
        for field in fields:
            if values.get(field) is not None and (message := _unknown(kind, values[field], known)):
                yield field, message


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


class AcceptableRange(CheckedRecord):
    """The stretch of the stance scale the party could live with, where the text shows one."""

    low: OrdinalStance
    high: OrdinalStance
    note: Text | None = None
    claim_type: ClaimType | None = None  # whose words the evidence is; defaults to the position's
    evidence: Evidences

    @classmethod
    def checks(cls, values, info):
        low, high = values.get("low"), values.get("high")
        if low in STANCES and high in STANCES and STANCES[low][0] is not None and STANCES[high][0] is not None \
                and STANCES[low][0] > STANCES[high][0]:
            yield None, f"low {low!r} is above high {high!r} on the stance scale"


class Position(CheckedRecord):
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

    @classmethod
    def checks(cls, values, info):
        if values.get("claim_type") == "reported" and "reported_by" in values and not values["reported_by"]:
            yield "reported_by", "a reported position names who reported it (reported_by)"
        for name in ("red_line", "acceptable_range"):
            part = values.get(name)
            if part is not None and values.get("claim_type") not in (None, "assessment") and _value(part, "claim_type") == "assessment":
                yield name, (
                    f"{name} rests on the analyst's assessment, but the position is {values['claim_type']}: a range or red "
                    "line counts as the party's only on its own words or reporting of them; move it to an "
                    "assessment position, where it is shown as the analyst's reading"
                )
        yield from _references(values, info, parties=("party",), issues=("issue",))
        taxonomy = _taxonomy(info)
        speaker = values.get("speaker")
        if taxonomy is None or not isinstance(speaker, str):
            return
        speakers = taxonomy.speakers
        if speaker not in speakers:
            yield "speaker", _unknown("speaker", speaker, set(speakers))
        elif (party := values.get("party")) in {p.id for p in taxonomy.parties} and speakers[speaker][0].id != party:
            yield "speaker", f"speaker {speaker!r} speaks for {speakers[speaker][0].id!r}, not {party!r}"


class Event(CheckedRecord):
    id: Slug
    title: Text
    date: EdtfDate | None = None
    after: EdtfDate | None = None
    before: EdtfDate | None = None
    date_note: Text | None = None
    parties: tuple[Slug, ...] = ()
    issues: tuple[Slug, ...] = ()  # none: background the text gives, concerning no single issue
    status: EventStatus
    summary: Text | None = None
    evidence: Evidences
    reviewed: tuple[Review, ...] = ()

    @classmethod
    def checks(cls, values, info):
        if "date" in values and "date_note" in values and values["date"] is None and not values["date_note"]:
            yield None, "an undated event explains what is known of its time (date_note)"
        if values.get("date") is not None and (values.get("after") or values.get("before")):
            yield None, "give either a date or after/before bounds, not both"
        after, before = values.get("after"), values.get("before")
        if after and before and parse_date(before).end < parse_date(after).start:
            yield "before", f"before {before} is earlier than after {after}"
        yield from _references(values, info, parties=("parties",), issues=("issues",))


class Impact(CheckedRecord):
    id: Slug
    region: Slug
    issues: tuple[Slug, ...] = Field(min_length=1)
    direction: Direction
    assessment: Text
    claim_type: ClaimType = "assessment"
    confidence: Confidence
    evidence: Evidences
    reviewed: tuple[Review, ...] = ()

    @classmethod
    def checks(cls, values, info):
        yield from _references(values, info, parties=("region",), issues=("issues",), label="region (party)")


Outlook = Literal["no-agreement", "agreement-possible"]


class Judgment(CheckedRecord):
    id: Slug
    text: Text
    issues: tuple[Slug, ...] = ()
    confidence: Confidence
    # the judgment's reading of whether the parties can meet on its issues; a negotiation verdict it contradicts
    # is shown as contested by it
    outlook: Outlook | None = None
    evidence: Evidences
    reviewed: tuple[Review, ...] = ()

    @classmethod
    def checks(cls, values, info):
        yield from _references(values, info, issues=("issues",))


class EditorNote(Record):
    """An editor's note to readers about the source itself, e.g. a factual slip, tied to the passage concerned."""

    id: Slug
    text: Text
    evidence: Evidences


LadderTier = Literal["minimum", "possible"]
LADDER_TIERS = {"minimum": "Minimum requirement", "possible": "Possible higher demand"}


class LadderStep(CheckedRecord):
    text: Text
    tier: LadderTier
    issues: tuple[Slug, ...] = Field(min_length=1)
    confidence: Confidence
    evidence: Evidences

    @classmethod
    def checks(cls, values, info):
        yield from _references(values, info, issues=("issues",))


class Ladder(CheckedRecord):
    """An escalation ladder the source sets out for a party: its minimum requirements, then what it might demand."""

    id: Slug
    party: Slug
    title: Text
    claim_type: ClaimType = "assessment"
    confidence: Confidence
    evidence: Evidences
    steps: tuple[LadderStep, ...] = Field(min_length=2)
    reviewed: tuple[Review, ...] = ()

    @classmethod
    def checks(cls, values, info):
        tiers = [_value(step, "tier") for step in values.get("steps") or ()]
        if all(tier in ("minimum", "possible") for tier in tiers) and tiers != sorted(tiers, key=("minimum", "possible").index):
            yield "steps", "a ladder lists its minimum requirements before its possible higher demands"
        yield from _references(values, info, parties=("party",))


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

    @field_validator("published", mode="before")
    @classmethod
    def _plain_date(cls, value: object) -> dt.date:
        return parse_published(value)  # pydantic's own wording ("input is too short") does not say what form is wanted

    @model_validator(mode="before")
    @classmethod
    def _default_seed(cls, data: Any) -> Any:
        """Evidence may leave out ``seed:`` when the brief declares one seed: it then quotes that seed."""
        if not isinstance(data, Mapping):
            return data
        seeds = data.get("seeds")
        if not (isinstance(seeds, list | tuple) and len(seeds) == 1 and isinstance(seeds[0], Mapping)
                and isinstance(seeds[0].get("id"), str)):
            return data
        seed = seeds[0]["id"]

        def spans(value):
            if not isinstance(value, list | tuple):
                return value
            return [{**span, "seed": seed} if isinstance(span, Mapping) and span.get("seed") is None else span for span in value]

        def record(value):
            if not isinstance(value, Mapping):
                return value
            filled = {**value, "evidence": spans(value["evidence"])} if "evidence" in value else dict(value)
            for part in ("red_line", "acceptable_range"):
                if isinstance(filled.get(part), Mapping) and "evidence" in filled[part]:
                    filled[part] = {**filled[part], "evidence": spans(filled[part]["evidence"])}
            if isinstance(filled.get("steps"), list):  # a ladder's steps cite evidence of their own
                filled["steps"] = [record(step) for step in filled["steps"]]
            return filled

        return {**data, **{field: [record(r) for r in data[field]] for field in RECORD_FIELDS if isinstance(data.get(field), list)}}

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
