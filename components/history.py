"""Stance history across briefs: what changed, when, and the evidence on both sides."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.frames import each_row
from briefing.history import BriefAuthors, stance_by_brief, stance_changes
from briefing.labels import published_words
from briefing.readings import cell_readings
from briefing.vocabulary import CLAIM_TYPES, STANCES
from components.context import PageContext
from components.data import Scope, cell_cache, view_cache
from components.evidence import evidence_quotes
from components.pages import page
from components.paging import page_of
from components.provenance import ILLUSTRATIVE_BADGE, markdown_badge

HISTORY_STEPS = 12  # the latest briefs listed per claim type; a thousand briefs would make an unreadable list


@view_cache
def view_stance_changes(scope: Scope) -> pd.DataFrame:
    return stance_changes(scope.view.positions, scope.frames.briefs)


def change_list(context: PageContext) -> None:
    """Every change of stance between briefs under the current filter, with both sides' evidence."""
    changes = view_stance_changes(context.scope)
    if changes.empty:
        st.caption("No stance changes between briefs under the current filter.")
        return
    titles = context.frames.brief_titles
    for change in each_row(page_of(changes, "overview_change_page", 10, "stance changes")):
        arrow = f"{STANCES[change.from_stance].label} → {STANCES[change.to_stance].label}"
        label = f"{change.party_name} · {change.issue_label} ({CLAIM_TYPES[change.claim_type].label.lower()}): {arrow}, {change.reading}"
        expander = st.expander(
            label, key=f"change_{change.party}_{change.issue}_{change.claim_type}_{change.from_brief}_{change.to_brief}", on_change="rerun"
        )
        if not expander.open:  # lazy, like the key judgments: both sides' evidence only while open
            continue
        with expander:
            before, after = st.columns(2)
            with before:
                st.markdown(f"**Before** — {titles[change.from_brief]}, {published_words(change.from_published)}")
                evidence_quotes(context, change.from_evidence, claim_label=CLAIM_TYPES[change.claim_type].label)
            with after:
                st.markdown(f"**After** — {titles[change.to_brief]}, {published_words(change.to_published)}")
                evidence_quotes(context, change.to_evidence, claim_label=CLAIM_TYPES[change.claim_type].label)
            st.page_link(
                page("matrix").script,
                label="Open the cell in the matrix",
                icon=":material/grid_on:",
                query_params=context.link_params(cell=f"{change.party}:{change.issue}"),
            )


@cell_cache
def cell_history_text(scope: Scope, party: str, issue: str, audit: bool = False) -> list[str]:
    """One Markdown block per claim type: the stance in each of the latest briefs, marked changed or unchanged."""
    positions = scope.view.positions
    cell = positions[(positions["party"] == party) & (positions["issue"] == issue)]
    if cell["brief"].nunique() < 2:
        return []
    sequence = stance_by_brief(cell, scope.frames.briefs)
    titles = scope.frames.brief_titles
    illustrative = scope.frames.illustrative_briefs
    authors = BriefAuthors(scope.frames.briefs)
    blocks = []
    for claim_type, rows in sequence.groupby("claim_type", sort=False):
        steps = []
        previous = None
        for row in each_row(rows):
            marker = ""
            if previous is not None:
                _same, reading = authors.later_reading(previous.brief, row.brief)
                marker = f" ({'changed' if row.stance != previous.stance else 'unchanged'}: {reading})"
            badge = " " + markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) if row.brief in illustrative else ""
            steps.append(f"{row.stance_symbol} {row.stance_label}{marker} — *{titles[row.brief]}*, {published_words(row.published)}{badge}")
            previous = row
        earlier = len(steps) - HISTORY_STEPS
        shown = "\n".join(f"1. {step}" for step in steps[-HISTORY_STEPS:])
        note = f"\n\n*{earlier:,} earlier brief(s) not listed.*" if earlier > 0 else ""
        blocks.append(f"**{CLAIM_TYPES[str(claim_type)].label}:**{note}\n\n{shown}")
    head = next(each_row(cell_readings(cell)))
    contested = "; contested" if head.contested else ""
    record = scope.frames.record_label(head.headline) + (f" · {head.headline}" if audit else "")
    blocks.insert(
        0,
        f"Headline of the cell across briefs, as in every view: **{head.stance_symbol} {head.stance_label}** — "
        f"{record}{contested}. Each brief's own reading, by claim type:",
    )
    return blocks


@cell_cache
def cell_history_briefs(scope: Scope, party: str, issue: str) -> int:
    """How many briefs speak to the cell."""
    positions = scope.view.positions
    return int(positions.loc[(positions["party"] == party) & (positions["issue"] == issue), "brief"].nunique())


HISTORY_KEY = "matrix_history"


def cell_history(context: PageContext, party: str, issue: str) -> None:
    """The stance in each brief for one cell, when more than one brief speaks to it: on demand, below the cards.

    Lazy, like the share box: a closed expander sends nothing more, where the history of a cell that hundreds of
    briefs speak to (up to three lists of twelve) was the most of what a filter change redrew on a full page."""
    briefs = cell_history_briefs(context.scope, party, issue)
    if briefs < 2:
        return
    history = st.expander(f"Stance history across {briefs:,} briefs", icon=":material/history:", key=HISTORY_KEY, on_change="rerun")
    if not history.open:
        return
    with history:
        st.markdown("\n\n".join(cell_history_text(context.scope, party, issue, context.audit)))
