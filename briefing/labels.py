"""How a reader is told which record they are looking at: who, when, and whose words, never the record's id.

"Lavrov, 29 January 2026 (own words)" for a party's statement, "Financial Times, 23–24 January 2026 (as reported)"
for someone else's account, "Analyst's reading, 30 January 2026" for the author's inference. The ids stay in the
data, the export and the views' audit details.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from briefing.dates import human_date
from briefing.vocabulary import CLAIM_TYPES

NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al"}
# a reporter is named by the text before the first comma, parenthesis or semicolon, if it is a name ("Financial
# Times"), not a description ("the article, on Lavrov's interview …"), which is left to the party
REPORTER_LEAD = re.compile(r"^\s*([^,;(]+)")
REPORTER_WORDS = 4


def _get(row: Any, name: str) -> Any:
    """A field of a row given as a mapping or as a named tuple; missing, None and NaN all read as None."""
    value = row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return None
    return value


def surname(full_name: str) -> str:
    """'Sergey Lavrov' -> 'Lavrov'; 'Ursula von der Leyen' -> 'von der Leyen'; a single word is kept."""
    words = full_name.split()
    if len(words) < 2:
        return full_name.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


def reporter_name(reported_by: str | None) -> str | None:
    """The reporter as a short name ('Financial Times'), or None when the field describes rather than names."""
    if not reported_by:
        return None
    match = REPORTER_LEAD.match(reported_by)
    lead = match.group(1).strip() if match else ""
    if not lead or not lead[0].isupper() or len(lead.split()) > REPORTER_WORDS:
        return None
    return lead


def published_words(published: Any) -> str | None:
    """A brief's publication day in words, from a date, a timestamp or ISO text."""
    if published is None:
        return None
    if isinstance(published, (dt.date, pd.Timestamp)):
        published = pd.Timestamp(published).date().isoformat()
    return human_date(str(published))


def record_label(row: Any) -> str:
    """A position (or any record with a claim type) named for a reader: who, when, whose words.

    Who: the speaker's surname, else for a reported record a reporter with a short name, else the party (or the
    region). When: the record's date in words, left out when the text gives none; the analyst's reading falls back
    to the brief's publication, the day it was made. Whose: ``CLAIM_TYPES[claim].whose``.
    """
    claim = _get(row, "claim_type") or "assessment"
    whose = CLAIM_TYPES[claim].whose
    date = _get(row, "date")
    when = human_date(date) if date else None
    if claim == "assessment":
        when = when or published_words(_get(row, "brief_published"))
        return ", ".join(part for part in (whose[:1].upper() + whose[1:], when) if part)
    speaker = _get(row, "speaker_name")
    who = surname(speaker) if speaker else None
    if who is None and claim == "reported":
        who = reporter_name(_get(row, "reported_by"))
    who = who or _get(row, "party_name") or _get(row, "region_name") or "Unnamed party"
    return f"{who}{', ' + when if when else ''} ({whose})"


def _rows(frame: pd.DataFrame) -> Iterable[dict[Any, Any]]:
    return frame.to_dict("records") if not frame.empty else ()


def record_labels(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Every record of the frames' tables by id, named for a reader (the same name wherever it appears)."""
    briefs = tables["briefs"]
    published = dict(zip(briefs["id"], briefs["published"], strict=True))
    labels: dict[str, str] = {}
    for row in _rows(tables["positions"]):
        labels[row["id"]] = record_label(row)
    for row in _rows(tables["impacts"]):
        labels[row["id"]] = record_label({**row, "brief_published": published.get(row["brief"])})
    for row in _rows(tables["ladders"]):
        labels.setdefault(row["id"], record_label({**row, "brief_published": published.get(row["brief"])}))
    for row in _rows(tables["judgments"]):
        labels[row["id"]] = record_label({"claim_type": "assessment", "brief_published": published.get(row["brief"])})
    for row in _rows(tables["events"]):
        when = human_date(_get(row, "date"), after=_get(row, "after"), before=_get(row, "before"))
        labels[row["id"]] = f"Event, {when}"
    for row in _rows(tables["notes"]):
        labels[row["id"]] = ", ".join(part for part in ("Editor's note", published_words(published.get(row["brief"]))) if part)
    for brief, day in published.items():
        labels.setdefault(brief, ", ".join(part for part in ("Analyst's bottom line", published_words(day)) if part))
    return labels


# a record cited in prose by its id in brackets: "(pos-russia-energy-truce-assessment)", at least two words
CITED_ID = re.compile(r"\(([a-z0-9]+(?:-[a-z0-9]+)+)\)")
TRAILING_BRACKETS = re.compile(r"\s*\(([^()]*)\)$")


def cite_by_name(text: str, name_of: Callable[[str], str | None]) -> str:
    """Prose for a reader: a record the text cites by its id in brackets is cited by its reader name instead
    ("(Analyst's reading, 30 January 2026)"); brackets holding anything that is not a known record's id stay."""

    def named(match: re.Match[str]) -> str:
        name = name_of(match.group(1))
        # a name's own closing brackets ("… (as reported)") become a comma inside the citation's
        return "(" + TRAILING_BRACKETS.sub(r", \1", name) + ")" if name else match.group(0)

    return CITED_ID.sub(named, text) if "(" in text else text


def distinct_labels(named: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Records' labels made distinct within one list, from (id, label, qualifier): a label that several records share
    gets each record's qualifier (e.g. "on Ukraine"); a label still shared after that, its place in the list
    ("record 2 of 2"), so a reader never sees the same name twice for two records."""
    rows = list(named)
    counts: dict[str, int] = {}
    for _record, label, _qualifier in rows:
        counts[label] = counts.get(label, 0) + 1
    qualified = [(record, f"{label}, {qualifier}" if counts[label] > 1 and qualifier else label) for record, label, qualifier in rows]
    totals: dict[str, int] = {}
    for _record, label in qualified:
        totals[label] = totals.get(label, 0) + 1
    seen: dict[str, int] = {}
    found: dict[str, str] = {}
    for record, label in qualified:
        if totals[label] > 1:
            seen[label] = seen.get(label, 0) + 1
            label = f"{label}, record {seen[label]} of {totals[label]}"
        found[record] = label
    return found
