"""The pack's content built once from the frames and a filter: each section, and every quote with its source."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from briefing.frames import Frames, Selection, each_row, select, value_at
from briefing.negotiation import view_verdicts
from briefing.pack.model import (
    Bound,
    Brief,
    Event,
    Impact,
    Judgment,
    Ladder,
    LadderStep,
    Matrix,
    Note,
    PackContent,
    Position,
    Quote,
    Region,
    Verdict,
)
from briefing.readings import cell_readings, readings_by_cell
from briefing.regions import REGIONAL_PANELS, region_impacts, regional_parties
from briefing.schema import BACKGROUND_LABEL, CLAIM_TYPES, STANCES


def cell_words(reading) -> str:
    """A matrix cell in words, as on screen: symbol, stance, claim type, contested, how many records."""
    text = f"{STANCES[reading['stance']][2]} {reading['stance_label']} ({reading['claim_type']})"
    if reading["contested"]:
        text += ", contested"
    if reading["records"] > 1:
        text += f", {reading['records']} records"
    return text


def _whose(claim_type: str | None) -> str:
    return "the analyst's reading" if claim_type == "assessment" else f"{claim_type}, the party's"


def _when(row) -> str:
    """An event's date at its precision, or for an undated one what the text says and its "not before/after" bounds."""
    if row.date:
        return f"{row.date} ({row.date_precision})"
    bounds = [
        f"{label} {value}" for label, value in (("not before", row.after), ("not after", row.before)) if isinstance(value, str) and value
    ]
    return f"undated — {row.date_note}" + (f" ({'; '.join(bounds)})" if bounds else "")


class _Builder:
    """Reads the filtered frames once; each method returns one section of the pack."""

    def __init__(self, frames: Frames, selection: Selection):
        self.frames = frames
        self.selection = selection
        self.view = select(frames, selection)
        self.seed_files = {
            seed: file
            for seeds, files in zip(frames.briefs["seeds"], frames.briefs["seed_files"], strict=True)
            for seed, file in zip(seeds, files, strict=True)
        }

    def quotes(self, ids) -> tuple[Quote, ...]:
        titles = self.frames.brief_titles
        return tuple(
            Quote(
                id=span.id,
                text=span.quote,
                brief_title=titles.get(span.brief, span.brief),
                seed_file=self.seed_files.get(span.seed, span.seed),
                start=span.start,
                end=span.end,
            )
            for span in self.frames.evidence_rows(ids)
        )

    def filter_line(self) -> str:
        frames, selection = self.frames, self.selection
        parts = [
            "Issues: " + (", ".join(frames.issue_labels.get(i, i) for i in selection.issues) or "all"),
            "Parties: " + (", ".join(frames.party_names.get(p, p) for p in selection.parties) or "all"),
            "Briefs: " + (", ".join(frames.brief_titles.get(b, b) for b in selection.briefs) or "all"),
        ]
        return " · ".join(parts)

    def matrix(self) -> Matrix:
        """Each cell's headline by the rule every view uses, with "contested" and the number of records."""
        positions = self.view.positions
        readings = readings_by_cell(cell_readings(positions))
        shown = set(positions["issue"])
        issues = [(i, label) for i, label in zip(self.frames.issues["id"], self.frames.issues["label"], strict=True) if i in shown]
        rows = []
        for party, name in zip(self.frames.parties["id"], self.frames.parties["name"], strict=True):
            if not any((party, issue) in readings for issue, _label in issues):
                continue
            cells = tuple(cell_words(readings[(party, issue)]) if (party, issue) in readings else "no position" for issue, _label in issues)
            rows.append((name, cells))
        return Matrix(headers=tuple(label for _i, label in issues), rows=tuple(rows))

    def briefs(self) -> tuple[Brief, ...]:
        illustrative = self.frames.illustrative_briefs
        return tuple(
            Brief(
                id=b.id,
                title=b.title,
                published=f"{b.published:%d %B %Y}",
                seed_files=tuple(b.seed_files),
                seed_sha256=tuple(b.seed_sha256),
                provenance=b.provenance or "",
                illustrative=b.id in illustrative,
            )
            for b in each_row(self.view.briefs)
        )

    def positions(self) -> tuple[Position, ...]:
        illustrative = self.frames.illustrative_briefs
        found = []
        for row in each_row(self.view.positions):
            red_line = Bound(_whose(row.red_line_claim_type), row.red_line, self.quotes(row.red_line_evidence)) if row.red_line else None
            bounds = (
                Bound(
                    _whose(row.range_claim_type),
                    f"{STANCES[row.range_low][1]} to {STANCES[row.range_high][1]}",
                    self.quotes(row.range_evidence),
                )
                if row.range_low
                else None
            )
            found.append(
                Position(
                    party_name=row.party_name,
                    issue=row.issue,
                    issue_label=row.issue_label,
                    symbol=STANCES[row.stance][2],
                    stance_label=row.stance_label,
                    summary=row.summary,
                    claim_label=row.claim_label,
                    confidence=row.confidence,
                    date=row.date or "undated",
                    who=row.speaker_name or row.reported_by or "—",
                    illustrative=row.brief in illustrative,
                    quotes=self.quotes(row.evidence),
                    red_line=red_line,
                    range=bounds,
                    range_note=row.range_note or "",
                )
            )
        return tuple(found)

    def verdicts(self) -> tuple[Verdict, ...]:
        labels = self.frames.issue_labels
        return tuple(
            Verdict(
                issue=v.issue,
                issue_label=labels[v.issue],
                kind=v.verdict,
                label=v.label,
                confidence=v.confidence,
                explanation=v.explanation,
                cautions=tuple(v.cautions),
                rests_on=tuple(v.rests_on),
                contested_by=tuple(v.contested_by),
            )
            for v in view_verdicts(self.view, self.selection.issues)
        )

    def ladders(self) -> tuple[Ladder, ...]:
        found = []
        for _ladder_id, steps in self.view.ladders.groupby("id", sort=False):
            first = steps.iloc[0]
            found.append(
                Ladder(
                    party_name=first["party_name"],
                    title=first["title"],
                    claim_label=first["claim_label"],
                    confidence=first["ladder_confidence"],
                    quotes=self.quotes(first["ladder_evidence"]),
                    steps=tuple(
                        LadderStep(tier_label=s.tier_label, text=s.text, confidence=s.confidence, quotes=self.quotes(s.evidence))
                        for s in each_row(steps)
                    ),
                )
            )
        return tuple(found)

    def events(self) -> tuple[Event, ...]:
        ordered = self.view.events.sort_values(["date_start", "title"], na_position="last", kind="stable")
        return tuple(
            Event(
                when=_when(row),
                title=row.title,
                status=row.status,
                issues=tuple(row.issues),
                issues_text=", ".join(row.issue_labels) or BACKGROUND_LABEL,
                dated=bool(row.date),
                quotes=self.quotes(row.evidence),
            )
            for row in each_row(ordered)
        )

    def impacts(self, impacts: pd.DataFrame) -> tuple[Impact, ...]:
        return tuple(
            Impact(
                region_name=row.region_name,
                direction_label=row.direction_label,
                assessment=row.assessment,
                claim_label=row.claim_label,
                confidence=row.confidence,
                quotes=self.quotes(row.evidence),
            )
            for row in each_row(impacts)
        )

    def regions(self) -> tuple[Region, ...]:
        parties = self.frames.parties.set_index("id")
        found = []
        for region in (r for r in REGIONAL_PANELS if r in parties.index):  # a taxonomy without the region has no panel
            names = ", ".join(value_at(parties, region, "member_names"))
            impacts = region_impacts(self.view.impacts, region, tuple(value_at(parties, region, "members")))
            found.append(
                Region(name=value_at(parties, region, "name"), members=f"Members: {names}" if names else "", impacts=self.impacts(impacts))
            )
        return tuple(found)

    def other_impacts(self) -> tuple[Impact, ...]:
        impacts = self.view.impacts
        return self.impacts(impacts[~impacts["region"].isin(set(regional_parties(self.frames.parties)))])


def build_pack(frames: Frames, selection: Selection | None = None, generated: dt.date | None = None) -> PackContent:
    """The pack of one filter: every section, every quote with its source line."""
    selection = selection or Selection()
    builder = _Builder(frames, selection)
    view = builder.view
    return PackContent(
        filter_line=builder.filter_line(),
        version=frames.version or "unknown",
        generated=(generated or dt.date.today()).isoformat(),
        briefs=builder.briefs(),
        notes=tuple(Note(text=row.text, quotes=builder.quotes(row.evidence)) for row in each_row(view.notes)),
        judgments=tuple(
            Judgment(text=row.text, confidence=row.confidence, issues=tuple(row.issues), quotes=builder.quotes(row.evidence))
            for row in each_row(view.judgments)
        ),
        matrix=builder.matrix(),
        positions=builder.positions(),
        verdicts=builder.verdicts(),
        ladders=builder.ladders(),
        events=builder.events(),
        regions=builder.regions(),
        other_impacts=builder.other_impacts(),
        claim_types=tuple(CLAIM_TYPES.items()),
    )
