"""Evidence spans, the seeds they quote and the references a brief lists."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    field_validator,
)

from briefing.locate import explain_missing, occurrences
from briefing.messages import did_you_mean
from briefing.schema.base import CheckedRecord, Record, Slug, Text


def _locate(text: str, quote: str) -> str:
    """Say where a quote does occur in a seed, to help fix its offsets; or why it does not."""
    found = [f"{start}-{start + len(quote)}" for start in occurrences(text, quote, limit=3)]
    if found:
        return "the quote occurs at " + ", ".join(found)
    return f"the quote does not occur anywhere in the seed; {explain_missing(text, quote)}"


class Evidence(CheckedRecord):
    id: Slug
    # may be left out when the brief has one seed: the Brief fills it in (see Brief._default_seed)
    seed: Slug | None = None
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: Annotated[str, StringConstraints(min_length=1, max_length=5000)]

    @classmethod
    def checks(cls, values, info):
        start, end, quote = values.get("start"), values.get("end"), values.get("quote")
        if start is not None and end is not None and end <= start:
            yield "end", f"end {end} is not after start {start}"
            return
        seeds = (info.context or {}).get("seed_texts")
        if seeds is None or "seed" not in values:
            return
        seed = values["seed"]
        if seed is None:
            yield "seed", f"evidence names no seed, and the brief declares {len(seeds)}: add seed: with one of {', '.join(sorted(seeds))}"
            return
        if seed not in seeds:
            yield "seed", f"unknown seed {seed!r} (declare it under seeds:)" + did_you_mean(seed, seeds)
            return
        if start is None or end is None or quote is None:
            return
        text = seeds[seed]
        if end > len(text):
            yield None, (f"span {start}-{end} runs past the end of seed {seed!r} ({len(text)} characters); {_locate(text, quote)}")
        elif text[start:end] != quote:
            yield None, f"quote is not the seed text at {start}-{end}; {_locate(text, quote)}"


Evidences = Annotated[tuple[Evidence, ...], Field(min_length=1)]


def plain_file_name(value: str) -> bool:
    """A file name only, neither hidden nor a folder: anything else could escape seeds/."""
    return not ("/" in value or "\\" in value or value in (".", "..") or value.startswith(".") or "\x00" in value)


class Seed(Record):
    id: Slug
    file: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

    @field_validator("file")
    @classmethod
    def _inside_seeds(cls, value: str) -> str:
        if not plain_file_name(value):
            raise ValueError(f"seed file {value!r} must be a plain file name inside seeds/")
        return value


class Reference(Record):
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)]
    retrieved: Literal[False] = False
    note: Text | None = None
