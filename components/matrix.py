"""Position matrix: parties × issues, stance by colour and by symbol, details with evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from briefing.readings import cell_readings, rank_records
from briefing.schema import STANCES
from components.data import per_view
from components.evidence import evidence_quotes
from components.paging import page_of
from components.provenance import markdown_badge
from components.shell import PageContext

NO_POSITION = "no stated position"
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


def headline_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """One reading per party × issue, by the rule every view shares (briefing.readings)."""
    return cell_readings(positions)


def matrix_axes(context: PageContext) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Rows: parties with any position (or the filtered parties); columns: issues (or the filtered issues).

    Computed once per data version and filter: the parties with positions are found in every position of the corpus.
    """
    return per_view("matrix-axes", context.frames, context.selection, lambda: _axes(context))


def _axes(context: PageContext) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
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


PARTY_COLUMN = "party:"  # no issue id contains a colon


@dataclass(frozen=True)
class MatrixTable:
    """The matrix as a grid: a party column, then one column per issue with the headline stance in words; the
    background and ink of every cell, and the column labels."""

    words: pd.DataFrame
    css: pd.DataFrame
    labels: dict[str, str]
    party_ids: tuple[str, ...]
    headlines: dict[tuple[str, str], str]  # (party, issue) -> the position that speaks for the cell

    def styled(self):
        return self.words.style.apply(lambda _frame: self.css, axis=None)

    def cell_at(self, row: int, column: str) -> str | None:
        """The `party:issue` key of a selected grid cell, or None for the party column or a stale position."""
        if column not in self.labels or not 0 <= row < len(self.party_ids):
            return None
        return f"{self.party_ids[row]}:{column}"

    def position_of(self, cell: str) -> tuple[int, str] | None:
        party, _, issue = cell.partition(":")
        if party not in self.party_ids or issue not in self.labels:
            return None
        return self.party_ids.index(party), issue


def matrix_table(headline: pd.DataFrame, parties: list[tuple[str, str]], issues: list[tuple[str, str]]) -> MatrixTable:
    """Stance symbol, name and claim type written in every cell, coloured by stance; more positions as "+n"."""
    cells = {(row.party, row.issue): row for row in headline.itertuples(index=False)}
    words: dict[str, list[str]] = {PARTY_COLUMN: [name for _id, name in parties]}
    css: dict[str, list[str]] = {PARTY_COLUMN: ["" for _party in parties]}
    for issue_id, _label in issues:
        column, styles = [], []
        for party_id, _name in parties:
            row = cells.get((party_id, issue_id))
            stance = row.stance if row is not None else None
            background, ink = STANCE_COLOURS[stance]
            if row is None:
                column.append(NO_POSITION)
            else:
                _rank, label, symbol = STANCES[stance]
                column.append(f"{symbol} {label} · {row.claim_type}" + (" · contested" if row.contested else "")
                              + (f" · {row.records} records" if row.records > 1 else ""))
            styles.append(f"background-color: {background}; color: {ink}")
        words[issue_id], css[issue_id] = column, styles
    return MatrixTable(words=pd.DataFrame(words), css=pd.DataFrame(css), labels=dict(issues),
                       party_ids=tuple(party_id for party_id, _name in parties),
                       headlines={key: row.headline for key, row in cells.items()})


DETAIL_PAGE = 5  # positions of a cell per page, each with its quotes
GRID_ROW_PX = 35
GRID_MAX_PX = 560


def matrix_grid(table: MatrixTable, chosen: str) -> None:
    """The grid with the chosen cell selected; selecting another (by pointer or arrow keys) puts it in the link, and
    the page follows."""
    key = "matrix_grid"
    position = table.position_of(chosen)
    wanted = [list(position)] if position else []
    state = st.session_state.get(key)
    if state is None or [list(cell) for cell in state["selection"]["cells"]] != wanted:
        st.session_state[key] = {"selection": {"cells": wanted}}  # chosen from the list or the link

    def picked() -> None:
        cells = st.session_state[key]["selection"]["cells"]
        if cells and (cell := table.cell_at(*cells[0])):
            st.query_params["cell"] = cell

    st.dataframe(
        table.styled(), key=key, on_select=picked, selection_mode="single-cell", hide_index=True, width="stretch",
        height=min(GRID_ROW_PX * (len(table.party_ids) + 1) + 3, GRID_MAX_PX),
        column_config={PARTY_COLUMN: st.column_config.TextColumn("Party", pinned=True),
                       **{issue: st.column_config.TextColumn(label) for issue, label in table.labels.items()}},
    )


def stance_legend() -> str:
    """Markdown legend: symbol and label for every stance, so colour is never the only cue."""
    items = [f"**{symbol}** {label}" for _rank, label, symbol in STANCES.values()]
    return " · ".join(items) + f" · blank: *{NO_POSITION}*"


def cell_positions(positions: pd.DataFrame, party: str, issue: str) -> pd.DataFrame:
    """The positions in one cell in the order of the cell rule: the headline first."""
    return rank_records(positions[(positions["party"] == party) & (positions["issue"] == issue)])


@dataclass(frozen=True)
class PositionCard:
    """One position as the cell details show it: its stance, summary and facts as Markdown, and its evidence."""

    text: str
    evidence: tuple[str, ...]
    claim_label: str


HEADLINE_NOTE = "Headline of the cell"
DISAGREES_NOTE = "Disagrees with the headline"


def position_cards(cell: pd.DataFrame, illustrative: Mapping[str, str] | None = None) -> list[PositionCard]:
    """The cell's positions in the order of the cell rule, the headline first, each disagreeing one marked."""
    cards = []
    head_stance = cell["stance"].iloc[0] if not cell.empty else None
    for number, row in enumerate(cell.itertuples(index=False)):
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
        marks = [HEADLINE_NOTE] if number == 0 else [DISAGREES_NOTE] if row.stance != head_stance else []
        if illustrative and row.brief in illustrative:
            marks.append(f"Illustrative brief: {illustrative[row.brief]}")
        badge = " ".join(markdown_badge(mark) for mark in marks)
        text = f"{badge}\n\n**{row.stance_symbol} {row.stance_label}** — {row.summary}\n\n" + " · ".join(facts)
        cards.append(PositionCard(text, tuple(row.evidence), row.claim_label))
    return cards


def position_details(context: PageContext, party: str, issue: str) -> None:
    """Every position in one cell, stated ones first, each with its evidence."""
    # the cards' text is built once per data version, filter and cell; a rerun only sends it
    cards = per_view(f"cell:{party}:{issue}", context.frames, context.selection,
                     lambda: position_cards(cell_positions(context.view.positions, party, issue),
                                           context.frames.illustrative_briefs))
    names = context.frames.party_names
    st.subheader(f"{names.get(party, party)} · {context.issue_label(issue)}")
    if not cards:
        st.markdown(f"**{NO_POSITION.capitalize()}.** The brief records no evidence for this party on this issue.")
        return
    for card in page_of(cards, "matrix_detail_page", DETAIL_PAGE, "positions"):
        with st.container(border=True):
            st.markdown(card.text)
            evidence_quotes(context, card.evidence, claim_label=card.claim_label)
