"""Checking named brief files against the whole corpus."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefing.load import Corpus, Layout, load_corpus
from briefing.schema import Brief


def check_files(paths: list[Path], layout: Layout, compiled: Path | None = None) -> tuple[Corpus, list[str]]:
    """Load the named briefs after every other brief in the layout, so a brief id clash is reported against a named file.

    Returns the corpus limited to the named files (and the taxonomy), and the other briefs that could not be
    loaded: their ids could not be checked against.
    """
    named = {path.resolve() for path in paths}
    others = [path for path in layout.brief_paths() if path.resolve() not in named]
    corpus = load_corpus([*others, *paths], layout=layout, compiled=compiled)
    names = {layout.display(path) for path in paths}
    keep = {*names, layout.display(layout.taxonomy)}
    skipped = sorted({p.file for p in corpus.problems if p.file not in keep})
    files = {brief_id: file for brief_id, file in corpus.brief_files.items() if file in names}
    return dataclasses.replace(
        corpus,
        briefs=tuple(b for b in corpus.briefs if b.id in files),
        problems=tuple(p for p in corpus.problems if p.file in keep),
        warnings=tuple(w for w in corpus.warnings if w.file in names),
        brief_files=files,
    ), skipped


def ok_line(corpus: Corpus, brief: Brief) -> str:
    """The line validation prints for a brief that loaded cleanly."""
    spans = sum(1 for _ in brief.evidence())
    return (
        f"ok {corpus.brief_files[brief.id]}: {len(brief.positions)} positions, {len(brief.events)} events, "
        f"{len(brief.impacts)} impacts, {len(brief.judgments)} judgments, {spans} evidence spans verified"
    )
