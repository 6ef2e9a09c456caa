"""The global filter: which briefs, issues and parties a view keeps."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.frames.model import Frames


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
        frames.briefs,
        frames.positions,
        frames.events,
        frames.impacts,
        frames.judgments,
        frames.ladders,
        frames.notes,
        frames.evidence,
    )
    if selection.briefs:
        briefs, positions, events, impacts, judgments, ladders, notes, evidence = (
            table[table[column].isin(selection.briefs)]
            for table, column in (
                (briefs, "id"),
                (positions, "brief"),
                (events, "brief"),
                (impacts, "brief"),
                (judgments, "brief"),
                (ladders, "brief"),
                (notes, "brief"),
                (evidence, "brief"),
            )
        )
    if selection.issues:
        positions = positions[positions["issue"].isin(selection.issues)]
        events = events[_overlaps(events["issues"], selection.issues)]
        impacts = impacts[_overlaps(impacts["issues"], selection.issues)]
        judgments = judgments[_overlaps(judgments["issues"], selection.issues)]
        ladders = ladders[_overlaps(ladders["issues"], selection.issues)]
        evidence = evidence[evidence["record_kind"].isin(("note", "bottom-line")) | _overlaps(evidence["issues"], selection.issues)]
    if selection.parties:
        positions = positions[positions["party"].isin(selection.parties)]
        events = events[_overlaps(events["parties"], selection.parties)]
        ladders = ladders[ladders["party"].isin(selection.parties)]
        evidence = evidence[
            evidence["record_kind"].isin(("impact", "judgment", "note", "bottom-line")) | _overlaps(evidence["parties"], selection.parties)
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
