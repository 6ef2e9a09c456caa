"""The pack's content built once from the frames and a filter: the reader's part (title, bottom line, matrix, one
section per issue) and the annex (every quote with its source, the files and the filter)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from briefing.dates import human_date
from briefing.frames import Frames, Selection, each_row, select, value_at
from briefing.pack.model import (
    Bound,
    Brief,
    Event,
    Impact,
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
from briefing.pack.names import file_stem
from briefing.pack.reader import ReaderSections, brief_subject, event_when, mark, period_words, subject, text_or_empty, whose
from briefing.periods import brief_period, event_period
from briefing.readings import NO_POSITION, cell_readings, cell_words, readings_by_cell
from briefing.regions import REGIONAL_PANELS, region_impacts, regional_parties
from briefing.schema import BACKGROUND_LABEL
from briefing.vocabulary import CLAIM_TYPES, stance


def _cell(reading) -> str:
    """A matrix cell in the matrix's own words (briefing.readings.cell_words), on one line for a printed table."""
    return cell_words(reading["stance"], reading["claim_type"], reading["records"], reading["contested"], one_line=True)


def contributing(view: Frames) -> tuple[str, ...]:
    """The briefs with a record in view, oldest first; every brief of the view when none has one."""
    used = set().union(*(set(table["brief"]) for table in (view.positions, view.events, view.impacts, view.judgments, view.ladders)))
    briefs = view.briefs.sort_values(["published", "id"], kind="stable")
    return tuple(b for b in briefs["id"] if b in used) or tuple(briefs["id"])


def pack_day(frames: Frames, in_view: tuple[str, ...]) -> pd.Timestamp | None:
    """The day a pack is dated: the newest publication among the sourced briefs in view (an illustrative brief's date
    is no date of the sources), or among all of them when every one is illustrative; None when none is dated."""
    published = dict(zip(frames.briefs["id"], frames.briefs["published"], strict=True))
    sourced = [brief for brief in in_view if brief not in frames.illustrative_briefs] or list(in_view)
    days = [published[brief] for brief in sourced if not pd.isna(published[brief])]
    return max(days, default=None)


def _stem(frames: Frames, selection: Selection, in_view: tuple[str, ...]) -> str:
    return file_stem(pack_day(frames, in_view), in_view, tuple(frames.briefs["id"]), selection)


def pack_stem(frames: Frames, selection: Selection) -> str:
    """The pack's file name without its suffix, without building the pack (the sidebar asks for it on every run)."""
    return _stem(frames, selection, contributing(select(frames, selection)))


class _Builder(ReaderSections):
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
        self.illustrative = set(frames.illustrative_briefs)
        self.published = dict(zip(frames.briefs["id"], frames.briefs["published"], strict=True))
        self.in_view = contributing(self.view)
        self.footnotes = {brief: number for number, brief in enumerate(self.in_view, start=1)}

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
                brief=span.brief,
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
        table = self.frames.issues[self.frames.issues["id"].isin(set(positions["issue"]))]
        issues = list(table["id"])
        rows, marks = [], []
        for party, name in zip(self.frames.parties["id"], self.frames.parties["name"], strict=True):
            if not any((party, issue) in readings for issue in issues):
                continue
            rows.append((name, tuple(_cell(readings[(party, i)]) if (party, i) in readings else NO_POSITION for i in issues)))
            marks.append(tuple(mark(readings[(party, i)]["stance"]) if (party, i) in readings else None for i in issues))
        headers, shorts = tuple(table["label"]), tuple(table["short"])
        return Matrix(headers=headers, rows=tuple(rows), marks=tuple(marks), shorts=shorts)

    def briefs(self) -> tuple[Brief, ...]:
        illustrative = self.frames.illustrative_briefs
        return tuple(
            Brief(
                id=b.id,
                title=b.title,
                published=human_date(f"{b.published:%Y-%m-%d}"),
                seed_files=tuple(b.seed_files),
                seed_sha256=tuple(b.seed_sha256),
                provenance=b.provenance or "",
                illustrative=b.id in illustrative,
            )
            for b in each_row(self.view.briefs.set_index("id", drop=False).loc[list(self.in_view)])
        )

    def positions(self) -> tuple[Position, ...]:
        illustrative = self.frames.illustrative_briefs
        found = []
        for row in each_row(self.view.positions):
            red_line = Bound(whose(row.red_line_claim_type), row.red_line, self.quotes(row.red_line_evidence)) if row.red_line else None
            bounds = (
                Bound(
                    whose(row.range_claim_type),
                    f"{stance(row.range_low).word} to {stance(row.range_high).word}".lower().capitalize(),
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
                    symbol=stance(row.stance).symbol,
                    stance_label=row.stance_label,
                    summary=self.frames.reader_prose(row.summary, row.brief),
                    claim_label=row.claim_label,
                    confidence=row.confidence,
                    date=human_date(row.date or None),
                    who=row.speaker_name or row.reported_by or "",
                    illustrative=row.brief in illustrative,
                    quotes=self.quotes(row.evidence),
                    mark=mark(row.stance),
                    footnote=self.footnotes.get(row.brief, 0),
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
            for v in self.issue_verdicts
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
        """The events in view, each recent or background by the reporting period of the briefs in view
        (briefing.periods, as the timeline and briefing mode), or undated."""
        ordered = self.view.events.sort_values(["date_start", "title"], na_position="last", kind="stable")
        period = brief_period(self.view.events, self.view.briefs)
        return tuple(
            Event(
                when=event_when(row),
                title=row.title,
                status=row.status,
                issues=tuple(row.issues),
                issues_text=", ".join(row.issue_labels) or BACKGROUND_LABEL,
                dated=bool(row.date),
                quotes=self.quotes(row.evidence),
                period=event_period(row.date_start, row.date_end, period),
                note=text_or_empty(row.date_note) if not row.date else "",
                illustrative=row.brief in self.illustrative,
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
                illustrative=row.brief in self.illustrative,
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
    bottom_line, bottom_line_quotes = builder.finding()
    verdicts = builder.verdicts()
    positions = builder.positions()
    latest = pack_day(frames, builder.in_view)
    dated = human_date(f"{latest:%Y-%m-%d}") if latest is not None else "undated"
    about, briefs = subject(frames, selection), builder.briefs()
    lead = brief_subject(tuple(brief.title for brief in briefs if not brief.illustrative))
    return PackContent(
        title=f"{lead if lead and not selection.issues else about}{': ' + lead if lead and selection.issues else ''} — briefing, {dated}",
        subject=about,
        dated=dated,
        file_stem=_stem(frames, selection, builder.in_view),
        bottom_line=bottom_line,
        bottom_line_quotes=bottom_line_quotes,
        illustrative=any(b in builder.illustrative for b in builder.in_view),
        sections=builder.sections(verdicts, positions),
        filter_line=builder.filter_line(),
        version=frames.version or "unknown",
        generated=human_date((generated or dt.date.today()).isoformat()),
        briefs=briefs,
        notes=tuple(Note(text=row.text, quotes=builder.quotes(row.evidence)) for row in each_row(view.notes)),
        judgments=builder.judgments(),
        matrix=builder.matrix(),
        positions=positions,
        verdicts=verdicts,
        ladders=builder.ladders(),
        events=builder.events(),
        regions=builder.regions(),
        other_impacts=builder.other_impacts(),
        claim_types=tuple((claim.letter, f"{claim.label} ({claim.whose})") for claim in CLAIM_TYPES.values()),
        reporting_period=period_words(brief_period(view.events, view.briefs)),
    )
