"""The frames: every table of the corpus, read-only and shared, with the lookups the views need."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from briefing.labels import cite_by_name, record_labels
from briefing.load import Problem

RECORD_TABLES = ("positions", "events", "impacts", "judgments", "ladders", "notes")  # the tables of a brief's own records
TABLES = ("briefs", "parties", "issues", *RECORD_TABLES, "evidence")


def each_row(frame: pd.DataFrame) -> Iterator[Any]:
    """The frame's rows as named tuples, without the index.

    pandas-stubs types every field of such a row as any scalar pandas knows; the columns are this module's own, so
    to the type checker a row is Any, once here rather than at every use.
    """
    return frame.itertuples(index=False)


def value_at(frame: pd.DataFrame, row: object, column: str) -> Any:
    """One cell of a frame, by index label and column; Any to the type checker, as each_row() explains."""
    return frame.at[row, column]


class EvidenceSpan(NamedTuple):
    """One verbatim quote: characters start to end of the seed text named."""

    id: str
    seed: str
    start: int
    end: int
    quote: str
    brief: str
    record_id: str


@dataclass(frozen=True)
class Frames:
    """Every table of the corpus. Shared across sessions: never mutate, filter into new frames."""

    briefs: pd.DataFrame
    parties: pd.DataFrame
    issues: pd.DataFrame
    positions: pd.DataFrame
    events: pd.DataFrame
    impacts: pd.DataFrame
    judgments: pd.DataFrame
    ladders: pd.DataFrame
    notes: pd.DataFrame
    evidence: pd.DataFrame
    seed_texts: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    version: str = ""
    warnings: tuple[Problem, ...] = ()

    def table(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(f"unknown table {name!r}; tables are {', '.join(TABLES)}")
        return getattr(self, name)

    @functools.cached_property
    def event_ids(self) -> frozenset[str]:
        return frozenset(self.events["id"])

    @functools.cached_property
    def _evidence_index(self) -> pd.Index:
        # built on first use, not pickled: a hash index in C is cheaper to rebuild than to unpickle
        return pd.Index(self.evidence["id"])

    def has_evidence(self, evidence_id: str) -> bool:
        return evidence_id in self._evidence_index

    @functools.cached_property
    def _evidence_columns(self) -> tuple:
        return tuple(self.evidence[name].array for name in EvidenceSpan._fields)

    def evidence_rows(self, ids) -> list[EvidenceSpan]:
        """The evidence spans with these ids, in the given order (unknown ids skipped).

        Looked up by position in the id index and read from the columns, so no object per span is kept between
        runs: Streamlit collects garbage after every script run, and a kept dict of 100,000 span tuples (1,000
        briefs) made each collection walk them all, about 150 ms a run.
        """
        ids = list(ids)
        if not ids:
            return []
        id_, seed, start, end, quote, brief, record_id = self._evidence_columns
        return [
            EvidenceSpan(id_[at], seed[at], int(start[at]), int(end[at]), quote[at], brief[at], record_id[at])
            for at in self._evidence_index.get_indexer(ids)
            if at >= 0
        ]

    def evidence_for(self, ids) -> pd.DataFrame:
        """The evidence rows with these ids, in the given order (an index lookup, not a scan)."""
        positions = self._evidence_index.get_indexer(pd.Index(list(ids)))
        return self.evidence.iloc[positions[positions >= 0]]

    @functools.cached_property
    def _first_claim_span(self) -> pd.Series:
        claims = self.evidence[self.evidence["role"] == "claim"].drop_duplicates("record_id")
        return pd.Series(claims["id"].array, index=claims["record_id"].array)

    def first_spans(self, record_ids) -> dict[str, str]:
        """The first evidence span of each record named, by record id (unknown ids left out)."""
        spans = self._first_claim_span
        return {record: spans[record] for record in record_ids if record in spans.index}

    # names by id, built once per Frames (shared by every session) instead of on every run: 1,000 briefs took
    # about 1 ms a dict; read-only, like the frames
    @functools.cached_property
    def issue_labels(self) -> dict[str, str]:
        return dict(zip(self.issues["id"], self.issues["label"], strict=True))

    @functools.cached_property
    def issue_propositions(self) -> dict[str, str]:
        """Each issue's proposition, what a stance on it is for or against."""
        return dict(zip(self.issues["id"], self.issues["proposition"], strict=True))

    @functools.cached_property
    def party_names(self) -> dict[str, str]:
        return dict(zip(self.parties["id"], self.parties["name"], strict=True))

    @functools.cached_property
    def brief_titles(self) -> dict[str, str]:
        return dict(zip(self.briefs["id"], self.briefs["title"], strict=True))

    @functools.cached_property
    def published_span(self) -> tuple[Any, Any] | None:
        """The earliest and latest publication day of the briefs (the column's own values); None without briefs."""
        published = self.briefs["published"]
        return (published.min(), published.max()) if len(published) else None

    @functools.cached_property
    def record_labels(self) -> dict[str, str]:
        """Every record's name for a reader, by record id ("Lavrov, 29 January 2026 (own words)"); briefing.labels."""
        return record_labels({name: self.table(name) for name in TABLES})

    def reader_prose(self, text: str, brief: str) -> str:
        """A brief's prose as a reader sees it: the records it cites by id in brackets are cited by their names. An id
        is the brief's own record first (``<brief>:<id>`` once several briefs use it), else the one record with it."""
        labels = self.record_labels
        return cite_by_name(text, lambda cited: labels.get(f"{brief}:{cited}") or labels.get(cited))

    def record_label(self, record_id: str) -> str:
        """The reader's name of a record; an id the frames do not hold is shown as it is."""
        return self.record_labels.get(record_id, record_id)

    @functools.cached_property
    def warnings_by_file(self) -> dict[str, tuple[str, ...]]:
        """The editorial warnings of each brief file, as lines of "location: message": the readings that may claim
        more than their quotes. A shared id is the analyst's to fix (validate names it), not a reading's doubt."""
        grouped: dict[str, list[str]] = {}
        for warning in self.warnings:
            if warning.message.endswith("[shared-id]"):
                continue
            grouped.setdefault(warning.file, []).append(f"{warning.location}: {warning.message}")
        return {file: tuple(lines) for file, lines in grouped.items()}

    @functools.cached_property
    def illustrative_briefs(self) -> dict[str, str]:
        """Brief id to provenance, for the briefs written to illustrate rather than taken from a source."""
        marked = self.briefs[self.briefs["illustrative"]]
        return dict(zip(marked["id"], marked["provenance"], strict=True))

    def warm(self) -> None:
        """Derive now what the first page run on these frames would: every cached lookup and the evidence index's hash
        table (at 1,000 briefs about 50 ms of a run; an edit prepared as it is saved pays it before a run asks)."""
        for name in _DERIVED:
            getattr(self, name)
        self.index_evidence()

    def index_evidence(self) -> None:
        """Build the evidence id index's hash table now, not in a visitor's run (its first lookup builds it)."""
        self.evidence_rows(self.evidence["id"].head(1))

    def __getstate__(self) -> dict:
        # the derived lookups (cached properties) are rebuilt on first use rather than pickled
        return {key: value for key, value in self.__dict__.items() if key not in _DERIVED}


_DERIVED = frozenset(name for name, value in vars(Frames).items() if isinstance(value, functools.cached_property))
