"""What the map shows for each country and group: the headline reading of its impacts under the filter."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.outlines import Outlines
from briefing.regions import NONE, Headline, region_headline, regional_parties
from briefing.vocabulary import IMPACTS


@dataclass(frozen=True)
class GroupReading:
    """An impact on a group of states, drawn once over all its members with one label."""

    id: str
    name: str
    members: tuple[str, ...]
    headline: Headline

    @property
    def label(self) -> str:
        return f"{self.name} (as a group)"


@dataclass(frozen=True)
class CountryReading:
    """A shaded country: its own headline and the groups it is assessed with."""

    id: str
    name: str
    headline: Headline
    groups: tuple[GroupReading, ...] = ()


@dataclass(frozen=True)
class MapReadings:
    countries: tuple[CountryReading, ...]  # every shaded country of the outlines
    groups: tuple[GroupReading, ...]  # the view's groups whose members are all drawn, with or without an impact
    missing: tuple[str, ...] = ()  # regions the view covers that the outlines cannot draw

    @property
    def assessed_groups(self) -> tuple[GroupReading, ...]:
        """The groups drawn on the map: those with an impact under the filter."""
        return tuple(group for group in self.groups if group.headline.reading != NONE)


def map_readings(impacts: pd.DataFrame, parties: pd.DataFrame, outlines: Outlines) -> MapReadings:
    """What the map shows for each shaded country and regional group, under the filter that produced `impacts`."""
    names = dict(zip(parties["id"], parties["name"], strict=True))
    covered = regional_parties(parties)
    subjects = [country for country in outlines.countries if country.role == "subject"]
    drawable = {country.id for country in subjects}
    groups = tuple(
        GroupReading(region, names[region], members, region_headline(impacts, region))
        for region, members in covered.items()
        if members and set(members) <= drawable
    )
    countries = tuple(
        CountryReading(
            country.id,
            names.get(country.id, country.name),
            region_headline(impacts, country.id),
            tuple(g for g in groups if country.id in g.members and g.headline.reading != NONE),
        )
        for country in subjects
    )
    missing = tuple(names[region] for region, members in covered.items() if not members and region not in drawable)
    return MapReadings(countries, groups, missing)


def choice_labels(impacts: pd.DataFrame, parties: pd.DataFrame) -> dict[str, str]:
    """The region chooser's options, each naming the region and its headline, as hovering it on the map does."""
    names = dict(zip(parties["id"], parties["name"], strict=True))
    labels = {}
    for region, members in regional_parties(parties).items():
        reading = region_headline(impacts, region).reading
        name = f"{names[region]} (as a group)" if members else names[region]
        labels[region] = f"{name} · {IMPACTS[reading].icon} {IMPACTS[reading].word}"
    return labels
