"""What both drawings of the regional map share (the pack's Plotly figure, regional_map.py, and the page's SVG,
map_svg.py): the outlines by role, where a label or a group's callout stands, and the words of every label and
hover text, as plain lines. Each renderer only marks them up: Plotly's escaped text with <br>, or MarkupSafe HTML."""

from __future__ import annotations

from briefing.figures.map_readings import CountryReading, GroupReading
from briefing.outlines import Bounds, Country, Outlines
from briefing.regions import NONE
from briefing.vocabulary import IMPACTS


def by_role(outlines: Outlines) -> dict[str, list[Country]]:
    """The outlines' countries by role: the shaded subjects, the neighbours named for context, other land."""
    roles: dict[str, list[Country]] = {"subject": [], "neighbour": [], "context": []}
    for country in outlines.countries:
        roles[country.role].append(country)
    return roles


def inward(at: float, low: float, high: float) -> int:
    """-1 for a place near the low edge of the frame, 1 near the high one, else 0."""
    share = (at - low) / (high - low)
    return -1 if share < 0.15 else 1 if share > 0.85 else 0


def clamped(at: tuple[float, float], bounds: Bounds) -> tuple[float, float]:
    """A point kept inside the frame, so a neighbour's name placed beyond it is still drawn."""
    return min(max(at[0], bounds.west), bounds.east), min(max(at[1], bounds.south), bounds.north)


def group_anchor(group: GroupReading, outlines: Outlines) -> tuple[float, float]:
    """Where a group's callout arrow points: the westmost point of its members, at the mean latitude of their labels."""
    members = [outlines.outline(member) for member in group.members]
    west = min(x for country in members for ring in country.rings for x, _y in ring)
    return west, sum(country.labels[0].at[1] for country in members) / len(members)


def hover_lines(reading: CountryReading) -> list[str]:
    """The country, its headline, and a group's impact named as the group's, not the country's; then what a click does."""
    if reading.groups:
        middle = [f"{reading.name} alone: {reading.headline.summary}"]
        middle += [f"{group.label}: {group.headline.summary}" for group in reading.groups]
    else:
        middle = [reading.headline.summary]
    return [reading.name, *middle, "Click to show only its impacts"]


def country_label_lines(reading: CountryReading) -> list[str]:
    """A shaded country's label: its name, and where it has an impact, the impact's icon and word and the confidence."""
    if reading.headline.reading == NONE:
        return [reading.name]
    headline = reading.headline
    return [reading.name, f"{headline.icon} {IMPACTS[headline.reading].word}", f"{headline.confidence} confidence"]


def group_label_lines(group: GroupReading) -> list[str]:
    """A group's callout: the group, then its headline in words with the confidence."""
    headline = group.headline
    return [group.label, f"{headline.icon} {headline.words} · {headline.confidence} confidence"]
