"""Source viewer: the seed text with every evidence span marked, a target span, and search hits."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from briefing.drafting.coverage import uncited_sentences
from briefing.frames import Frames, each_row
from briefing.vocabulary import ISSUE_INK
from components.assets import asset
from components.data import Scope, view_cache
from components.html import Markup, escape, render_script

TARGET_ID = "target-span"
TARGET_OPEN = Markup('<mark id="{anchor}" data-target="{ids}" style="outline:3px solid #111;background:#ffe58a;color:inherit">')
HIT_TEMPLATE = Markup('<span class="search-hit" style="background:#fff176;outline:1px solid #8a6d00">{t}</span>')
EVIDENCE_MARK = Markup('<mark data-evidence="{ids}" title="{title}" style="{style}">{piece}</mark>')
# a sentence no record cites: a dark dashed outline on white, never a stance's orange or purple nor the evidence's ink
UNCITED_MARK = Markup(
    '<span class="uncited" data-uncited="{where}" title="No record cites this sentence" '
    'style="background:#fff;outline:2px dashed #263238;outline-offset:1px;color:inherit">{piece}</span>'
)
CONTEXT_CHARS = 240
SEED_WIDGET = "source_seed"
SEED_OPENED_FOR = "source_seed_opened_for"  # the filter and target span the chooser last opened a text for


# issues are named, not coloured (orange and purple are the stances'): every cited passage is marked in one ink
MARK_STYLE = f"background:{ISSUE_INK}1f;border-bottom:3px solid {ISSUE_INK};color:inherit;padding:0 1px"


def find_hits(text: str, query: str | None, limit: int = 500) -> list[tuple[int, int]]:
    """Case-insensitive occurrences of a literal query."""
    if not query:
        return []
    matches = re.finditer(re.escape(query), text, flags=re.IGNORECASE)
    return [(m.start(), m.end()) for m, _ in zip(matches, range(limit), strict=False)]


def source_html(
    text: str,
    spans: pd.DataFrame,
    target: str | None = None,
    hits: Sequence[tuple[int, int]] = (),
    labels: Mapping[str, str] | None = None,
    uncited: Sequence[tuple[int, int]] = (),
) -> Markup:
    """The text cut at every span and hit boundary; each piece escaped and wrapped in <mark> where cited.

    A mark's tooltip names the records it supports by ``labels`` (record id to a reader's name), else by evidence id.

    The target span, however many pieces overlapping spans cut it into, sits whole inside one
    <mark id="target-span">, so the element scrolled to holds exactly the quote. ``uncited`` sentences (start, end)
    are outlined as no record's evidence.
    """
    intervals = [(int(s.start), int(s.end), s) for s in each_row(spans)]
    target_range = next(((a, z) for a, z, s in intervals if s.id == target), None)
    cuts = [(a, z) for a, z, _ in intervals] + list(hits) + list(uncited)
    bounds = sorted({0, len(text), *(b for cut in cuts for b in cut)})
    pieces: list[Markup] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        chunk = text[left:right]
        covering = [s for a, z, s in intervals if a <= left and right <= z]
        in_hit = any(a <= left and right <= z for a, z in hits)
        piece = HIT_TEMPLATE.format(t=chunk) if in_hit else escape(chunk)
        gap = next(((a, z) for a, z in uncited if a <= left and right <= z), None)
        if gap is not None:
            piece = UNCITED_MARK.format(where=f"{gap[0]}-{gap[1]}", piece=piece)
        if covering:
            ids = " ".join(s.id for s in covering)
            named = "; ".join(dict.fromkeys(labels.get(s.record_id, s.record_id) for s in covering)) if labels is not None else ""
            piece = EVIDENCE_MARK.format(
                ids=ids,
                title=f"Evidence: {named or ids}",
                piece=piece,
                style=MARK_STYLE,
            )
        if target_range and left == target_range[0]:
            pieces.append(TARGET_OPEN.format(anchor=TARGET_ID, ids=target))
        pieces.append(piece)
        if target_range and right == target_range[1]:
            pieces.append(Markup("</mark>"))
    return Markup(
        '<div class="source-text" style="white-space:pre-wrap;line-height:1.75;font-size:1.02rem;max-width:58rem">{body}</div>'
    ).format(body=Markup("").join(pieces))


def seed_coverage(frames: Frames, seed: str) -> tuple[int, int, list[tuple[int, int]]]:
    """How many of a text's sentences any record of any brief cites, of how many, and where the others are."""
    cited = frames.evidence[frames.evidence["seed"] == seed]
    cut, uncited = uncited_sentences(frames.seed_texts[seed], [(int(a), int(z)) for a, z in zip(cited["start"], cited["end"], strict=True)])
    return len(cut) - len(uncited), len(cut), [(s.start, s.end) for s in uncited]


def span_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote with some text either side, for the callout above the full text."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[start:end], text[end : end + CONTEXT_CHARS]


def scroll_to_target() -> None:
    """Scroll the page to the emphasised span once it is drawn."""
    render_script(target_script())


def target_script() -> str:
    """The script that scrolls to the emphasised span: components/assets/scroll_to_target.js called with its id."""
    return f"{asset('scroll_to_target.js').strip()}({json.dumps(TARGET_ID)});"


@view_cache
def spans_of_seed(scope: Scope, seed: str) -> pd.DataFrame:
    """The filtered view's evidence spans in one source text."""
    evidence = scope.view.evidence
    return evidence[evidence["seed"] == seed]


@view_cache
def spans_per_seed(scope: Scope) -> dict[str, int]:
    """How many of the filtered view's evidence spans each source text holds, every text named (0 where none)."""
    counts = scope.view.evidence.groupby("seed").size().to_dict()  # a Series.get per text took 0.2 s at 1,000 briefs
    return {seed: int(counts.get(seed, 0)) for seed in scope.frames.seed_texts}


def seed_titles(frames: Frames) -> dict[str, str]:
    """Each source text named by the title of the brief that cites it, an illustrative one marked as such."""
    titles: dict[str, str] = {}
    for brief in each_row(frames.briefs):
        for seed in brief.seeds:
            illustrative = " (illustrative)" if brief.id in frames.illustrative_briefs else ""
            titles.setdefault(seed, f"{brief.title}{illustrative}")
    return {seed: titles.get(seed, seed) for seed in frames.seed_texts}


def opening_seed(frames: Frames, counts: dict[str, int]) -> str:
    """The text the viewer opens on without a target span: the one holding most of the view's evidence; on a tie
    a text of a brief that is not illustrative, then the first."""
    illustrative = {seed for brief in each_row(frames.briefs) if brief.id in frames.illustrative_briefs for seed in brief.seeds}
    order = list(frames.seed_texts)
    return min(order, key=lambda seed: (-counts.get(seed, 0), seed in illustrative, order.index(seed)))


def open_seed(seed: str) -> None:
    """Switch the chooser to this text (the button under a text that holds none of the view's evidence)."""
    st.session_state[SEED_WIDGET] = seed
