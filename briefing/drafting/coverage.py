"""Coverage: which sentences of a brief's sources no record cites ("41 of 63 sentences cited").

A sentence is cited when any evidence span of the brief (a record's, a red line's, a range's, a ladder step's or an
editor's note's) overlaps it. Headings count as sentences: a heading an analyst chose not to cite is still text
the brief leaves out, and the figure says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from briefing.drafting.text import Sentence, sentences
from briefing.schema import Brief, Evidence


@dataclass(frozen=True)
class Coverage:
    """One seed of one brief: its sentences and those no evidence span of the brief touches."""

    brief: str
    seed: str
    sentences: tuple[Sentence, ...]
    uncited: tuple[Sentence, ...]

    @property
    def cited(self) -> int:
        return len(self.sentences) - len(self.uncited)

    def words(self) -> str:
        return f"{self.brief} ({self.seed}): {self.cited} of {len(self.sentences)} sentences cited"


def evidence_of(node: object) -> Iterator[Evidence]:
    """Every evidence span inside a model, however deep (red lines, ranges, ladder steps)."""
    if isinstance(node, Evidence):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from evidence_of(getattr(node, name))
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from evidence_of(item)


def uncited_sentences(text: str, cited: list[tuple[int, int]]) -> tuple[list[Sentence], list[Sentence]]:
    """The text's sentences, and those no cited interval (start, end) overlaps."""
    cut = sentences(text)
    return cut, [s for s in cut if not any(start < s.end and s.start < end for start, end in cited)]


def coverage(brief: Brief, seed_texts: dict[str, str]) -> list[Coverage]:
    """The coverage of each seed the brief declares and the corpus could read."""
    spans = list(evidence_of(brief))
    found = []
    for seed in brief.seeds:
        text = seed_texts.get(seed.id)
        if text is None:
            continue
        own = [(span.start, span.end) for span in spans if span.seed in (seed.id, None)]
        cut, uncited = uncited_sentences(text, own)
        found.append(Coverage(brief.id, seed.id, tuple(cut), tuple(uncited)))
    return found
