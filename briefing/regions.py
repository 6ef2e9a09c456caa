"""Poland and the Baltic states: which regions the regional view covers, and the one rule for a region's headline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from briefing.frames import value_at
from briefing.schema import IMPACT_DIRECTIONS
from briefing.vocabulary import CONFIDENCE_LEVELS, CONFIDENCE_WORDS, IMPACTS

REGIONAL_PANELS = ("poland", "baltic-states")
# a reading is a direction or one of these; each has its arrow, word and colour in briefing.vocabulary.IMPACTS
DIFFER = "differ"  # the impacts on one region point in different directions
NONE = "none"  # no impact on the region under the filter


@dataclass(frozen=True)
class Headline:
    """What the brief says of one region under the filter, in one reading."""

    reading: str  # a direction, DIFFER or NONE
    confidence: str | None  # the highest confidence among the impacts; None without any
    counts: tuple[tuple[str, int], ...] = ()  # impacts per direction, in the schema's order

    @property
    def total(self) -> int:
        return sum(count for _direction, count in self.counts)

    @property
    def words(self) -> str:
        """E.g. "worse off", or "mixed readings: 2 worse off, 1 better off"."""
        if self.reading != DIFFER:
            return IMPACTS[self.reading].word
        return f"{IMPACTS[DIFFER].word}: " + ", ".join(f"{count} {IMPACTS[d].word}" for d, count in self.counts)

    @property
    def icon(self) -> str:
        return IMPACTS[self.reading].icon

    @property
    def summary(self) -> str:
        """Icon, reading, confidence and count, e.g. "▼ worse off · medium confidence · 1 impact"."""
        if self.reading == NONE:
            return f"{self.icon} {self.words}"
        # in the words of every other page ("medium confidence"); readings that differ are as sure as their surest
        words = CONFIDENCE_WORDS.get(self.confidence or "", f"{self.confidence} confidence")
        confidence = f"up to {words}" if self.reading == DIFFER else words
        impacts = f"{self.total} impact{'' if self.total == 1 else 's'}"
        return f"{self.icon} {self.words} · {confidence} · {impacts}"


def headline(directions: Iterable[str], confidences: Iterable[str]) -> Headline:
    """One reading for a region's impacts: their common direction, or DIFFER when they disagree, never one picked.

    Confidence is the highest among them: the reading is as well supported as its best-supported impact.
    """
    directions, confidences = list(directions), list(confidences)
    if not directions:
        return Headline(NONE, None)
    counts = Counter(directions)
    ordered = tuple((direction, counts[direction]) for direction in IMPACT_DIRECTIONS if counts[direction])
    reading = ordered[0][0] if len(ordered) == 1 else DIFFER
    confidence = max(confidences, key=CONFIDENCE_LEVELS.index)
    return Headline(reading, confidence, ordered)


def region_headline(impacts: pd.DataFrame, region: str) -> Headline:
    """The headline of the impacts filed under exactly this region (a group's impacts stay the group's)."""
    own = impacts[impacts["region"] == region]
    return headline(own["direction"], own["confidence"])


def region_impacts(impacts: pd.DataFrame, region: str, members: tuple[str, ...] = ()) -> pd.DataFrame:
    """Impacts on a region, including those filed under one of its members."""
    return impacts[impacts["region"].isin((region, *members))]


def regional_parties(parties: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Each region the regional view covers, with its members: the panels first, then the members alone."""
    known = parties.set_index("id")
    covered: dict[str, tuple[str, ...]] = {}
    for region in REGIONAL_PANELS:
        if region in known.index:
            covered[region] = tuple(value_at(known, region, "members"))
    for members in list(covered.values()):
        for member in members:
            covered.setdefault(member, ())
    return covered


def groups_of(parties: pd.DataFrame, member: str) -> list[str]:
    """The regional groups this party belongs to."""
    return [region for region, members in regional_parties(parties).items() if member in members]
