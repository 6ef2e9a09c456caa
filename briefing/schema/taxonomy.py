"""The shared taxonomy: parties with their speakers, and issues."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from pydantic import (
    Field,
    StringConstraints,
    model_validator,
)

from briefing.schema.base import PartyKind, Record, Slug, Text


class Speaker(Record):
    id: Slug
    name: Text
    role: Text
    aliases: tuple[Text, ...] = ()  # other spellings in sources ("Zelensky"); the surname always counts


class Party(Record):
    id: Slug
    name: Text
    kind: PartyKind
    members: tuple[Slug, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    aliases: tuple[Text, ...] = ()  # how sources name the party: "Moscow", "Kremlin", "Russian"


class Issue(Record):
    id: Slug
    label: Text
    definition: Text
    # what a stance is for or against: "Firmly for" on territorial status is firmly for this sentence
    proposition: Text | None = None
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)] | None = None  # the matrix header
    keywords: tuple[Text, ...] = ()  # words and phrases a source uses for the issue; `draft` proposes the issue on them


def _duplicates(ids) -> list[str]:
    return sorted(name for name, count in Counter(ids).items() if count > 1)


class Taxonomy(Record):
    parties: tuple[Party, ...] = Field(min_length=1)
    issues: tuple[Issue, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_ids(self) -> Taxonomy:
        speakers = [s.id for p in self.parties for s in p.speakers]
        for label, ids in (("party", [p.id for p in self.parties]), ("issue", [i.id for i in self.issues]), ("speaker", speakers)):
            if dupes := _duplicates(ids):
                raise ValueError(f"duplicate {label} id(s): {', '.join(dupes)}")
        known = {p.id for p in self.parties}
        for party in self.parties:
            if missing := [m for m in party.members if m not in known]:
                raise ValueError(f"party {party.id!r} has unknown member(s): {', '.join(missing)}")
        return self

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(f"unknown party {party_id!r}")

    @property
    def speakers(self) -> dict[str, tuple[Party, Speaker]]:
        return {s.id: (p, s) for p in self.parties for s in p.speakers}
