"""Normalized, read-only pandas frames built once from a loaded corpus, plus filtering."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from briefing.dates import parse_date
from briefing.load import Corpus, Problem, unexpected_problem
from briefing.schema import CLAIM_TYPES, DIRECTIONS, LADDER_TIERS, STANCES, record_spans

TABLES = ("briefs", "parties", "issues", "positions", "events", "impacts", "judgments", "ladders", "notes", "evidence")


class EvidenceSpan(NamedTuple):
    """One verbatim quote: characters start to end of the seed text named."""

    id: str
    seed: str
    start: int
    end: int
    quote: str
    brief: str


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
        id_, seed, start, end, quote, brief = self._evidence_columns
        return [EvidenceSpan(id_[at], seed[at], int(start[at]), int(end[at]), quote[at], brief[at])
                for at in self._evidence_index.get_indexer(ids) if at >= 0]

    def evidence_for(self, ids) -> pd.DataFrame:
        """The evidence rows with these ids, in the given order (an index lookup, not a scan)."""
        positions = self._evidence_index.get_indexer(list(ids))
        return self.evidence.iloc[positions[positions >= 0]]

    @functools.cached_property
    def _first_claim_span(self) -> pd.Series:
        claims = self.evidence[self.evidence["role"] == "claim"].drop_duplicates("record_id")
        return pd.Series(claims["id"].array, index=claims["record_id"].array)

    def first_spans(self, record_ids) -> dict[str, str]:
        """The first evidence span of each record named, by record id (unknown ids left out)."""
        spans = self._first_claim_span
        return {record: spans[record] for record in record_ids if record in spans.index}

    def evidence_spans(self, ids) -> list[dict]:
        """The evidence rows with these ids as plain dicts."""
        return self.evidence_for(ids).to_dict("records")

    # names by id, built once per Frames (shared by every session) instead of on every run: 1,000 briefs took
    # about 1 ms a dict; read-only, like the frames
    @functools.cached_property
    def issue_labels(self) -> dict[str, str]:
        return dict(zip(self.issues["id"], self.issues["label"], strict=True))

    @functools.cached_property
    def party_names(self) -> dict[str, str]:
        return dict(zip(self.parties["id"], self.parties["name"], strict=True))

    @functools.cached_property
    def brief_titles(self) -> dict[str, str]:
        return dict(zip(self.briefs["id"], self.briefs["title"], strict=True))

    @functools.cached_property
    def warnings_by_file(self) -> dict[str, tuple[str, ...]]:
        """The editorial warnings of each brief file, as lines of "location: message"."""
        grouped: dict[str, list[str]] = {}
        for warning in self.warnings:
            grouped.setdefault(warning.file, []).append(f"{warning.location}: {warning.message}")
        return {file: tuple(lines) for file, lines in grouped.items()}

    @functools.cached_property
    def illustrative_briefs(self) -> dict[str, str]:
        """Brief id to provenance, for the briefs written to illustrate rather than taken from a source."""
        marked = self.briefs[self.briefs["illustrative"]]
        return dict(zip(marked["id"], marked["provenance"], strict=True))

    def __getstate__(self) -> dict:
        # the derived lookups (cached properties) are rebuilt on first use rather than pickled
        derived = {name for name, value in vars(Frames).items() if isinstance(value, functools.cached_property)}
        return {key: value for key, value in self.__dict__.items() if key not in derived}


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]) and frame[column].isna().any():
            # optional text stays None (not NaN) so `row.date or …` reads naturally
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _date_columns(value: str | None) -> dict:
    if value is None:
        return {"date_start": pd.NaT, "date_end": pd.NaT, "date_precision": "undated"}
    extent = parse_date(value)
    return {"date_start": pd.Timestamp(extent.start), "date_end": pd.Timestamp(extent.end), "date_precision": extent.label}


class _ScopedIds:
    """Record and evidence ids are scoped to their brief. In the frames, and so in links, an id keeps its bare form
    in the oldest brief that uses it, which is the one any earlier link meant; a later brief reusing it gets
    ``<brief id>:<id>`` (slugs never contain a colon), so no record hides another and every link stays unambiguous."""

    def __init__(self) -> None:
        self._records: set[str] = set()
        self._spans: set[str] = set()
        self._brief = ""
        self._earlier_records: frozenset[str] = frozenset()
        self._earlier_spans: frozenset[str] = frozenset()

    def enter(self, brief) -> None:
        """Start a brief: ids taken by the briefs before it are qualified in it."""
        self._brief = brief.id
        self._earlier_records, self._earlier_spans = frozenset(self._records), frozenset(self._spans)
        self._records.update(record_id for path, record_id in brief.record_paths() if not path.startswith("seeds["))
        self._spans.update(span_id for _path, span_id in brief.evidence_paths())

    def record(self, record_id: str) -> str:
        return f"{self._brief}:{record_id}" if record_id in self._earlier_records else record_id

    def span(self, span_id: str) -> str:
        return f"{self._brief}:{span_id}" if span_id in self._earlier_spans else span_id


def build_frames(corpus: Corpus) -> Frames:
    """Flatten validated briefs into tables whose columns keep the YAML field names."""
    taxonomy = corpus.taxonomy
    party_names = {p.id: p.name for p in taxonomy.parties} if taxonomy else {}
    issue_labels = {i.id: i.label for i in taxonomy.issues} if taxonomy else {}
    speakers = taxonomy.speakers if taxonomy else {}

    parties = _frame(
        [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "members": p.members,
                "member_names": tuple(party_names[m] for m in p.members),
                "speakers": tuple(f"{s.name} ({s.role})" for s in p.speakers),
            }
            for p in (taxonomy.parties if taxonomy else ())
        ],
        ["id", "name", "kind", "members", "member_names", "speakers"],
    )
    issues = _frame(
        [{"id": i.id, "label": i.label, "definition": i.definition} for i in (taxonomy.issues if taxonomy else ())],
        ["id", "label", "definition"],
    )
    briefs, positions, events, impacts, judgments, ladders, notes, evidence = [], [], [], [], [], [], [], []
    ids = _ScopedIds()

    def add_evidence(brief, kind, record, record_issues, record_parties):
        for _part, role, _number, span in record_spans(record):
            evidence.append(
                {
                    "id": ids.span(span.id),
                    "brief": brief.id,
                    "record_kind": kind,
                    "record_id": ids.record(record.id),
                    "role": role,
                    "seed": span.seed,
                    "start": span.start,
                    "end": span.end,
                    "quote": span.quote,
                    "issues": tuple(record_issues),
                    "parties": tuple(record_parties),
                    "claim_type": getattr(record, "claim_type", "assessment"),
                }
            )
        return tuple(ids.span(span.id) for span in record.evidence)  # the claim's own; red lines and ranges keep theirs

    def add_brief(brief) -> None:
        briefs.append(
            {
                "id": brief.id,
                "title": brief.title,
                "published": pd.Timestamp(brief.published),
                "seeds": tuple(s.id for s in brief.seeds),
                "seed_files": tuple(s.file for s in brief.seeds),
                "seed_sha256": tuple(s.sha256 for s in brief.seeds),
                "references": tuple(r.url for r in brief.references),
                "file": corpus.brief_files.get(brief.id, ""),
                "author": brief.author,
                "provenance": brief.provenance,
                "illustrative": brief.illustrative,
            }
        )
        for p in brief.positions:
            rank, stance_label, symbol = STANCES[p.stance]
            positions.append(
                {
                    "id": ids.record(p.id),
                    "brief": brief.id,
                    "brief_published": pd.Timestamp(brief.published),
                    "party": p.party,
                    "party_name": party_names.get(p.party, p.party),
                    "issue": p.issue,
                    "issue_label": issue_labels.get(p.issue, p.issue),
                    "stance": p.stance,
                    "stance_label": stance_label,
                    "stance_symbol": symbol,
                    "stance_rank": rank,
                    "summary": p.summary,
                    "speaker": p.speaker,
                    "speaker_name": f"{speakers[p.speaker][1].name}" if p.speaker in speakers else None,
                    "reported_by": p.reported_by,
                    "date": p.date,
                    **_date_columns(p.date),
                    "claim_type": p.claim_type,
                    "claim_label": CLAIM_TYPES[p.claim_type],
                    "confidence": p.confidence,
                    "evidence": add_evidence(brief, "position", p, [p.issue], [p.party]),
                    "red_line": p.red_line.text if p.red_line else None,
                    "red_line_claim_type": (p.red_line.claim_type or p.claim_type) if p.red_line else None,
                    "red_line_evidence": tuple(ids.span(e.id) for e in p.red_line.evidence) if p.red_line else (),
                    "range_low": p.acceptable_range.low if p.acceptable_range else None,
                    "range_high": p.acceptable_range.high if p.acceptable_range else None,
                    "range_note": p.acceptable_range.note if p.acceptable_range else None,
                    "range_claim_type": (p.acceptable_range.claim_type or p.claim_type) if p.acceptable_range else None,
                    "range_evidence": tuple(ids.span(e.id) for e in p.acceptable_range.evidence) if p.acceptable_range else (),
                }
            )
        for e in brief.events:
            events.append(
                {
                    "id": ids.record(e.id),
                    "brief": brief.id,
                    "title": e.title,
                    "date": e.date,
                    **_date_columns(e.date),
                    "after": e.after,
                    "before": e.before,
                    "date_note": e.date_note,
                    "parties": e.parties,
                    "party_names": tuple(party_names.get(p, p) for p in e.parties),
                    "issues": e.issues,
                    "issue_labels": tuple(issue_labels.get(i, i) for i in e.issues),
                    "status": e.status,
                    "summary": e.summary,
                    "evidence": add_evidence(brief, "event", e, e.issues, e.parties),
                }
            )
        for i in brief.impacts:
            impacts.append(
                {
                    "id": ids.record(i.id),
                    "brief": brief.id,
                    "region": i.region,
                    "region_name": party_names.get(i.region, i.region),
                    "issues": i.issues,
                    "issue_labels": tuple(issue_labels.get(x, x) for x in i.issues),
                    "direction": i.direction,
                    "direction_label": DIRECTIONS[i.direction],
                    "assessment": i.assessment,
                    "claim_type": i.claim_type,
                    "claim_label": CLAIM_TYPES[i.claim_type],
                    "confidence": i.confidence,
                    "evidence": add_evidence(brief, "impact", i, i.issues, [i.region]),
                }
            )
        for j in brief.judgments:
            judgments.append(
                {
                    "id": ids.record(j.id),
                    "brief": brief.id,
                    "text": j.text,
                    "issues": j.issues,
                    "issue_labels": tuple(issue_labels.get(x, x) for x in j.issues),
                    "confidence": j.confidence,
                    "outlook": j.outlook,
                    "evidence": add_evidence(brief, "judgment", j, j.issues, []),
                }
            )
        for ladder in brief.ladders:
            ladder_issues = tuple(dict.fromkeys(i for step in ladder.steps for i in step.issues))
            ladder_evidence = add_evidence(brief, "ladder", ladder, ladder_issues, [ladder.party])
            for number, step in enumerate(ladder.steps, start=1):
                ladders.append(
                    {
                        "id": ids.record(ladder.id),
                        "brief": brief.id,
                        "party": ladder.party,
                        "party_name": party_names.get(ladder.party, ladder.party),
                        "title": ladder.title,
                        "claim_type": ladder.claim_type,
                        "claim_label": CLAIM_TYPES[ladder.claim_type],
                        "ladder_confidence": ladder.confidence,
                        "ladder_evidence": ladder_evidence,
                        "step": number,
                        "tier": step.tier,
                        "tier_label": LADDER_TIERS[step.tier],
                        "text": step.text,
                        "issues": step.issues,
                        "issue_labels": tuple(issue_labels.get(x, x) for x in step.issues),
                        "confidence": step.confidence,
                        "evidence": tuple(ids.span(span.id) for span in step.evidence),
                    }
                )
        for note in brief.editor_notes:
            notes.append({"id": ids.record(note.id), "brief": brief.id, "text": note.text,
                          "evidence": add_evidence(brief, "note", note, (), ())})

    problems = list(corpus.problems)
    tables = (briefs, positions, events, impacts, judgments, ladders, notes, evidence)
    for brief in sorted(corpus.briefs, key=lambda b: (b.published, b.id)):  # chronological, oldest first
        sizes = [len(rows) for rows in tables]
        try:
            ids.enter(brief)
            add_brief(brief)
        except Exception as error:  # the boundary: a brief that cannot be tabled is left out and named, like an invalid one
            for rows, size in zip(tables, sizes, strict=True):
                del rows[size:]
            problems.append(unexpected_problem(corpus.brief_files.get(brief.id, brief.id), "", error, "preparing it for display"))

    return Frames(
        briefs=_frame(briefs, ["id", "title", "published", "seeds", "seed_files", "seed_sha256", "references", "file",
                               "author", "provenance", "illustrative"]),
        parties=parties,
        issues=issues,
        positions=_frame(positions, [
            "id", "brief", "brief_published", "party", "party_name", "issue", "issue_label", "stance", "stance_label",
            "stance_symbol", "stance_rank", "summary", "speaker", "speaker_name", "reported_by", "date", "date_start",
            "date_end", "date_precision", "claim_type", "claim_label", "confidence", "evidence",
            "red_line", "red_line_claim_type", "red_line_evidence", "range_low", "range_high", "range_note",
            "range_claim_type", "range_evidence",
        ]),
        events=_frame(events, [
            "id", "brief", "title", "date", "date_start", "date_end", "date_precision", "after", "before", "date_note",
            "parties", "party_names", "issues", "issue_labels", "status", "summary", "evidence",
        ]),
        impacts=_frame(impacts, [
            "id", "brief", "region", "region_name", "issues", "issue_labels", "direction", "direction_label",
            "assessment", "claim_type", "claim_label", "confidence", "evidence",
        ]),
        judgments=_frame(judgments, ["id", "brief", "text", "issues", "issue_labels", "confidence", "outlook", "evidence"]),
        ladders=_frame(ladders, [
            "id", "brief", "party", "party_name", "title", "claim_type", "claim_label", "ladder_confidence",
            "ladder_evidence", "step", "tier", "tier_label", "text", "issues", "issue_labels", "confidence", "evidence",
        ]),
        notes=_frame(notes, ["id", "brief", "text", "evidence"]),
        evidence=_frame(evidence, [
            "id", "brief", "record_kind", "record_id", "role", "seed", "start", "end", "quote", "issues", "parties", "claim_type",
        ]),
        seed_texts=dict(corpus.seed_texts),
        problems=tuple(problems),
        warnings=corpus.warnings,
    )


@dataclass(frozen=True)
class Selection:
    """What the global filter keeps. Empty tuples mean 'all'."""

    issues: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    briefs: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.issues or self.parties or self.briefs)


def _overlaps(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    wanted_set = set(wanted)
    return column.map(lambda values: not wanted_set.isdisjoint(values)).astype(bool)


def select(frames: Frames, selection: Selection) -> Frames:
    """A filtered view: briefs and issues limit every table; parties limit positions, events and evidence."""
    if not selection.active:
        return frames
    briefs, positions, events, impacts, judgments, ladders, notes, evidence = (
        frames.briefs, frames.positions, frames.events, frames.impacts, frames.judgments, frames.ladders, frames.notes,
        frames.evidence,
    )
    if selection.briefs:
        briefs, positions, events, impacts, judgments, ladders, notes, evidence = (
            table[table[column].isin(selection.briefs)]
            for table, column in ((briefs, "id"), (positions, "brief"), (events, "brief"), (impacts, "brief"),
                                  (judgments, "brief"), (ladders, "brief"), (notes, "brief"), (evidence, "brief"))
        )
    if selection.issues:
        positions = positions[positions["issue"].isin(selection.issues)]
        events = events[_overlaps(events["issues"], selection.issues)]
        impacts = impacts[_overlaps(impacts["issues"], selection.issues)]
        judgments = judgments[_overlaps(judgments["issues"], selection.issues)]
        ladders = ladders[_overlaps(ladders["issues"], selection.issues)]
        evidence = evidence[(evidence["record_kind"] == "note") | _overlaps(evidence["issues"], selection.issues)]
    if selection.parties:
        positions = positions[positions["party"].isin(selection.parties)]
        events = events[_overlaps(events["parties"], selection.parties)]
        ladders = ladders[ladders["party"].isin(selection.parties)]
        evidence = evidence[
            evidence["record_kind"].isin(("impact", "judgment", "note")) | _overlaps(evidence["parties"], selection.parties)
        ]
    return Frames(
        briefs=briefs,
        parties=frames.parties,
        issues=frames.issues,
        positions=positions,
        events=events,
        impacts=impacts,
        judgments=judgments,
        ladders=ladders,
        notes=notes,
        evidence=evidence,
        seed_texts=frames.seed_texts,
        problems=frames.problems,
        version=frames.version,
        warnings=frames.warnings,
    )
