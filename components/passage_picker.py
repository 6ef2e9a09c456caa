"""The source text as a selectable passage picker: a bidirectional component (st.components.v2, inline, no build).

The text reaches the page only as the component's data, and the script builds it from text nodes
(``createTextNode``, ``textContent``, ``title``), never as markup, so nothing in a seed or an id can become HTML.
A selection made with the mouse or the keyboard (the text takes a caret, edits are refused) comes back as UTF-16
offsets with the selected string; ``briefing.passages`` turns them into Python indices and checks them against it.
Clicking a highlight, or pressing Enter in one, opens its record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from briefing.frames import each_row
from briefing.passages import Passage, from_selection
from briefing.vocabulary import ISSUE_INK
from components.assets import asset

HTML, CSS, JS = (asset(f"passage_picker.{kind}") for kind in ("html", "css", "js"))

_picker = st.components.v2.component("briefing_passage_picker", html=HTML, css=CSS, js=JS, isolate_styles=False)


def picker_pieces(
    text: str, spans: pd.DataFrame, chosen: tuple[int, int] | None = None, suggested: Sequence[tuple[int, int]] = ()
) -> list[dict]:
    """The text cut at every span and at the chosen passage's bounds: each piece with the ids of the spans over it
    (innermost first), the one issue ink when it is coded (issues are named, not coloured), whether it is part of
    the chosen passage, and whether a suggestion (components/suggestions.py) quotes it."""
    intervals = [(int(s.start), int(s.end), s.id) for s in each_row(spans) if 0 <= int(s.start) < int(s.end) <= len(text)]
    bounds = sorted({0, len(text), *(b for a, z, _i in intervals for b in (a, z)), *(chosen or ()), *(b for gap in suggested for b in gap)})
    pieces = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        covering = sorted((z - a, span_id) for a, z, span_id in intervals if a <= left and right <= z)
        pieces.append(
            {
                "t": text[left:right],
                "ids": [span_id for _length, span_id in covering],
                "colour": ISSUE_INK if covering else "",
                "chosen": chosen is not None and chosen[0] <= left and right <= chosen[1],
                "suggested": any(a <= left and right <= z for a, z in suggested),
            }
        )
    return pieces


@dataclass(frozen=True)
class PickerEvents:
    """What the analyst did in the picker on this run: a new selection, or a highlight opened."""

    selection: Passage | None = None
    unmatched: bool = False  # a selection came back that does not match the text: not used
    opened: tuple[str, ...] = ()


def passage_picker(
    seed: str, text: str, spans: pd.DataFrame, chosen: tuple[int, int] | None, key: str, suggested: Sequence[tuple[int, int]] = ()
) -> PickerEvents:
    """Draw the picker for one seed and return what happened in it since the last run."""
    pieces = picker_pieces(text, spans, chosen, suggested)
    version = hashlib.sha256(json.dumps([seed, pieces], ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    result = _picker(
        key=key,
        data={"pieces": pieces, "version": version, "chosen": f"{seed}:{chosen}"},
        default={"selection": None},
        on_selection_change=lambda: None,
        on_open_change=lambda: None,
    )
    events = PickerEvents()
    selection = result.get("selection")
    handled = f"{key}-handled"
    if isinstance(selection, dict) and selection.get("at") != st.session_state.get(handled):
        st.session_state[handled] = selection.get("at")
        passage = _passage(seed, text, selection)
        events = PickerEvents(selection=passage, unmatched=passage is None)
    opened = result.get("open")
    if isinstance(opened, list) and all(isinstance(item, str) for item in opened):
        events = PickerEvents(events.selection, events.unmatched, tuple(opened))
    return events


def _passage(seed: str, text: str, selection: dict) -> Passage | None:
    start, end, selected = selection.get("start"), selection.get("end"), selection.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(selected, str)):
        return None
    return from_selection(seed, text, start, end, selected)


def spans_of(evidence: pd.DataFrame, seed: str) -> pd.DataFrame:
    """The evidence spans that quote one seed."""
    return evidence[evidence["seed"] == seed]
