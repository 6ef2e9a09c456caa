"""Id collisions at `new` and `fill` time: the ids a brief shares with other briefs, and a prefix of its own to give
them (the initials of the brief id's words, lengthened until no other brief's ids start with it)."""

from __future__ import annotations

from pathlib import Path

from briefing.load import Layout, load_corpus
from briefing.schema import Brief


def brief_ids(brief: Brief) -> set[str]:
    """Every record and evidence id of a brief."""
    return {record.id for _field, _index, record in brief.records()} | {span.id for span in brief.evidence()}


def prefixes_in_use(briefs: list[Brief]) -> set[str]:
    """The evidence-id prefixes other briefs use: the part of each id before its first hyphen."""
    return {span.id.split("-")[0] for brief in briefs for span in brief.evidence()}


def suggest_prefix(brief_id: str, taken: set[str]) -> str:
    """The initials of the brief id's words ("lavrov-red-line-2026-01" → "lrl"; of one word, its first three letters),
    made longer until no brief uses it."""
    words = [word for word in brief_id.split("-") if word and not word.isdigit()] or [brief_id]
    prefix = "".join(word[0] for word in words)
    if len(prefix) < 2:  # one word: its first letters ("minister-2026" → "min"), not a lone initial
        prefix = words[0][:3]
    extra = 1
    while prefix in taken and extra < len(words[-1]):
        prefix = "".join(word[0] for word in words[:-1]) + words[-1][: extra + 1]
        extra += 1
    return prefix


def collision_lines(brief_id: str, layout: Layout, compiled: Path | None = None) -> list[str]:
    """Warnings for the ids this brief shares with other briefs, each with the prefix to use; at `new` (no records
    yet), the prefix to start with."""
    corpus = load_corpus(layout=layout, compiled=compiled)
    others = [brief for brief in corpus.briefs if brief.id != brief_id]
    taken = prefixes_in_use(others)
    prefix = suggest_prefix(brief_id, taken)
    own = next((brief for brief in corpus.briefs if brief.id == brief_id), None)
    if own is None or not brief_ids(own):  # a brief not yet written, or `new`'s skeleton
        used = ", ".join(f"{p}-" for p in sorted(taken)) or "none"
        return [f"ids: start this brief's record and evidence ids with {prefix}- (prefixes other briefs use: {used})"]
    lines = []
    for other in others:
        shared = sorted(brief_ids(own) & brief_ids(other))
        if shared:
            named = ", ".join(shared[:5]) + (f" and {len(shared) - 5} more" if len(shared) > 5 else "")
            lines.append(
                f"warning: {brief_id} uses {len(shared)} id(s) brief {other.id} also uses ({named}): "
                f"rename them with the prefix {prefix}- (e.g. {prefix}-{shared[0]})"
            )
    return lines
