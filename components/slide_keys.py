"""Briefing mode's step dots and keys: one dot per step, and the keys a presenter's clicker sends.

ArrowRight, PageDown and Space step forward; ArrowLeft, PageUp and Shift+Space back. The keys are heard on the whole
page but never while the focus is in a field, a list or an editable text, and never with Ctrl, Alt or Meta held, so
typing and the browser's own shortcuts keep working. At either end a key does nothing: the deck never wraps. A dot is
a button to its step; the current one is filled and larger, and says "current" to a screen reader.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

HTML = '<nav class="slide-dots" aria-label="Slides"><ol></ol></nav>'

CSS = """
.slide-dots ol { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; margin: 0; padding: 0.35rem 0;
  align-items: center; }
.slide-dots button { width: 2.1em; height: 2.1em; border-radius: 50%; border: 2px solid #3d3d3d; background: #ffffff;
  color: #3d3d3d; padding: 0; cursor: pointer; font: 600 clamp(18px, 2vh, 24px)/1 sans-serif; }
.slide-dots button[aria-current="step"] { background: #3d3d3d; color: #ffffff; width: 2.4em; height: 2.4em;
  box-shadow: 0 0 0 3px #ffffff, 0 0 0 5px #3d3d3d; }
@media (max-width: 640px) { .slide-dots button { font-size: 16px; } }
.slide-dots button:focus-visible { outline: 3px solid #1b6ac9; outline-offset: 2px; }
"""

JS = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const list = parentElement.querySelector(".slide-dots ol");
  const steps = data.steps;
  const current = data.current;
  const go = (index) => {
    if (index >= 0 && index < steps.length && index !== current) setTriggerValue("go", steps[index].id);
  };
  list.replaceChildren();
  steps.forEach((step, index) => {
    const item = document.createElement("li");
    const dot = document.createElement("button");
    dot.type = "button";
    dot.textContent = String(index + 1);
    dot.title = step.label;
    dot.setAttribute("aria-label", `Slide ${index + 1} of ${steps.length}: ${step.label}` +
      (index === current ? " (current)" : ""));
    if (index === current) dot.setAttribute("aria-current", "step");
    dot.addEventListener("click", () => go(index));
    item.appendChild(dot);
    list.appendChild(item);
  });
  const FIELDS = "input, textarea, select, [contenteditable=''], [contenteditable='true'], [role=combobox], " +
    "[role=listbox], [role=textbox], [role=slider], [role=grid]";
  const onKey = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    if (target && target.closest && target.closest(FIELDS)) return;
    let step = 0;
    if (event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !event.shiftKey)) step = 1;
    if (event.key === "ArrowLeft" || event.key === "PageUp" || (event.key === " " && event.shiftKey)) step = -1;
    if (!step) return;
    event.preventDefault();  // no scrolling, and no click of a focused button by Space as well as the step
    go(current + step);
  };
  // one listener per page, whichever run drew the dots last
  if (window.__briefingSlideKeys) document.removeEventListener("keydown", window.__briefingSlideKeys, true);
  window.__briefingSlideKeys = onKey;
  document.addEventListener("keydown", onKey, true);
  return () => {
    document.removeEventListener("keydown", onKey, true);
    if (window.__briefingSlideKeys === onKey) window.__briefingSlideKeys = null;
  };
}
"""

_slide_keys = st.components.v2.component("briefing.slide_keys", html=HTML, css=CSS, js=JS)


def slide_keys(steps: list[tuple[str, str]], current: int, *, key: str, on_go: Callable[[], None]) -> None:
    """Draw the dots of ``steps`` ((id, label) each) with ``current`` marked and listen for the keys; a step chosen
    by key or dot is in ``st.session_state[key]["go"]`` when ``on_go`` runs."""
    _slide_keys(
        key=key,
        data={"steps": [{"id": step, "label": label} for step, label in steps], "current": current},
        on_go_change=on_go,
    )
