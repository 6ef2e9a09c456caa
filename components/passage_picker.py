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

TESTID = "passage-picker"

HTML = f"""<div class="wb-source" data-testid="{TESTID}" contenteditable="true" spellcheck="false" inputmode="none"
role="textbox" aria-readonly="true" aria-multiline="true"
aria-label="Source text. Select a passage with the mouse, or with Shift and the arrow keys, to code it."></div>"""

CSS = """
.wb-source { white-space: pre-wrap; line-height: 1.75; font-size: 1.02rem; max-height: 62vh; overflow-y: auto;
  padding: 0.75rem 1rem; border: 1px solid rgba(49, 51, 63, 0.25); border-radius: 0.5rem; position: relative;
  overflow-wrap: anywhere; }
.wb-source:focus-visible { outline: 3px solid #1c6dd0; outline-offset: 2px; }
.wb-source mark { color: inherit; padding: 0 1px; cursor: pointer;
  background: color-mix(in srgb, var(--wb-colour, #777777) 18%, transparent);
  border-bottom: 3px solid var(--wb-colour, #777777); }
.wb-source .wb-chosen { background: #ffe58a; outline: 2px solid #111111; }
.wb-source .wb-suggested { outline: 2px dashed #263238; outline-offset: 1px; }
"""

JS = """
function snapped(text, offset, forward) {
  // never split a character made of two UTF-16 units
  const code = text.charCodeAt(offset - 1);
  if (offset > 0 && offset < text.length && code >= 0xd800 && code <= 0xdbff) return forward ? offset + 1 : offset - 1;
  return offset;
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector('.wb-source');
  if (!root || !data) return;
  if (root.dataset.version !== data.version) {
    const nodes = [];
    for (const piece of data.pieces) {
      let node = document.createTextNode(piece.t);
      if (piece.suggested) {
        const suggested = document.createElement('span');
        suggested.className = 'wb-suggested';
        suggested.title = 'A suggestion: see Suggestions from the text';
        suggested.append(node);
        node = suggested;
      }
      if (piece.chosen) {
        const chosen = document.createElement('span');
        chosen.className = 'wb-chosen';
        chosen.dataset.testid = 'chosen-passage';
        chosen.append(node);
        node = chosen;
      }
      if (piece.ids.length) {
        const mark = document.createElement('mark');
        mark.dataset.evidence = piece.ids.join(' ');
        mark.title = 'Evidence ' + piece.ids.join(', ') + ': click to open its record';
        if (/^#[0-9a-fA-F]{6}$/.test(piece.colour)) mark.style.setProperty('--wb-colour', piece.colour);
        mark.append(node);
        node = mark;
      }
      nodes.push(node);
    }
    root.replaceChildren(...nodes);
    root.dataset.version = data.version;
    const chosen = root.querySelector('.wb-chosen');
    if (chosen && root.dataset.scrolledTo !== data.chosen) {
      root.dataset.scrolledTo = data.chosen;
      root.scrollTop = Math.max(0, chosen.offsetTop - root.clientHeight / 3);
    }
  }

  const before = (node, offset) => {
    // UTF-16 units of the text before a boundary point, clamped to the text
    const range = document.createRange();
    range.selectNodeContents(root);
    let place;
    try { place = range.comparePoint(node, offset); } catch (error) { return null; }
    if (place < 0) return 0;
    if (place > 0) return root.textContent.length;
    range.setEnd(node, offset);
    return range.toString().length;
  };

  const report = () => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(root)) return;
    const text = root.textContent;
    const start = before(range.startContainer, range.startOffset);
    const end = before(range.endContainer, range.endOffset);
    if (start === null || end === null) return;
    const first = snapped(text, start, false);
    const last = snapped(text, end, true);
    if (last <= first) return;
    setStateValue('selection', { start: first, end: last, text: text.slice(first, last), at: Date.now() });
  };

  let pressed = false;
  let timer = null;
  const later = (delay) => { clearTimeout(timer); timer = setTimeout(report, delay); };
  const onDown = () => { pressed = true; };
  const onUp = () => { if (pressed) { pressed = false; later(0); } };
  const onKey = (event) => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
    if (event.type === 'keyup' && (event.shiftKey || keys.includes(event.key) || event.key === 'Shift' ||
        (event.key === 'a' && (event.ctrlKey || event.metaKey)))) later(400);
    if (event.type === 'keydown' && event.key === 'Enter') {
      event.preventDefault();
      const selection = document.getSelection();
      const at = selection && selection.anchorNode;
      const mark = at && (at.nodeType === 1 ? at : at.parentElement).closest('mark');
      if (mark && root.contains(mark)) setTriggerValue('open', mark.dataset.evidence.split(' '));
    }
  };
  const onClick = (event) => {
    const selection = document.getSelection();
    const mark = event.target.closest && event.target.closest('mark');
    if (mark && root.contains(mark) && (!selection || selection.isCollapsed)) {
      setTriggerValue('open', mark.dataset.evidence.split(' '));
    }
  };
  // the text takes a caret so that the keyboard can select, but it is never edited
  const refuse = (event) => event.preventDefault();
  const restore = () => { root.dataset.version = ''; };
  root.addEventListener('mousedown', onDown);
  document.addEventListener('mouseup', onUp);
  root.addEventListener('keyup', onKey);
  root.addEventListener('keydown', onKey);
  root.addEventListener('click', onClick);
  for (const name of ['beforeinput', 'paste', 'cut', 'drop', 'dragstart']) root.addEventListener(name, refuse);
  root.addEventListener('input', restore);
  return () => {
    clearTimeout(timer);
    root.removeEventListener('mousedown', onDown);
    document.removeEventListener('mouseup', onUp);
    root.removeEventListener('keyup', onKey);
    root.removeEventListener('keydown', onKey);
    root.removeEventListener('click', onClick);
    for (const name of ['beforeinput', 'paste', 'cut', 'drop', 'dragstart']) root.removeEventListener(name, refuse);
    root.removeEventListener('input', restore);
  };
}
"""

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
