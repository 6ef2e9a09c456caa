"""A verdict per reading: where a party's place on an issue is contested, the outcome under each record that could
hold, so a verdict never picks one reading silently.

A party's place is contested when its cell has records pointing another way than the headline (briefing.readings'
``disagreeing``). Each distinct stance of those records is an alternative place for the party, named by the strongest
record of that stance in the cell rule's order (the headline's stance by the headline). The outcome is computed for
every combination of the contested parties' alternatives with the other parties' places (at most MOST_COMBINATIONS;
past that, one contested party is varied at a time), and the combinations are grouped by outcome, the headline's
reading first. When the outcomes differ, the verdict depends on which report holds and says so; when they agree, it
stands as the headline gives it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd

from briefing.labels import record_label
from briefing.readings import weakest
from briefing.vocabulary import CLAIM_ORDER, CONFIDENCE_WORDS, PARTY_CLAIMS, RANK, STANCES, VERDICTS, word_at

# what a reading reads of a record: its stance and place, and what briefing.labels names it by
READ_COLUMNS = ["stance", "claim_type", "confidence", "date", "speaker_name", "reported_by", "party_name", "brief_published"]
READ_COLUMNS += ["range_low", "range_high", "range_claim_type"]
MOST_COMBINATIONS = 16  # beyond this many, each contested party is varied alone: a reader weighs a handful, not all


class Placed(Protocol):
    """What a reading needs of a party's place (briefing.negotiation.Placement)."""

    @property
    def position_id(self) -> str: ...
    @property
    def low(self) -> int | None: ...
    @property
    def high(self) -> int | None: ...
    @property
    def contested_by(self) -> tuple[str, ...]: ...
    @property
    def alternatives(self) -> tuple[tuple[str, str], ...]: ...


def party_range(row: Any) -> tuple[int, int] | None:
    """A record's acceptable range on the stance scale when it is the party's (own words or reporting of them)."""
    has_range = row.range_low is not None and not pd.isna(row.range_low)
    return (RANK[row.range_low], RANK[row.range_high]) if has_range and row.range_claim_type in PARTY_CLAIMS else None


def place_of(row: Any) -> tuple[int, int] | None:
    """A record's place on the stance scale: its range when it is the party's, else its stance alone; None for an
    unclear stance."""
    if (place := party_range(row)) is not None:
        return place
    if row.stance in RANK:
        return RANK[row.stance], RANK[row.stance]
    return None


def outcome_of(places: Sequence[tuple[int, int]]) -> str:
    """Overlap, touching or no intersection of some places; insufficient with fewer than two."""
    if len(places) < 2:
        return "insufficient"
    low, high = max(p[0] for p in places), min(p[1] for p in places)
    return "overlap" if low < high else "touching" if low == high else "no-intersection"


def said_with_confidence(label: str, confidence: str) -> str:
    """'Financial Times, 23–24 January 2026 (as reported)' -> '… (as reported, low confidence)'."""
    words = CONFIDENCE_WORDS[confidence]
    return f"{label[:-1]}, {words})" if label.endswith(")") else f"{label} ({words})"


def or_words(words: Sequence[str]) -> str:
    """'touching', 'touching or no overlap', 'touching, no overlap or no verdict'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


@dataclass(frozen=True)
class VerdictReading:
    """The outcome if one reading of the contested places holds, and the records it rests on."""

    outcome: str  # an id of VERDICTS: overlap, touching, no-intersection or insufficient
    rests_on: tuple[str, ...]  # the contested parties' records giving this outcome, then the other parties' places
    label: str  # the record(s) that name it, by briefing.labels: "Financial Times, 23–24 January 2026 (as reported)"
    claim_type: str  # the weakest provenance among them
    confidence: str  # the weakest confidence among them
    said: str  # the label with the confidence in words: "… (as reported, low confidence)"
    places: str = ""  # what the reading says of the contested places: "Russia only on conditions"

    @property
    def outcome_word(self) -> str:
        return VERDICTS[self.outcome][1]

    @property
    def words(self) -> str:
        """'Touching if Financial Times, 23–24 January 2026 (as reported, low confidence) holds: Russia only on
        conditions'."""
        return f"{self.outcome_word} if {self.said} holds" + (f": {self.places}" if self.places else "")


def readings_words(readings: Sequence[VerdictReading]) -> str:
    """Every reading in one sentence: "No overlap if … holds; touching if … holds."."""
    said = "; ".join(reading.words[:1].lower() + reading.words[1:] for reading in readings)
    return said[:1].upper() + said[1:] + "." if said else ""


@dataclass(frozen=True)
class _Alternative:
    records: tuple[str, ...]  # every record of the cell with this stance among the headline and its disagreeing ones
    place: tuple[int, int] | None
    label: str
    claim_type: str
    confidence: str
    place_words: str  # "Russia only on conditions", "Russia anywhere from against to for", "Russia unclear"


def _place_words(party_name: str, stance: str, place: tuple[int, int] | None) -> str:
    if place is not None and place[0] != place[1]:
        low, high = (word_at(rank).lower() for rank in place)
        return f"{party_name} anywhere from {low} to {high}"
    return f"{party_name} {STANCES[stance].word.lower()}"


def _alternatives(records: pd.DataFrame, placement: Placed) -> list[_Alternative]:
    """A contested party's places: the headline's, then one per other stance of its disagreeing records, in rule order
    (``records``: the issue's positions by id, only the columns a reading reads)."""
    ids = [placement.position_id, *placement.contested_by]
    by_stance: dict[str, list[str]] = {}
    for record, stance in zip(ids, records.loc[ids, "stance"].tolist(), strict=True):
        by_stance.setdefault(str(stance), []).append(record)
    found = []
    for group in by_stance.values():
        first: Any = records.loc[group[0]]  # one row per stance: a large cell has many records of one stance
        place = (placement.low, placement.high) if group[0] == placement.position_id else place_of(first)
        settled = None if place is None or place[0] is None or place[1] is None else (int(place[0]), int(place[1]))
        found.append(
            _Alternative(
                records=tuple(group),
                place=settled,
                label=record_label(first),
                claim_type=first.claim_type,
                confidence=first.confidence,
                place_words=_place_words(str(first.party_name), str(first.stance), settled),
            )
        )
    return found


def _combinations(options: list[list[_Alternative]]) -> list[tuple[_Alternative, ...]]:
    """Every combination of the contested parties' places, headline first; past MOST_COMBINATIONS, one varied at a time."""
    count = 1
    for choices in options:
        count *= len(choices)
    if count <= MOST_COMBINATIONS:
        return list(itertools.product(*options))
    heads = [choices[0] for choices in options]
    found = [tuple(heads)]
    for number, choices in enumerate(options):
        found += [tuple(heads[:number] + [choice] + heads[number + 1 :]) for choice in choices[1:]]
    return found


def verdict_readings(on_issue: pd.DataFrame, placed: Sequence[Placed]) -> tuple[VerdictReading, ...]:
    """One reading per outcome, the headline's first, when the contested places give more than one outcome; else ()."""
    contested = [p for p in placed if p.contested_by]
    if not contested:
        return ()
    fixed = [(p.low, p.high) for p in placed if not p.contested_by and p.low is not None and p.high is not None]
    others = tuple(p.position_id for p in placed if not p.contested_by)
    groups: dict[str, list[tuple[_Alternative, ...]]] = {}
    by_id = on_issue.set_index("id")[[column for column in READ_COLUMNS if column in on_issue]]
    for combination in _combinations([_alternatives(by_id, p) for p in contested]):
        places = [*fixed, *(choice.place for choice in combination if choice.place is not None)]
        groups.setdefault(outcome_of(places), []).append(combination)
    if len(groups) < 2:
        return ()
    readings = []
    for outcome, combinations in groups.items():
        first = combinations[0]
        records = dict.fromkeys(record for combination in combinations for choice in combination for record in choice.records)
        readings.append(
            VerdictReading(
                outcome=outcome,
                rests_on=(*records, *others),
                label=" and ".join(choice.label for choice in first),
                claim_type=max((choice.claim_type for choice in first), key=CLAIM_ORDER.__getitem__),
                confidence=weakest(choice.confidence for choice in first),
                said=" and ".join(said_with_confidence(choice.label, choice.confidence) for choice in first),
                places="; ".join(choice.place_words for choice in first),
            )
        )
    return tuple(readings)


def contradicting_records(counted: Sequence[Placed], verdict: str) -> list[str]:
    """Records that, read as their party's place instead of the headline, would give another verdict."""
    found = []
    for placement in counted:
        others = [(r.low, r.high) for r in counted if r is not placement and r.low is not None and r.high is not None]
        changes: dict[str, bool] = {}  # per stance, not per record: a large corpus has many records of one stance
        for record, stance in placement.alternatives:
            if stance not in changes:
                place = [(RANK[stance], RANK[stance])] if stance in RANK else []
                changes[stance] = outcome_of(others + place) != verdict
            if changes[stance]:
                found.append(record)
    return found
