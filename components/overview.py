"""Overview: links to the views, the escalation ladders, and about the sources: the briefs, editor's notes and counts."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from briefing.frames import each_row
from briefing.labels import published_words
from briefing.markdown import markdown_escape
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_WORDS
from components.context import PageContext
from components.data import Scope, view_cache
from components.evidence import evidence_quotes
from components.pages import OVERVIEW, navigation
from components.paging import page_of
from components.provenance import ILLUSTRATIVE_BADGE, contributing_briefs, markdown_badge


@view_cache
def issue_counts(scope: Scope) -> pd.DataFrame:
    """Positions, events, impacts and judgments per issue, in taxonomy order."""
    view = scope.view

    def tally(frame: pd.DataFrame, column: str, exploded: bool) -> pd.Series:
        values = frame[column].explode() if exploded else frame[column]
        return values.value_counts()

    counts = pd.DataFrame(
        {
            "Positions": tally(view.positions, "issue", False),
            "Events": tally(view.events, "issues", True),
            "Impacts": tally(view.impacts, "issues", True),
            "Judgments": tally(view.judgments, "issues", True),
        }
    )
    table = view.issues.set_index("id")[["label"]].join(counts).fillna(0)
    table = table.astype({c: int for c in counts.columns}).rename(columns={"label": "Issue"})
    return table[table[list(counts.columns)].sum(axis=1) > 0].reset_index(drop=True)


@view_cache
def party_counts(scope: Scope) -> pd.DataFrame:
    """Positions (by claim type) and events per party."""
    view = scope.view
    positions = view.positions.groupby(["party", "claim_type"]).size().unstack(fill_value=0)
    events = view.events["parties"].explode().value_counts().rename("Events")
    table = view.parties.set_index("id")[["name"]].join(positions).join(events).fillna(0)
    for claim in CLAIM_TYPES:
        if claim not in table:
            table[claim] = 0
    # the claim types by the words a reader meets after every name ("own words", "as reported", "analyst's reading")
    whose = {claim: words.whose[:1].upper() + words.whose[1:] for claim, words in CLAIM_TYPES.items()}
    table = table.rename(columns={"name": "Party", **whose})
    numeric = [*whose.values(), "Events"]
    table = table[["Party", *numeric]].astype({c: int for c in numeric})
    return table[table[numeric].sum(axis=1) > 0].reset_index(drop=True)


def about_the_sources(context: PageContext) -> None:
    """Each brief the view draws on: its title, author, date in words and kind; the source files (and hashes with the
    audit details)."""
    illustrative = context.frames.illustrative_briefs
    briefs = context.view.briefs[context.view.briefs["id"].isin(contributing_briefs(context.view))]
    for brief in each_row(page_of(briefs, "overview_brief_page", 5, "briefs")):
        with st.container(border=True):
            badge = markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) + " " if brief.id in illustrative else ""
            st.markdown(
                f"{badge}**{markdown_escape(brief.title)}**  \nPublished {published_words(brief.published)}"
                + (f" · {markdown_escape(brief.author)}" if brief.author else "")
            )
            if brief.provenance:
                st.markdown(markdown_escape(brief.provenance))
            references = f"{len(brief.references)} reference(s), not retrieved"
            if context.audit:  # file names, hashes and ids are audit details
                files = ", ".join(f"`{file}`" for file in brief.seed_files)
                hashes = ", ".join(f"`{digest[:12]}…`" for digest in brief.seed_sha256)
                st.caption(f"Source text {files} · sha256 {hashes} · {references} · brief `{brief.id}` in `{brief.file}`")
            else:
                st.caption(references.capitalize())


def view_links(context: PageContext) -> None:
    with st.container(horizontal=True, gap="medium"):  # one row that wraps, without a column block per link
        for page in [p for p in navigation(context.editing) if p is not OVERVIEW]:
            st.page_link(page.script, label=page.title, icon=page.icon, query_params=context.link_params(), width="content")


def counts_table(context: PageContext, title: str, count: Callable[[Scope], pd.DataFrame], empty: str) -> None:
    """A subheader and a table of counts under the current filter, computed once per filter."""
    st.subheader(title)
    counts = count(context.scope)
    if counts.empty:
        st.info(empty)
    else:
        st.table(counts, hide_index=True, border="horizontal")  # static HTML: no data-grid bundle to load


def illustrative_mark(context: PageContext, brief: str) -> str:
    """The illustrative badge after an item from a brief written in-house to show a feature; nothing otherwise."""
    return " " + markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) if brief in context.frames.illustrative_briefs else ""


def escalation_ladders(context: PageContext) -> None:
    """Each escalation ladder in view as one structure, lowest step first, each step with its hedge and evidence."""
    ladders = context.view.ladders
    for _ladder, steps in ladders.groupby("id", sort=False):
        first = steps.iloc[0]
        with st.container(border=True):
            st.markdown(
                f"**{markdown_escape(first['party_name'])}: {markdown_escape(first['title'])}**"
                + illustrative_mark(context, first["brief"])
            )
            st.caption(
                f"{first['claim_label']} · {CONFIDENCE_WORDS[first['ladder_confidence']]} · "
                f"in “{context.frames.brief_titles.get(first['brief'], first['brief'])}”"
            )
            for step in each_row(steps):
                st.markdown(
                    f"{step.step}. **{step.tier_label}:** {step.text} · {CONFIDENCE_WORDS[step.confidence]} · "
                    f"issues: {', '.join(step.issue_labels)}"
                )
                evidence_quotes(context, step.evidence, claim_label=step.tier_label)


def editor_notes(context: PageContext) -> None:
    """The editor's notes on the sources the view draws on, each with the passage it concerns."""
    notes = context.view.notes
    for row in each_row(notes[notes["brief"].isin(contributing_briefs(context.view))]):
        with st.container(border=True):
            st.markdown(f":material/edit_note: {markdown_escape(row.text)}" + illustrative_mark(context, row.brief))
            st.caption(f"On the source of “{context.frames.brief_titles.get(row.brief, row.brief)}”")
            evidence_quotes(context, row.evidence, claim_label="The passage the note concerns")
