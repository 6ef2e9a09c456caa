"""The map's country outlines (briefing/geo/), read once, validated, and refused with a clear message if broken.

They ship with the code rather than under data/: they are reference geometry, not an analyst's data, and a test or
operator pointing BRIEFING_ROOT at other briefs still gets the map. See briefing/geo/README.md for their source.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from briefing.load import problems_from
from briefing.schema import Slug

OUTLINES_PATH = Path(__file__).resolve().parent / "geo" / "baltic-region.json"
MAX_OUTLINE_BYTES = 1_000_000  # the shipped file is about 45 KB; a larger one is not a simplified outline
MAX_POINTS = 50_000  # every outline and hover point together: what one Plotly figure draws without strain

Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Point = tuple[Longitude, Latitude]
Ring = Annotated[tuple[Point, ...], Field(min_length=4)]
Role = Literal["subject", "neighbour", "context"]  # shaded by the brief's impact, named for context, or only drawn


class OutlineError(Exception):
    """The outline file is missing or broken; the message names the file and the problem."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(_Model):
    text: Annotated[str, Field(min_length=1, max_length=80)]
    at: Point


class Country(_Model):
    id: Slug
    name: Annotated[str, Field(min_length=1, max_length=80)]
    role: Role
    rings: Annotated[tuple[Ring, ...], Field(min_length=1)]
    labels: tuple[Label, ...] = ()
    hit_points: tuple[Point, ...] = ()  # inside the country: where hovering or clicking finds it

    @model_validator(mode="after")
    def _subjects_can_be_found(self) -> Country:
        if self.role == "subject" and not (self.labels and self.hit_points):
            raise ValueError(f"a shaded country ({self.id}) needs a label and hover points")
        return self


class Bounds(_Model):
    west: Longitude
    south: Latitude
    east: Longitude
    north: Latitude

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if not (self.west < self.east and self.south < self.north):
            raise ValueError("bounds must have west < east and south < north")
        return self


class Outlines(_Model):
    source: Annotated[str, Field(min_length=1)]
    licence: Annotated[str, Field(min_length=1)]
    bounds: Bounds
    countries: Annotated[tuple[Country, ...], Field(min_length=1)]
    digest: str = ""  # of the file's bytes: what a figure drawn from these outlines is cached under

    @model_validator(mode="after")
    def _consistent(self) -> Outlines:
        ids = [country.id for country in self.countries]
        if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"duplicate country id(s): {', '.join(duplicates)}")
        points = sum(len(ring) for c in self.countries for ring in c.rings) + sum(len(c.hit_points) for c in self.countries)
        if points > MAX_POINTS:
            raise ValueError(f"{points:,} points; simplify the outlines to at most {MAX_POINTS:,}")
        return self

    def country(self, country_id: str) -> Country | None:
        return next((country for country in self.countries if country.id == country_id), None)

    def outline(self, country_id: str) -> Country:
        """A country the map draws; the map reads only countries it found in the file (others are "missing")."""
        if (country := self.country(country_id)) is None:
            raise KeyError(f"no outline for {country_id!r}")
        return country


def load_outlines(path: Path = OUTLINES_PATH) -> Outlines:
    """The outlines in `path`, validated; OutlineError says what is wrong."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_OUTLINE_BYTES:
            raise OutlineError(f"map outlines {name}: {size:,} bytes, more than the {MAX_OUTLINE_BYTES:,} allowed")
        raw = path.read_bytes()
    except OSError as error:
        raise OutlineError(f"map outlines {name}: cannot read the file ({error.strerror})") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise OutlineError(f"map outlines {name}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise OutlineError(f"map outlines {name}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    if not isinstance(document, dict):
        raise OutlineError(f"map outlines {name}: expected a JSON object, not {type(document).__name__}")
    try:
        return Outlines.model_validate({**document, "digest": hashlib.sha256(raw).hexdigest()[:12]})
    except ValidationError as error:
        problems = problems_from(error, name)
        shown = "; ".join(f"{p.location}: {p.message}" if p.location else p.message for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise OutlineError(f"map outlines {name}: {shown}{more}") from None
