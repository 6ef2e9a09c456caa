"""Briefing mode: one issue at a time, in large type, with the sourced essentials."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.frames import Frames, each_row
from briefing.negotiation import IssueVerdict, issue_verdict
from briefing.readings import cell_readings
from briefing.schema import STANCES
from components.context import PageContext
from components.data import Scope, per_view
from components.evidence import evidence_quotes
from components.html import Markup, render_html
from components.provenance import markdown_badge

LARGE_TYPE = Markup(
    "<style>[data-testid=stMain] p, [data-testid=stMain] li{font-size:1.35rem;line-height:1.55}"
    "[data-testid=stMain] h1{font-size:3rem}[data-testid=stMain] h2{font-size:2.3rem}"
    "[data-testid=stMain] blockquote{font-size:1.2rem}</style>"
)


def large_type() -> None:
    render_html(LARGE_TYPE)


def slide_readings(view: Frames, issue: str) -> pd.DataFrame:
    """Each party's reading of one issue, by the cell rule every view uses."""
    return cell_readings(view.positions[view.positions["issue"] == issue])


def _slide_readings(scope: Scope, issue: str) -> pd.DataFrame:
    return slide_readings(scope.view, issue)


def _slide_verdict(scope: Scope, issue: str) -> IssueVerdict:
    return issue_verdict(scope.view.positions, issue, scope.view.judgments)


def issue_slide(context: PageContext, issue: str) -> None:
    """Stances, the negotiation verdict, judgments, events and regional effects for one issue."""
    view = context.view
    issue_row = context.frames.issues.set_index("id").loc[issue]
    st.header(issue_row["label"])
    st.markdown(f"*{issue_row['definition']}*")
    headline = per_view(_slide_readings, context, issue)
    if headline.empty:
        st.markdown("No party has a position on this issue in the current filter.")
    illustrative = context.frames.illustrative_briefs
    for row in each_row(headline):
        marks = " " + markdown_badge("contested", "orange") if row.contested else ""
        if row.brief in illustrative:
            marks += " " + markdown_badge("Illustrative", "orange")
        st.markdown(
            f"**{row.party_name}: {row.stance_symbol} {row.stance_label}** ({row.claim_label.lower()}, "
            f"confidence {row.confidence}){marks} — {row.summary}"
        )
        evidence_quotes(context, row.evidence[:1], claim_label=row.claim_label)
    verdict = per_view(_slide_verdict, context, issue)
    st.markdown(f"**Negotiation space: {verdict.label}** (confidence {verdict.confidence}). {verdict.explanation}")
    if verdict.contested_by:
        st.markdown("Contested by: " + ", ".join(verdict.contested_by))
    judgments = view.judgments[view.judgments["issues"].map(lambda issues: issue in issues)]
    if not judgments.empty:
        st.subheader("Key judgments")
        st.markdown("\n".join(f"- {text}" for text in judgments["text"].head(5)))
    events = view.events[view.events["issues"].map(lambda issues: issue in issues)]
    dated = events[events["date_start"].notna()].sort_values("date_start").tail(5)
    if not dated.empty:
        st.subheader("Recent events")
        st.markdown("\n".join(f"- **{row.date}** — {row.title} ({row.status})" for row in each_row(dated)))
    impacts = view.impacts[view.impacts["issues"].map(lambda issues: issue in issues)]
    if not impacts.empty:
        st.subheader("Regional effect")
        st.markdown("\n".join(f"- **{row.region_name}**: {row.direction_label.lower()} — {row.assessment}" for row in each_row(impacts)))
    st.caption(" · ".join(f"{symbol} {label}" for _rank, label, symbol in STANCES.values()))
