"""The records of a brief: positions with their red lines and ranges, events, impacts, judgments, ladders and notes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from pydantic import (
    Field,
    ValidationInfo,
)

from briefing.dates import parse_date
from briefing.messages import did_you_mean
from briefing.schema.base import (
    Check,
    CheckedRecord,
    ClaimType,
    Confidence,
    Direction,
    EdtfDate,
    EventStatus,
    Record,
    Review,
    Slug,
    Stance,
    Text,
)
from briefing.schema.evidence import Evidences
from briefing.schema.taxonomy import Taxonomy
from briefing.vocabulary import RANK


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


def _references(
    values: Mapping, info: ValidationInfo, parties: tuple[str, ...] = (), issues: tuple[str, ...] = (), label: str = "party"
) -> Iterator[Check]:
    """A problem for each of the named party and issue fields that names an id the taxonomy lacks."""
    taxonomy = _taxonomy(info)
    if taxonomy is None:
        return
    for fields, kind, known in ((parties, label, {p.id for p in taxonomy.parties}), (issues, "issue", {i.id for i in taxonomy.issues})):
        for field in fields:
            if values.get(field) is not None and (message := _unknown(kind, values[field], known)):
                yield field, message


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
        low_rank, high_rank = RANK.get(low), RANK.get(high)
        if low_rank is not None and high_rank is not None and low_rank > high_rank:
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
                yield (
                    name,
                    (
                        f"{name} rests on the analyst's assessment, but the position is {values['claim_type']}: a range or red "
                        "line counts as the party's only on its own words or reporting of them; move it to an "
                        "assessment position, where it is shown as the analyst's reading"
                    ),
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
# the likelihood words of ICD 203 (US Intelligence Community Directive 203), least likely first; a judgment's
# likelihood is how probable its event is, its confidence how sure the analyst is of the reading: both are shown
LIKELIHOODS = ("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain")
Likelihood = Literal["almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain"]


class Judgment(CheckedRecord):
    id: Slug
    text: Text
    issues: tuple[Slug, ...] = ()
    confidence: Confidence
    # the judgment's reading of whether the parties can meet on its issues; a negotiation verdict it contradicts
    # is shown as contested by it
    outlook: Outlook | None = None
    # set only where the judgment's own text states how likely it is
    likelihood: Likelihood | None = None
    rank: int | None = Field(default=None, ge=1)  # 1 = the judgment that matters most; unranked ones follow
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
