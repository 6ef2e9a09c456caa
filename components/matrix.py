"""Position matrix: parties × issues, stance by colour and by symbol, details with evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pyphen
import streamlit as st

from briefing.frames import each_row
from briefing.readings import cell_readings, rank_records
from briefing.schema import CLAIM_TYPES, STANCES
from components.context import PageContext
from components.data import Scope, per_view
from components.evidence import evidence_quotes
from components.grid import stance_grid
from components.paging import page_of
from components.provenance import markdown_badge

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
# the cell's word for a stance, where the full label would not fit a column a ninth of a laptop screen wide
SHORT_STANCE = {"firm-support": "Firm support"}
CLAIM_MARKERS = {"stated": "S", "reported": "R", "assessment": "A"}
CONTESTED = "contested"


def headline_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """One reading per party × issue, by the rule every view shares (briefing.readings)."""
    return cell_readings(positions)


def cell_words(stance: str | None, claim_type: str | None, records: int, contested: bool, *, spoken: bool = False) -> str:
    """What a matrix cell says: one line each for the stance, the claim type's marker with the number of records,
    and "contested"; ``spoken`` gives the same in full words, for screen readers and the pointer's tooltip."""
    if stance is None or records < 1:
        return NO_POSITION
    _rank, label, symbol = STANCES[stance]
    count = f"{records}\N{NO-BREAK SPACE}records" if records > 1 else ""
    if spoken:
        claim = CLAIM_TYPES[claim_type].lower() if claim_type else ""
        return ", ".join(part for part in (label, claim, count.replace("\N{NO-BREAK SPACE}", " "), CONTESTED if contested else "") if part)
    detail = " · ".join(part for part in (CLAIM_MARKERS.get(claim_type or "", ""), count) if part)
    return "\n".join(line for line in (f"{symbol} {SHORT_STANCE.get(stance, label)}", detail, CONTESTED if contested else "") if line)


def matrix_legend() -> str:
    """Markdown legend: every stance by symbol and name, so colour is never the only cue, and every marker a cell
    may carry."""
    stances = " · ".join(f"**{symbol}** {label}" for _rank, label, symbol in STANCES.values())
    claims = " · ".join(f"**{CLAIM_MARKERS[claim]}** {label.lower()}" for claim, label in CLAIM_TYPES.items())
    return (
        f"Stance: {stances} · blank: *{NO_POSITION}*  \n"
        f"Claim type of the record shown: {claims} · **n records**: the cell holds n records, select it to read them "
        f"all · **{CONTESTED}**: some of its records point another way than the one shown"
    )


def matrix_axes(context: PageContext) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Rows: parties with any position (or the filtered parties); columns: issues (or the filtered issues).

    Computed once per data version and filter: the parties with positions are found in every position of the corpus.
    """
    return per_view(_axes, context)


def _axes(scope: Scope) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    frames, selection = scope.frames, scope.selection
    with_positions = set(frames.positions["party"])
    parties = [
        (pid, name)
        for pid, name in zip(frames.parties["id"], frames.parties["name"], strict=True)
        if ((pid in selection.parties) if selection.parties else (pid in with_positions))
    ]
    issues = [
        (iid, label)
        for iid, label in zip(frames.issues["id"], frames.issues["label"], strict=True)
        if not selection.issues or iid in selection.issues
    ]
    return parties, issues


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


LONG_WORD = 10  # letters; a shorter word fits on a line of the narrowest column, so it is never broken


@lru_cache(maxsize=4096)
def breakable(label: str) -> str:
    """The label with soft hyphens between the syllables of its long words, so a narrow column wraps such a word
    with a hyphen instead of widening or cutting it."""
    return " ".join(_hyphenator().inserted(word, hyphen="\N{SOFT HYPHEN}") if len(word) >= LONG_WORD else word for word in label.split(" "))


@dataclass(frozen=True)
class MatrixCell:
    words: str  # as the cell shows it
    spoken: str  # in full words: the cell's accessible name and tooltip
    background: str
    ink: str


@dataclass(frozen=True)
class MatrixTable:
    """The matrix as a grid: one row per party, one column per issue, the headline record's words in every cell."""

    parties: tuple[tuple[str, str], ...]
    issues: tuple[tuple[str, str], ...]
    cells: tuple[tuple[MatrixCell, ...], ...]  # [party][issue]
    headlines: dict[tuple[str, str], str]  # (party, issue) -> the position that speaks for the cell

    @property
    def words(self) -> list[list[str]]:
        return [[cell.words for cell in row] for row in self.cells]

    def cell(self, party: str, issue: str) -> MatrixCell:
        return self.cells[[p for p, _name in self.parties].index(party)][[i for i, _label in self.issues].index(issue)]

    def has(self, cell: str) -> bool:
        """Whether `party:issue` names a cell of this grid."""
        party, _, issue = cell.partition(":")
        return party in dict(self.parties) and issue in dict(self.issues)

    def grid_data(self, selected: str) -> dict:
        """What the grid component draws, as JSON: it puts every value in the page as text, never as markup."""
        return {
            "caption": "Position matrix: the stance of each party (rows) on each issue (columns)",
            "issues": [{"id": issue, "label": label, "heading": breakable(label)} for issue, label in self.issues],
            "rows": [
                {
                    "id": party,
                    "name": name,
                    "heading": breakable(name),
                    "cells": [{"words": cell.words, "spoken": cell.spoken, "background": cell.background, "ink": cell.ink} for cell in row],
                }
                for (party, name), row in zip(self.parties, self.cells, strict=True)
            ],
            "selected": selected,
        }


def matrix_table(headline: pd.DataFrame, parties: list[tuple[str, str]], issues: list[tuple[str, str]]) -> MatrixTable:
    """The headline record of every party × issue in words, coloured by stance."""
    rows = {(row.party, row.issue): row for row in each_row(headline)}
    cells = []
    for party_id, _name in parties:
        line = []
        for issue_id, _label in issues:
            row = rows.get((party_id, issue_id))
            facts = (row.stance, row.claim_type, int(row.records), bool(row.contested)) if row is not None else (None, None, 0, False)
            background, ink = STANCE_COLOURS[facts[0]]
            line.append(MatrixCell(cell_words(*facts), cell_words(*facts, spoken=True), background, ink))
        cells.append(tuple(line))
    return MatrixTable(
        parties=tuple(parties), issues=tuple(issues), cells=tuple(cells), headlines={key: row.headline for key, row in rows.items()}
    )


DETAIL_PAGE = 5  # positions of a cell per page, each with its quotes
GRID_KEY = "matrix_grid"


def matrix_grid(table: MatrixTable, chosen: str) -> None:
    """The grid with the chosen cell selected; selecting another (by pointer, or arrow keys) puts it in the link,
    and the page follows."""

    def picked() -> None:
        cell = st.session_state[GRID_KEY].get("select")
        if isinstance(cell, str) and table.has(cell):
            st.query_params["cell"] = cell

    stance_grid(key=GRID_KEY, data=table.grid_data(chosen), on_select_change=picked)


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
    for number, row in enumerate(each_row(cell)):
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


def _cell_cards(scope: Scope, party: str, issue: str) -> list[PositionCard]:
    return position_cards(cell_positions(scope.view.positions, party, issue), scope.frames.illustrative_briefs)


def cells_with_positions(scope: Scope) -> list[str]:
    """The `party:issue` keys of the cells that have positions, in the order the positions come."""
    positions = scope.view.positions
    return list(dict.fromkeys(f"{p}:{i}" for p, i in zip(positions["party"], positions["issue"], strict=True)))


def view_matrix_table(scope: Scope) -> MatrixTable:
    """The filtered view's matrix, on the axes of the filter."""
    parties, issues = _axes(scope)
    return matrix_table(headline_positions(scope.view.positions), parties, issues)


def position_details(context: PageContext, party: str, issue: str) -> None:
    """Every position in one cell, stated ones first, each with its evidence."""
    # the cards' text is built once per data version, filter and cell; a rerun only sends it
    cards = per_view(_cell_cards, context, party, issue)
    names = context.frames.party_names
    st.subheader(f"{names.get(party, party)} · {context.issue_label(issue)}")
    if not cards:
        st.markdown(f"**{NO_POSITION.capitalize()}.** The brief records no evidence for this party on this issue.")
        return
    for card in page_of(cards, "matrix_detail_page", DETAIL_PAGE, "positions"):
        with st.container(border=True):
            st.markdown(card.text)
            evidence_quotes(context, card.evidence, claim_label=card.claim_label)
