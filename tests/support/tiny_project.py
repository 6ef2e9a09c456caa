"""A tiny, deterministic copy of the project layout (the unit tests' `project` and `make_project` fixtures build it).

Every test gets its own ``tmp_path`` project with one taxonomy, one seed text (saved
under two seed ids) and an empty ``data/briefs/``. ``project.brief("alpha")`` returns a
fresh, valid brief dict whose ids all start with ``alpha`` and whose offsets are computed
with ``str.find``; ``project.neighbour()`` writes a valid ``beta`` brief on the second
seed, to show that one broken brief does not stop the others from loading.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import yaml

from briefing.load import Corpus, Layout, load_corpus

SEED_ID = "talks"
SEED_FILE = "talks.txt"
# The same text under a second seed id, so a neighbour brief can load beside a broken one
# without sharing anything with it.
OTHER_SEED_ID = "talks-b"
OTHER_SEED_FILE = "talks-b.txt"
SEED_TEXT = (
    "Talks in Geneva ended on 12 March 2024 without agreement.\n"
    'The Northland minister said: "We reject any ceasefire that freezes the front."\n'
    "Southland's president called for a ceasefire of 60 days, according to observers.\n"
    "Both sides said an energy truce could follow if strikes on power plants stop.\n"
    "Analysts expect the border region to become less secure.\n"
    "Later, a ceasefire of 60 days was proposed again.\n"
    "Tariffs — and “quotes” — are unicode: é.\n"
)

# Quotes the tiny brief cites; each occurs exactly once in SEED_TEXT unless noted.
QUOTES = {
    "talks": "Talks in Geneva ended on 12 March 2024 without agreement.",
    "reject": "We reject any ceasefire that freezes the front.",
    "call": "Southland's president called for a ceasefire of 60 days",
    "energy": "an energy truce could follow if strikes on power plants stop",
    "region": "Analysts expect the border region to become less secure.",
    "repeated": "a ceasefire of 60 days",  # occurs twice: in the president's line and the line after
    "unicode": "“quotes” — are unicode: é",
}

TAXONOMY = {
    "parties": [
        {
            "id": "northland",
            "name": "Northland",
            "kind": "state",
            "speakers": [{"id": "north-minister", "name": "Nora North", "role": "Foreign Minister"}],
        },
        {
            "id": "southland",
            "name": "Southland",
            "kind": "state",
            "speakers": [{"id": "south-president", "name": "Sam South", "role": "President"}],
        },
        {"id": "mediators", "name": "Mediators", "kind": "organisation"},
        {"id": "border-region", "name": "Border region", "kind": "group", "members": ["northland", "southland"]},
    ],
    "issues": [
        {"id": "ceasefire", "label": "Ceasefire", "definition": "A general truce along the front."},
        {"id": "energy-truce", "label": "Energy truce", "definition": "A truce on strikes against energy infrastructure."},
    ],
}


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TinyProject:
    """A project root in a temporary folder: data/taxonomy.yaml, data/briefs/, seeds/."""

    seed_id = SEED_ID
    seed_file = SEED_FILE
    other_seed_id = OTHER_SEED_ID
    seed_text = SEED_TEXT
    quotes = QUOTES

    def __init__(self, root: Path):
        self.root = root
        self.layout = Layout(root=root)
        self.layout.briefs.mkdir(parents=True)
        self.layout.seeds.mkdir()
        self.layout.taxonomy.write_text(yaml.safe_dump(TAXONOMY, sort_keys=False, allow_unicode=True), encoding="utf-8")
        (self.layout.seeds / SEED_FILE).write_bytes(SEED_TEXT.encode("utf-8"))
        (self.layout.seeds / OTHER_SEED_FILE).write_bytes(SEED_TEXT.encode("utf-8"))
        self.seed_sha256 = sha256_text(SEED_TEXT)

    def span(self, span_id: str, quote_key: str, seed: str = SEED_ID) -> dict:
        quote = QUOTES[quote_key]
        start = SEED_TEXT.find(quote)
        assert start != -1, quote
        return {"id": span_id, "seed": seed, "start": start, "end": start + len(quote), "quote": quote}

    def brief(self, prefix: str = "alpha", seed: str = SEED_ID) -> dict:
        """A valid brief: three positions, two events, one impact, one judgment, eight evidence spans."""
        p = prefix
        seed_file = {SEED_ID: SEED_FILE, OTHER_SEED_ID: OTHER_SEED_FILE}[seed]

        def span(span_id: str, quote_key: str) -> dict:
            return self.span(span_id, quote_key, seed)

        data = {
            "id": p,
            "title": f"Brief {p}",
            "published": "2026-01-30",
            "seeds": [{"id": seed, "file": seed_file, "sha256": self.seed_sha256}],
            "references": [{"url": f"https://example.org/{p}", "note": "Original article"}],
            "positions": [
                {
                    "id": f"{p}-northland-ceasefire",
                    "party": "northland",
                    "issue": "ceasefire",
                    "stance": "firm-rejection",
                    "summary": "Northland rejects a ceasefire that freezes the front.",
                    "speaker": "north-minister",
                    "date": "2024-03-12",
                    "claim_type": "stated",
                    "confidence": "high",
                    "evidence": [span(f"{p}-ev-reject", "reject")],
                },
                {
                    "id": f"{p}-southland-ceasefire",
                    "party": "southland",
                    "issue": "ceasefire",
                    "stance": "support",
                    "summary": "Southland calls for a 60-day ceasefire.",
                    "speaker": "south-president",
                    "reported_by": "observers",
                    "date": "2022-21",
                    "claim_type": "reported",
                    "confidence": "medium",
                    "evidence": [span(f"{p}-ev-call", "call"), span(f"{p}-ev-repeated", "repeated")],
                },
                {
                    "id": f"{p}-southland-energy",
                    "party": "southland",
                    "issue": "energy-truce",
                    "stance": "conditional",
                    "summary": "An energy truce could follow if strikes stop.",
                    "claim_type": "assessment",
                    "confidence": "low",
                    "evidence": [span(f"{p}-ev-energy", "energy")],
                },
            ],
            "events": [
                {
                    "id": f"{p}-geneva-talks",
                    "title": "Geneva talks end without agreement",
                    "date": "2024-03-12",
                    "parties": ["northland", "southland"],
                    "issues": ["ceasefire"],
                    "status": "occurred",
                    "evidence": [span(f"{p}-ev-talks", "talks")],
                },
                {
                    "id": f"{p}-energy-talks",
                    "title": "Energy truce talks",
                    "after": "2024-03",
                    "before": "2024",
                    "date_note": "Expected after the Geneva round.",
                    "parties": ["mediators"],
                    "issues": ["energy-truce"],
                    "status": "proposed",
                    "summary": "Both sides said an energy truce could follow if strikes on power plants stop.",
                    "evidence": [span(f"{p}-ev-energy-event", "energy")],
                },
            ],
            "impacts": [
                {
                    "id": f"{p}-border-impact",
                    "region": "border-region",
                    "issues": ["ceasefire"],
                    "direction": "worsens",
                    "assessment": "The border region becomes less secure.",
                    "confidence": "medium",
                    "evidence": [span(f"{p}-ev-region", "region")],
                }
            ],
            "judgments": [
                {
                    "id": f"{p}-judgment",
                    "text": "An energy truce is more likely than a general ceasefire.",
                    "issues": ["energy-truce"],
                    "confidence": "low",
                    "evidence": [span(f"{p}-ev-unicode", "unicode")],
                }
            ],
        }
        return copy.deepcopy(data)

    def write(self, name: str, content: dict | list | str | bytes) -> Path:
        """Write a brief file into data/briefs/: a dict or list is dumped as YAML, str and bytes as they are."""
        path = self.layout.briefs / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path

    def neighbour(self) -> Path:
        """A valid brief ``beta`` on its own seed id, written as data/briefs/beta.yaml."""
        return self.write("beta.yaml", self.brief("beta", seed=OTHER_SEED_ID))

    def write_seed(self, name: str, content: str | bytes) -> Path:
        path = self.layout.seeds / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def load(self, paths: list[Path] | None = None) -> Corpus:
        return load_corpus(paths, layout=self.layout)

    def context(self) -> dict:
        """The validation context the loader passes to Brief.model_validate."""
        from briefing.schema import Taxonomy

        return {"taxonomy": Taxonomy.model_validate(TAXONOMY), "seed_texts": {SEED_ID: SEED_TEXT, OTHER_SEED_ID: SEED_TEXT}}
