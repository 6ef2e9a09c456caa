"""Negotiation space view: ranges on the stance scale per issue, the verdict and the evidence behind it."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from briefing.negotiation import STANCE_AT, VERDICTS, IssueVerdict
from briefing.schema import STANCES
from components.data import per_view
from components.evidence import evidence_quotes
from components.html import escape
from components.shell import PageContext

VERDICT_ICONS = {"overlap": "✔", "touching": "◐", "no-intersection": "✖", "insufficient": "?"}
RANGE_COLOURS = {"acceptable range": "#542788", "stance only": "#998ec3"}


def scale_ticks() -> tuple[list[int], list[str]]:
    ranks = sorted(STANCE_AT)
    return ranks, [f"{STANCES[STANCE_AT[r]][2]} {STANCES[STANCE_AT[r]][1]}" for r in ranks]


def range_figure(verdict: IssueVerdict) -> go.Figure:
    """Each party's range as a bar on the stance scale; the shared zone shaded, or the gap hatched."""
    placed = [r for r in verdict.ranges if r.low is not None]
    figure = go.Figure()
    for party_range in placed:
        figure.add_trace(go.Scatter(
            x=[party_range.low - 0.3, party_range.high + 0.3], y=[party_range.party_name] * 2, mode="lines+markers",
            line=dict(width=14, color=RANGE_COLOURS[party_range.source]), marker=dict(size=4, color="#000000"),
            name=party_range.source, showlegend=False,
            hovertemplate=f"{escape(party_range.party_name)}: {escape(party_range.source)}<extra></extra>",
        ))
    if verdict.verdict in ("overlap", "touching"):
        figure.add_vrect(x0=verdict.low - 0.45, x1=verdict.high + 0.45, fillcolor="#009E73", opacity=0.18, line_width=0,
                         annotation_text="shared", annotation_position="top left")
    elif verdict.verdict == "no-intersection":
        figure.add_vrect(x0=verdict.high + 0.45, x1=verdict.low - 0.45, fillcolor="#D55E00", opacity=0.12,
                         line=dict(color="#D55E00", dash="dot"), annotation_text="gap", annotation_position="top left")
    ticks, labels = scale_ticks()
    figure.update_layout(
        height=90 + 46 * max(1, len(placed)), margin=dict(l=10, r=10, t=30, b=10), plot_bgcolor="#ffffff",
        xaxis=dict(range=[-2.6, 2.6], tickvals=ticks, ticktext=labels, showgrid=True, zeroline=False),
        yaxis=dict(automargin=True),
    )
    return figure


def verdict_panel(context: PageContext, verdict: IssueVerdict) -> None:
    with st.container(border=True):
        st.subheader(context.issue_label(verdict.issue))
        st.markdown(f"**{VERDICT_ICONS[verdict.verdict]} {VERDICTS[verdict.verdict]}** — {verdict.explanation}")
        if any(r.low is not None for r in verdict.ranges):
            figure = per_view(f"negotiation-figure:{verdict.issue}", context.frames, context.selection,
                              lambda: range_figure(verdict))
            st.plotly_chart(figure, key=f"negotiation_{verdict.issue}", config={"displayModeBar": False})
        st.caption("Dark bar: a range the brief states · light bar: the party's stance alone, no flexibility assumed.")
        for party_range in verdict.ranges:
            if party_range.low is None:
                where = "ambiguous stance, not counted"
            elif party_range.low == party_range.high:
                where = STANCES[STANCE_AT[party_range.low]][1]
            else:
                where = f"{STANCES[STANCE_AT[party_range.low]][1]} to {STANCES[STANCE_AT[party_range.high]][1]}"
            with st.expander(f"{party_range.party_name}: {where} ({party_range.source})"):
                if party_range.red_line:
                    st.markdown(f"**Red line:** {party_range.red_line}")
                evidence_quotes(context, party_range.evidence, claim_label=f"Behind {party_range.party_name}'s placement")
