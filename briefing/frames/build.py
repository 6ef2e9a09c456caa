"""Flattening validated briefs into the frames, one brief at a time inside the loader's boundary."""

from __future__ import annotations

import pandas as pd

from briefing.checks import relevant
from briefing.dates import parse_date
from briefing.frames.columns import COLUMNS
from briefing.frames.model import Frames
from briefing.load import Corpus, unexpected_problem
from briefing.schema import IMPACT_DIRECTIONS, LADDER_TIERS, record_spans
from briefing.vocabulary import CLAIM_TYPES, STANCES


def _frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
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
    """Ids are scoped to their brief: an id only one brief uses stays bare, one that several use is ``<brief>:<id>``
    in each (slugs have no colon). No date or load order decides, so a new brief never re-points an id (links.py)."""

    def __init__(self, briefs) -> None:
        records: dict[str, int] = {}
        spans: dict[str, int] = {}
        for brief in briefs:
            try:
                own_records, own_spans = brief.own_ids()
            except Exception:  # noqa: BLE001, S112 - it fails inside its own boundary below, and is named there
                continue
            for record_id in own_records:
                records[record_id] = records.get(record_id, 0) + 1
            for span_id in own_spans:
                spans[span_id] = spans.get(span_id, 0) + 1
        self._shared_records = {record_id for record_id, count in records.items() if count > 1}
        self._shared_spans = {span_id for span_id, count in spans.items() if count > 1}
        self._brief = ""

    def enter(self, brief) -> None:
        self._brief = brief.id

    def record(self, record_id: str) -> str:
        return f"{self._brief}:{record_id}" if record_id in self._shared_records else record_id

    def span(self, span_id: str) -> str:
        return f"{self._brief}:{span_id}" if span_id in self._shared_spans else span_id


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
        ("id", "name", "kind", "members", "member_names", "speakers"),
    )
    issues = _frame(
        [
            # a taxonomy without propositions still loads: the label stands in for both
            {"id": i.id, "label": i.label, "definition": i.definition, "proposition": i.proposition or i.label, "short": i.short or i.label}
            for i in (taxonomy.issues if taxonomy else ())
        ],
        ("id", "label", "definition", "proposition", "short"),
    )
    briefs, positions, events, impacts, judgments, ladders, notes, evidence = [], [], [], [], [], [], [], []
    ids = _ScopedIds(corpus.briefs)

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
                    "claim_type": record.__dict__.get("claim_type", "assessment"),
                }
            )
        return tuple(ids.span(span.id) for span in record.evidence)  # the claim's own; red lines and ranges keep theirs

    def add_bottom_line_evidence(brief) -> tuple[str, ...]:
        """The analyst's bottom line cites spans like a record does; they are listed under the brief's own id."""
        spans = brief.bottom_line.evidence if brief.bottom_line else ()
        for span in spans:
            evidence.append(
                {
                    "id": ids.span(span.id),
                    "brief": brief.id,
                    "record_kind": "bottom-line",
                    "record_id": brief.id,
                    "role": "claim",
                    "seed": span.seed,
                    "start": span.start,
                    "end": span.end,
                    "quote": span.quote,
                    "issues": (),
                    "parties": (),
                    "claim_type": "assessment",
                }
            )
        return tuple(ids.span(span.id) for span in spans)

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
                "bottom_line": brief.bottom_line.text if brief.bottom_line else None,
                "bottom_line_evidence": add_bottom_line_evidence(brief),
            }
        )
        for p in brief.positions:
            words = STANCES[p.stance]
            rank, stance_label, symbol = words.rank, words.word, words.symbol
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
                    "claim_label": CLAIM_TYPES[p.claim_type].label,
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
                    "relevant": relevant(p, taxonomy) if taxonomy else True,  # quotes that speak to the issue rank first
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
                    "direction_label": IMPACT_DIRECTIONS[i.direction],
                    "assessment": i.assessment,
                    "claim_type": i.claim_type,
                    "claim_label": CLAIM_TYPES[i.claim_type].label,
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
                    "likelihood": j.likelihood,
                    "rank": j.rank,
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
                        "claim_label": CLAIM_TYPES[ladder.claim_type].label,
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
            notes.append(
                {"id": ids.record(note.id), "brief": brief.id, "text": note.text, "evidence": add_evidence(brief, "note", note, (), ())}
            )

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
        briefs=_frame(briefs, COLUMNS["briefs"]),
        parties=parties,
        issues=issues,
        positions=_frame(positions, COLUMNS["positions"]),
        events=_frame(events, COLUMNS["events"]),
        impacts=_frame(impacts, COLUMNS["impacts"]),
        judgments=_frame(judgments, COLUMNS["judgments"]),
        ladders=_frame(ladders, COLUMNS["ladders"]),
        notes=_frame(notes, COLUMNS["notes"]),
        evidence=_frame(evidence, COLUMNS["evidence"]),
        seed_texts=dict(corpus.seed_texts),
        problems=tuple(problems),
        warnings=corpus.warnings,
    )
