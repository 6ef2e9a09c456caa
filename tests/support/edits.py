"""Saves on a copy of the test corpus, built in code: the brief they go into, a new position record citing its seed,
and one workbench save of it. For the tests of editing and of its history."""

from __future__ import annotations

from briefing import editing
from briefing.load import Layout
from briefing.recordwriter import append_item
from tests.conftest import CORPUS

BRIEF = "data/briefs/lavrov-red-line-2026-01.yaml"
QUOTE = "Moscow's negotiation bottom line"


def position(record_id: str = "pos-poland-ceasefire-assessment", **values) -> dict:
    seed = (CORPUS / "seeds" / "lavrov-red-line-2026-01-30.txt").read_text(encoding="utf-8")
    start = seed.index(QUOTE)
    return {
        "id": record_id,
        "party": "poland",
        "issue": "ceasefire",
        "stance": "support",
        "claim_type": "assessment",
        "confidence": "medium",
        "summary": "Poland's stance, as the analyst reads it.",
        **values,
        "evidence": [{"id": f"{record_id}-1", "seed": "lavrov-red-line", "start": start, "end": start + len(QUOTE), "quote": QUOTE}],
    }


def add(record: dict):
    return lambda text: append_item(text, ("positions",), record)


def save(layout: Layout, record: dict, opened: str | None = None) -> editing.Saved:
    opened = opened or editing.open_file(layout, BRIEF).sha256
    return editing.save(layout, BRIEF, opened, add(record), editor="ana@example.org", action="new position", record=record["id"])
