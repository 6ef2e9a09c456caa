"""Position matrix: parties × issues, stance by colour and by symbol, details with evidence."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from briefing.schema import STANCES
from components.data import per_view
from components.evidence import evidence_quotes
from components.html import escape, label_margin, wrap_label
from components.paging import page_of
from components.shell import PageContext

NO_POSITION = "no stated position"
CLAIM_PRIORITY = {"stated": 0, "reported": 1, "assessment": 2}
CONFIDENCE_PRIORITY = {"high": 0, "medium": 1, "low": 2}
# Purple–orange diverging scale (ColorBrewer PuOr): safe for the common colour-vision deficiencies;
# symbols carry the stance too, so greyscale prints stay readable.
STANCE_COLOURS = {
    "firm-rejection": ("#b35806", "#ffffff"),
    "rejection": ("#f1a340", "#000000"),
    "conditional": ("#d9d9d9", "#000000"),
    "support": ("#998ec3", "#000000"),
    "firm-support": ("#542788", "#ffffff"),
    "ambiguous": ("#fff2ae", "#000000"),
    None: ("#ffffff", "#555555"),
}
STANCE_ORDER = [*STANCES, None]


def headline_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """One position per party × issue: stated before reported before assessment, then the latest, then the surest."""
    if positions.empty:
        return positions.assign(others=pd.Series(dtype=int))
    ranked = positions.assign(
        _claim=positions["claim_type"].map(CLAIM_PRIORITY),
        _confidence=positions["confidence"].map(CONFIDENCE_PRIORITY),
    ).sort_values(["_claim", "date_end", "_confidence"], ascending=[True, False, True], kind="stable", na_position="last")
    counts = positions.groupby(["party", "issue"]).size().rename("count")
    headline = ranked.drop_duplicates(["party", "issue"]).drop(columns=["_claim", "_confidence"])
    headline = headline.join(counts, on=["party", "issue"])
    return headline.assign(others=headline["count"] - 1).drop(columns="count")


def matrix_axes(context: PageContext) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Rows: parties with any position (or the filtered parties); columns: issues (or the filtered issues)."""
    frames, selection = context.frames, context.selection
    with_positions = set(frames.positions["party"])
    parties = [
        (pid, name) for pid, name in zip(frames.parties["id"], frames.parties["name"], strict=True)
        if ((pid in selection.parties) if selection.parties else (pid in with_positions))
    ]
    issues = [
        (iid, label) for iid, label in zip(frames.issues["id"], frames.issues["label"], strict=True)
        if not selection.issues or iid in selection.issues
    ]
    return parties, issues


def matrix_figure(headline: pd.DataFrame, parties: list[tuple[str, str]], issues: list[tuple[str, str]]) -> go.Figure:
    """Heatmap of stance codes with a symbol, label and claim type written in every cell."""
    cells = {(row.party, row.issue): row for row in headline.itertuples(index=False)}
    x_labels = [wrap_label(label) for _id, label in issues]
    z, hover, texts, inks = [], [], [], []
    for party_id, party_name in parties:
        z_row, hover_row = [], []
        for issue_id, issue_label in issues:
            row = cells.get((party_id, issue_id))
            stance = row.stance if row is not None else None
            z_row.append(STANCE_ORDER.index(stance) + 0.5)  # bin centre in the stepped colour scale
            ink = STANCE_COLOURS[stance][1]
            if row is None:
                text, hover_row_text = NO_POSITION, f"{escape(party_name)} · {escape(issue_label)}<br>{NO_POSITION}"
            else:
                _rank, label, symbol = STANCES[stance]
                more = f" +{row.others}" if row.others else ""
                text = f"{symbol} {wrap_label(label)}<br><i>{row.claim_type}</i>{more}"
                hover_row_text = (f"{escape(party_name)} · {escape(issue_label)}<br><b>{label}</b> "
                                  f"({row.claim_type}, {row.confidence})<br>{escape(row.summary)}")
            texts.append(text)
            inks.append(ink)
            hover_row.append(hover_row_text)
        z.append(z_row)
        hover.append(hover_row)
    steps = len(STANCE_ORDER)
    colorscale = []
    for index, stance in enumerate(STANCE_ORDER):
        colour = STANCE_COLOURS[stance][0]
        colorscale += [[index / steps, colour], [(index + 1) / steps, colour]]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=x_labels,
            y=[escape(name) for _id, name in parties],
            customdata=[[f"{p}:{i}" for i, _l in issues] for p, _n in parties],
            colorscale=colorscale,
            zmin=0,
            zmax=steps,
            showscale=False,
            xgap=3,
            ygap=3,
            hoverinfo="skip",
        )
    )
    # One trace writes every cell's words (cheaper to draw than an annotation per cell) and, since heatmap cells
    # raise no selection events in Streamlit, carries an almost invisible square marker per cell to click.
    figure.add_trace(
        go.Scatter(
            x=[x for _p in parties for x in x_labels],
            y=[escape(name) for _id, name in parties for _x in x_labels],
            customdata=[f"{p}:{i}" for p, _n in parties for i, _l in issues],
            text=texts,
            textposition="middle center",
            textfont=dict(color=inks, size=11),
            hovertext=[text for row in hover for text in row],
            hovertemplate="%{hovertext}<extra></extra>",
            mode="markers+text",
            marker=dict(symbol="square", size=44, opacity=0.01, color="#000000"),
            showlegend=False,
            name="cells",
        )
    )
    figure.update_layout(
        height=max(260, 70 * len(parties) + 120),
        # fixed margins from the label lengths: automargin would make Plotly draw, measure and draw again
        margin=dict(l=label_margin(name for _id, name in parties), r=10, b=10,
                    t=16 * max((label.count("<br>") + 1 for label in x_labels), default=1) + 16),
        xaxis=dict(side="top", tickangle=0),
        yaxis=dict(autorange="reversed"),
        plot_bgcolor="#ffffff",
        clickmode="event+select",
        dragmode=False,
    )
    return figure


def stance_legend() -> str:
    """Markdown legend: symbol and label for every stance, so colour is never the only cue."""
    items = [f"**{symbol}** {label}" for _rank, label, symbol in STANCES.values()]
    return " · ".join(items) + f" · blank: *{NO_POSITION}*"


def cell_positions(positions: pd.DataFrame, party: str, issue: str) -> pd.DataFrame:
    """The positions in one cell, stated ones first."""
    cell = positions[(positions["party"] == party) & (positions["issue"] == issue)]
    return cell.assign(_claim=cell["claim_type"].map(CLAIM_PRIORITY)).sort_values("_claim", kind="stable")


@dataclass(frozen=True)
class PositionCard:
    """One position as the cell details show it: its stance, summary and facts as Markdown, and its evidence."""

    text: str
    evidence: tuple[str, ...]
    claim_label: str


def position_cards(cell: pd.DataFrame) -> list[PositionCard]:
    cards = []
    for row in cell.itertuples(index=False):
        speaker = row.speaker_name or ("—" if row.claim_type != "reported" else "")
        facts = [
            f"**Claim type:** {row.claim_label}",
            f"**Confidence:** {row.confidence}",
            f"**Date:** {row.date or 'not dated in the text'}" + (f" ({row.date_precision})" if row.date else ""),
        ]
        if speaker:
            facts.append(f"**Speaker:** {speaker}")
        if row.reported_by:
            facts.append(f"**Reported by:** {row.reported_by}")
        text = f"**{row.stance_symbol} {row.stance_label}** — {row.summary}\n\n" + " · ".join(facts)
        cards.append(PositionCard(text, tuple(row.evidence), row.claim_label))
    return cards


def position_details(context: PageContext, party: str, issue: str) -> None:
    """Every position in one cell, stated ones first, each with its evidence."""
    # the cards' text is built once per data version, filter and cell; a rerun only sends it
    cards = per_view(f"cell:{party}:{issue}", context.frames, context.selection,
                     lambda: position_cards(cell_positions(context.view.positions, party, issue)))
    names = dict(zip(context.frames.parties["id"], context.frames.parties["name"], strict=True))
    st.subheader(f"{names.get(party, party)} · {context.issue_label(issue)}")
    if not cards:
        st.markdown(f"**{NO_POSITION.capitalize()}.** The brief records no evidence for this party on this issue.")
        return
    for card in page_of(cards, "matrix_detail_page", 10, "positions"):
        with st.container(border=True):
            st.markdown(card.text)
            evidence_quotes(context, card.evidence, claim_label=card.claim_label)
