"""The evidence spans of a brief document: where each sits, which record holds it, and its seed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from briefing.load import Layout, LoadError, read_seed
from briefing.schema import RECORD_FIELDS


@dataclass
class _Span:
    location: str
    record: str | None
    node_path: tuple
    span: dict
    group: str  # the evidence id infix of the part it is in: "" (the claim), "red-line-", "range-", "step-2-"
    quote: str | None = None
    seed: str | None = None
    starts: list[int] = field(default_factory=list)


def _span_holders(record: dict) -> Iterator[tuple[tuple, str]]:
    """(path within the record, evidence id infix) of every part of a record that cites evidence."""
    yield (), ""
    for part, infix in (("red_line", "red-line-"), ("acceptable_range", "range-")):
        if isinstance(record.get(part), dict):
            yield (part,), infix
    steps = record.get("steps")  # a ladder's steps
    for number, step in enumerate(steps if isinstance(steps, list) else []):
        if isinstance(step, dict):
            yield ("steps", number), f"step-{number + 1}-"


def _spans(document: dict) -> Iterator[_Span]:
    for record_field in RECORD_FIELDS:
        records = document.get(record_field)
        if not isinstance(records, list):
            continue
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            record_id = record.get("id") if isinstance(record.get("id"), str) else None
            for inner, infix in _span_holders(record):
                holder = record
                for step in inner:
                    holder = holder[step]
                spans = holder.get("evidence")
                if not isinstance(spans, list):
                    continue
                prefix = f"{record_field}[{index}]" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in inner)
                for number, span in enumerate(spans):
                    if isinstance(span, dict):
                        node_path = (record_field, index, *inner, "evidence", number)
                        yield _Span(f"{prefix}.evidence[{number}]", record_id, node_path, span, infix)


def _read_seed(layout: Layout, file: object) -> tuple[bytes | None, str | None]:
    """A seed's bytes, or the reason they cannot be read."""
    if not isinstance(file, str):
        return None, "seed has no file name"
    try:
        return read_seed(layout, file), None
    except LoadError as error:
        return None, str(error)


def evidence_id(record_id: str, infix: str, used: set[str]) -> str:
    """``<record id>-<n>`` (``-red-line-<n>``, ``-range-<n>``): the first n free in the brief, within a slug's 80 characters."""
    number = 1
    while True:
        suffix = f"-{infix}{number}"
        candidate = record_id[: 80 - len(suffix)].rstrip("-") + suffix
        if candidate not in used:
            return candidate
        number += 1
