"""Coding a passage: the record a form describes, its ids, its date read in words, and what validation says of it
before anything is written."""

from __future__ import annotations

import calendar
import copy
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from briefing.authoring import evidence_id
from briefing.checks import editorial_findings
from briefing.dates import DateError, parse_date
from briefing.dates.words import SEASONS, between_words, day_words
from briefing.load import problems_from
from briefing.messages import date_hint
from briefing.passages import Passage
from briefing.recordwriter import Edit, add_entry, append_item
from briefing.schema import Brief, Taxonomy

# kind: (the brief's list, the id prefix, the keys a record of the kind has, in the order the briefs write them)
KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "position": (
        "positions",
        "pos",
        ("id", "party", "issue", "stance", "claim_type", "speaker", "reported_by", "date", "confidence", "summary"),
    ),
    "event": ("events", "evt", ("id", "title", "date", "date_note", "after", "before", "parties", "issues", "status", "summary")),
    "impact": ("impacts", "imp", ("id", "region", "issues", "direction", "claim_type", "confidence", "assessment")),
    "judgment": ("judgments", "kj", ("id", "text", "issues", "confidence", "outlook")),
}
PART_FIELDS = {"red_line": ("text", "claim_type"), "acceptable_range": ("low", "high", "note", "claim_type")}
PART_INFIX = {"red_line": "red-line-", "acceptable_range": "range-"}
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _count(number: int, unit: str) -> str:
    words = _NUMBERS[number] if number < len(_NUMBERS) else f"{number:,}"
    return f"{words} {unit}{'' if number == 1 else 's'}"


def date_in_words(edtf: str) -> str:
    """An EDTF date read out: '23–24 January 2026: two days', 'January 2026: a month, 31 days'.

    Raises DateError, with the expected form where the text looks like a date in another form.
    """
    try:
        extent = parse_date(edtf)
    except DateError as error:
        hint = date_hint(edtf)
        raise DateError(f"{error}; {hint}" if hint else str(error)) from None
    start, end, precision = extent.start, extent.end, extent.precision
    days = _count((end - start).days + 1, "day")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if precision == "day":
        words = f"{day_words(start)}: one day"
    elif precision == "day-range":
        words = f"{between_words(start, end)}: {days}"
    elif precision == "month":
        words = f"{calendar.month_name[start.month]} {start.year}: a month, {days}"
    elif precision == "month-range":
        first = calendar.month_name[start.month] + ("" if start.year == end.year else f" {start.year}")
        words = f"{first}–{calendar.month_name[end.month]} {end.year}: {_count(months, 'month')}, {days}"
    elif precision == "season":
        season = SEASONS[start.month]
        words = f"{season} {start.year} ({between_words(start, end)}): a season, {days}"
    elif precision == "year":
        words = f"{start.year}: a year, {days}"
    elif precision == "year-range":
        words = f"{start.year}–{end.year}: {_count(end.year - start.year + 1, 'year')}, {days}"
    else:
        words = f"{between_words(start, end)}: {days}"
    if extent.uncertain:
        words += "; marked uncertain or approximate"
    return words


def slug_words(text: str, most: int = 6) -> str:
    """The first words of a text as a slug: 'Talks in Abu Dhabi end' -> 'talks-in-abu-dhabi-end'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)[:most]
    return "-".join(words)[:60].strip("-")


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, … where it is taken; within a slug's 80 characters."""
    taken = set(taken)
    base = base[:76].strip("-") or "record"
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def suggest_id(kind: str, values: Mapping, taken: Iterable[str]) -> str:
    """A readable record id from the form: pos-russia-ceasefire-stated, evt-talks-in-abu-dhabi, …"""
    prefix = KINDS[kind][1]
    if kind == "position":
        parts = [values.get("party"), values.get("issue"), values.get("claim_type")]
    elif kind == "event":
        parts = [slug_words(values.get("title") or "")]
    elif kind == "impact":
        issues = values.get("issues") or [None]
        parts = [values.get("region"), issues[0], values.get("direction")]
    else:
        parts = [slug_words(values.get("text") or "")]
    return unique_id("-".join([prefix, *(part for part in parts if part)]), taken)


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        return [item for item in value if item]
    return value


def _kept(values: Mapping, keys: tuple[str, ...]) -> dict:
    """The form's values in the format's key order, without those left empty."""
    cleaned = {key: _clean(values.get(key)) for key in keys}
    return {key: value for key, value in cleaned.items() if value not in (None, "", [])}


def evidence_span(record_id: str, passage: Passage, taken: set[str], infix: str = "") -> dict:
    """An evidence entry for the passage, with an id derived from the record's as ``fill`` derives it."""
    return {
        "id": evidence_id(record_id, infix, taken),
        "seed": passage.seed,
        "start": passage.start,
        "end": passage.end,
        "quote": passage.quote,
    }


def new_record(kind: str, values: Mapping, span: dict) -> dict:
    """The record the form describes, citing the passage."""
    return {**_kept(values, KINDS[kind][2]), "evidence": [span]}


def new_part(part: str, values: Mapping, span: dict) -> dict:
    """A position's red line or acceptable range, citing the passage."""
    return {**_kept(values, PART_FIELDS[part]), "evidence": [span]}


@dataclass(frozen=True)
class Addition:
    """What a save adds to a brief: an item appended to the list at ``path``, or a new key of the mapping there."""

    path: tuple
    value: dict
    record: str  # the record's id, for messages and the log
    action: str  # what the log says was done, e.g. "new position"
    key: str | None = None  # set when ``value`` goes in as a new key (a red line or range), not a list item

    def edit(self, text: str) -> Edit:
        """The change to the brief's text, made in the file's own layout."""
        if self.key is not None:
            return add_entry(text, self.path, self.key, self.value)
        return append_item(text, self.path, self.value)

    def apply(self, document: dict) -> dict:
        """A copy of the parsed brief with the addition made."""
        changed = copy.deepcopy(document)
        target = changed
        for step in self.path[:-1]:
            target = target[step]
        last = self.path[-1]
        if self.key is not None:
            target[last][self.key] = self.value
        else:
            if target.get(last) is None:  # a brief's first event, say: the list is made
                target[last] = []
            target[last].append(self.value)
        return changed


KINDS_FIELDS = {field for field, _prefix, _keys in KINDS.values()}


@dataclass(frozen=True)
class Review:
    """What validation says of a brief with an addition: errors (nothing can be saved) and editorial warnings."""

    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def review(document: dict, addition: Addition, taxonomy: Taxonomy, seed_texts: Mapping[str, str]) -> Review:
    """Validate the brief with the addition in memory, and the editorial warnings on the record it touches."""
    candidate = addition.apply(document)
    seeds = {
        seed["id"]: seed_texts[seed["id"]]
        for seed in candidate.get("seeds") or []
        if isinstance(seed, dict) and isinstance(seed.get("id"), str) and seed["id"] in seed_texts
    }
    try:
        brief = Brief.model_validate(candidate, context={"taxonomy": taxonomy, "seed_texts": seeds})
    except ValidationError as error:
        return Review(
            errors=tuple(
                f"{problem.location}: {problem.message}" if problem.location else problem.message for problem in problems_from(error, "")
            )
        )
    warnings = tuple(
        f"{finding.message} [{finding.rule}]"
        for finding in editorial_findings(brief, taxonomy, seeds)
        if finding.record_id == addition.record
    )
    return Review(warnings=warnings)


def record_ids(document: Mapping) -> set[str]:
    """Every record and evidence id in a parsed brief."""
    ids: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, Mapping):
            if isinstance(value.get("id"), str):
                ids.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for field in (*KINDS_FIELDS, "ladders", "editor_notes"):
        walk(document.get(field) or [])
    return ids


def record_label(kind: str, record: Mapping) -> str:
    """'position pos-russia-ceasefire-stated: In Lavrov's own words…' for a chooser."""
    text = next((record.get(key) for key in ("summary", "title", "assessment", "text") if record.get(key)), "")
    text = " ".join(str(text).split())
    return f"{kind} {record.get('id')}: {text[:90]}{'…' if len(text) > 90 else ''}"


def existing_records(document: Mapping) -> list[tuple[str, int, dict]]:
    """(field, index, record) for every record the passage can be added to as evidence."""
    found = []
    for field, _prefix, _keys in KINDS.values():
        for index, record in enumerate(document.get(field) or []):
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                found.append((field, index, record))
    return found
