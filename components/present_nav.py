"""Briefing mode's steps: which step the link names, and the bar that moves between them (dots, keys, Previous,
Next, Exit). The step lives in the link as ``topic``: an issue id, or ``opening`` / ``one-sided`` / ``closing``; an issue
folded into the one-sided slide opens that slide with the issue marked."""

from __future__ import annotations

import streamlit as st

from briefing.deck import ONE_SIDED, Deck, deck
from briefing.presenting import CLOSING, OPENING
from components.context import PageContext
from components.data import Scope, view_cache
from components.filters import filter_params
from components.negotiation import view_verdicts_of
from components.pages import OVERVIEW
from components.slide_keys import slide_keys

STEP_PARAM = "topic"
DOTS_KEY = "present_dots"
SHOWN_FILTER_KEY = "present_shown_filter"  # the filter of the session's last slide
STEP_NAMES = {OPENING: "Bottom line", ONE_SIDED: "Where only one side is on record", CLOSING: "Summary and questions"}


@view_cache
def slide_deck(scope: Scope) -> Deck:
    """The slides of the filtered view (briefing.deck's rule), once per data version and filter, from the view's
    verdicts, which the bottom line, every slide and the negotiation space share (view_verdicts_of)."""
    return deck(scope.view, scope.selection.issues, view_verdicts_of(scope))


def marked_issue(context: PageContext, deck: Deck) -> str | None:
    """The folded issue the link names, marked on the one-sided slide."""
    wanted = context.params.get(STEP_PARAM)
    return wanted if wanted in deck.folded else None


def _filter_changed(context: PageContext) -> bool:
    """Whether the filter changed since this session's last slide: a topic it drops was the briefer's own choice."""
    now = (context.selection.issues, context.selection.parties, context.selection.briefs)
    before = st.session_state.get(SHOWN_FILTER_KEY)
    st.session_state[SHOWN_FILTER_KEY] = now
    return before is not None and before != now


def current_step(context: PageContext, deck: Deck) -> int:
    """The step the link names; the opening if it names none, or an issue outside the filter: with a notice when a
    link named it, silently when the briefer has just changed the filter (the new filter's bottom line comes first)."""
    wanted = context.params.get(STEP_PARAM)
    changed = _filter_changed(context)
    if wanted is None:
        return 0
    index = deck.index_of(wanted)
    if index is not None:
        return index
    if not changed:
        st.warning(
            f"The link's topic “{context.issue_label(wanted)}” is not among the issues in view; showing the bottom line.",
            icon=":material/link_off:",
        )
    return 0


def _go(step: str) -> None:
    st.query_params[STEP_PARAM] = step


def _go_chosen(steps: tuple[str, ...]) -> None:
    chosen = (st.session_state.get(DOTS_KEY) or {}).get("go")
    if chosen in steps:
        st.query_params[STEP_PARAM] = chosen


def step_label(context: PageContext, step: str) -> str:
    return STEP_NAMES.get(step) or context.issue_label(step)


def step_bar(context: PageContext, steps: tuple[str, ...], index: int, marked: str | None = None) -> None:
    """Dots (which also hear the keys), Previous, Next and Exit on one line; never a wrap from the end to the start.
    The link keeps a marked folded issue as its topic, so it opens the same slide with the same mark."""
    st.query_params[STEP_PARAM] = marked or steps[index]
    bar = st.container(key="present_bar")
    dots, previous, following, leave = bar.columns([6, 1.3, 1.3, 1], vertical_alignment="center", gap="small")
    with dots:
        leaving = slide_keys(
            [(step, step_label(context, step)) for step in steps],
            index,
            key=DOTS_KEY,
            on_go=lambda: _go_chosen(steps),
            filter_key=" ".join(f"{name}={value}" for name, values in filter_params(context.selection).items() for value in values),
        )
    if leaving:  # Escape: the same place as Exit
        st.switch_page(OVERVIEW.script, query_params=context.link_params())
    first, last = index == 0, index == len(steps) - 1
    previous.button(
        "◀ Previous",
        key="present_previous",
        on_click=_go,
        args=(steps[max(index - 1, 0)],),
        disabled=first,
        width="stretch",
        help=None if first else f"Back to {step_label(context, steps[index - 1])} (←, Page Up)",
    )
    following.button(
        "End" if last else "Next ▶",
        key="present_next",
        on_click=_go,
        args=(steps[min(index + 1, len(steps) - 1)],),
        disabled=last,
        width="stretch",
        help=None if last else f"On to {step_label(context, steps[index + 1])} (→, Page Down, Space)",
    )
    leave.page_link(
        OVERVIEW.script, label="Exit", icon=":material/close:", query_params=context.link_params(), help="Back to the overview (Esc)"
    )
