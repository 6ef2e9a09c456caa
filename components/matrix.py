"""Position matrix: parties × issues, stance by colour and by symbol, details with evidence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
import pyphen
import streamlit as st

from briefing import vocabulary
from briefing.dates import human_date
from briefing.frames import each_row
from briefing.readings import CONTESTED, NO_POSITION, cell_readings, cell_words, rank_records
from briefing.vocabulary import CLAIM_TYPES, STANCES
from components.context import PageContext
from components.data import Scope, cell_cache, view_cache
from components.evidence import SOURCES_PAGE, linked_quotes
from components.grid import stance_grid
from components.html import Markup
from components.paging import page_range
from components.svg_figure import linked_markup

Prose = Callable[[str, str], str]  # (text, brief) -> the text as a reader sees it


def headline_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """One reading per party × issue, by the rule every view shares (briefing.readings)."""
    return cell_readings(positions)


def matrix_legend() -> str:
    """Markdown legend: every stance by symbol and name, so colour is never the only cue, and every marker a cell
    may carry."""
    stances = " · ".join(f"**{words.symbol}** {words.word}" for words in STANCES.values())
    claims = " · ".join(f"**{claim.letter}** {claim.label.lower()} ({claim.whose})" for claim in CLAIM_TYPES.values())
    return (
        f"Stance: {stances} · blank: *{NO_POSITION}*. A stance is for or against what its column's header names "
        "in small type under the issue (point at the header, or open a cell, for the whole proposition).  \n"
        f"Whose words the record shown holds: {claims} · **n records**: the cell holds n records, select it to read them "
        f"all · **{CONTESTED}**: some of its records point another way than the one shown"
    )


@view_cache
def matrix_axes(scope: Scope) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Rows: parties with any position (or the filtered parties); columns: issues (or the filtered issues).

    Computed once per data version and filter: the parties with positions are found in every position of the corpus.
    """
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
    # issue -> (the proposition's short form, the proposition a stance is for or against), shown under the label
    propositions: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def words(self) -> list[list[str]]:
        return [[cell.words for cell in row] for row in self.cells]

    def cell(self, party: str, issue: str) -> MatrixCell:
        return self.cells[[p for p, _name in self.parties].index(party)][[i for i, _label in self.issues].index(issue)]

    def has(self, cell: str) -> bool:
        """Whether `party:issue` names a cell of this grid."""
        party, _, issue = cell.partition(":")
        return party in dict(self.parties) and issue in dict(self.issues)

    def _header(self, issue: str, label: str) -> dict[str, str]:
        """The header names the issue as the filter does; under it, smaller, the short form of what a stance is for or
        against (unless it only repeats the label); its tooltip gives the whole proposition."""
        if issue not in self.propositions:
            return {"id": issue, "label": label, "heading": breakable(label), "sub": ""}
        short, proposition = self.propositions[issue]
        sub = "" if short.casefold() == label.casefold() else short
        tooltip = f"{label}: stances are for or against “{proposition}”"
        return {"id": issue, "label": tooltip, "heading": breakable(label), "sub": breakable(sub)}

    def grid_data(self, selected: str) -> dict:
        """What the grid component draws, as JSON: it puts every value in the page as text, never as markup."""
        return {
            "caption": "Position matrix: the stance of each party (rows) on each issue (columns)",
            "issues": [self._header(issue, label) for issue, label in self.issues],
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


def matrix_table(
    headline: pd.DataFrame,
    parties: list[tuple[str, str]],
    issues: list[tuple[str, str]],
    propositions: Mapping[str, tuple[str, str]] | None = None,
) -> MatrixTable:
    """The headline record of every party × issue in words, coloured by stance; ``propositions`` (issue -> short
    form, proposition) name what each stance is for or against."""
    rows = {(row.party, row.issue): row for row in each_row(headline)}
    cells = []
    for party_id, _name in parties:
        line = []
        for issue_id, _label in issues:
            row = rows.get((party_id, issue_id))
            facts = (row.stance, row.claim_type, int(row.records), bool(row.contested)) if row is not None else (None, None, 0, False)
            words = vocabulary.stance(facts[0])
            line.append(MatrixCell(cell_words(*facts), cell_words(*facts, spoken=True), words.colour, words.ink))
        cells.append(tuple(line))
    return MatrixTable(
        parties=tuple(parties),
        issues=tuple(issues),
        cells=tuple(cells),
        headlines={key: row.headline for key, row in rows.items()},
        propositions=dict(propositions or {}),
    )


DETAIL_PAGE = 5  # positions of a cell per page, each with its quotes
GRID_KEY = "matrix_grid"
CARDS_KEY = "matrix_cards"


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
    """One position as the cell details show it: its marks, stance, summary and facts, and its evidence."""

    stance: str  # the stance's symbol and word, e.g. "✖✖ Firmly against"
    summary: str
    facts: tuple[tuple[str, str], ...]  # (name, value) in reading order: claim type, confidence, date, speaker, reporter
    evidence: tuple[str, ...]
    claim_label: str
    record: str = ""
    relation: str = ""  # to the headline, by the cell rule: a key of RELATION_NOTES, or "" for a record that agrees
    marks: tuple[str, ...] = ()  # shown as badges: its relation to the headline, an illustrative brief
    audit: tuple[str, str, str] | None = None  # with the audit details: the record's id, raw date and its precision


HEADLINE_NOTE = "Headline of the cell"
DISAGREES_NOTE = "Disagrees with the headline"
DIFFERS_NOTE = "Same direction, different strength"
RELATION_NOTES = {"headline": HEADLINE_NOTE, "disagrees": DISAGREES_NOTE, "differs": DIFFERS_NOTE}


def relations(cell: pd.DataFrame) -> dict[str, str]:
    """Each record's relation to the headline, as the cell rule (briefing.readings) lists it: never re-derived here."""
    if cell.empty:
        return {}
    reading = cell_readings(cell).iloc[0]
    found = dict.fromkeys(cell["id"], "")
    found.update(dict.fromkeys(reading["differing"], "differs"))
    found.update(dict.fromkeys(reading["disagreeing"], "disagrees"))  # every disagreeing record also differs
    found[reading["headline"]] = "headline"
    return found


def position_cards(
    cell: pd.DataFrame, illustrative: Mapping[str, str] | None = None, audit: bool = False, prose: Prose | None = None
) -> list[PositionCard]:
    """The cell's positions in the order of the cell rule, the headline first, each marked as the rule reads it;
    ``prose(summary, brief)`` gives a summary as a reader sees it (Frames.reader_prose), as written without it."""
    cards = []
    relation = relations(cell)
    for row in each_row(cell):
        speaker = row.speaker_name or ("—" if row.claim_type != "reported" else "")
        facts = [
            ("Claim type", row.claim_label),
            ("Confidence", row.confidence),
            ("Date", human_date(row.date) if row.date else "not dated in the text"),
        ]
        if speaker:
            facts.append(("Speaker", speaker))
        if row.reported_by:
            facts.append(("Reported by", row.reported_by))
        marks = [RELATION_NOTES[relation[row.id]]] if relation[row.id] else []
        if illustrative and row.brief in illustrative:
            marks.append(f"Illustrative brief: {illustrative[row.brief]}")
        cards.append(
            PositionCard(
                stance=f"{row.stance_symbol} {row.stance_label}",
                summary=prose(row.summary, row.brief) if prose else row.summary,
                facts=tuple(facts),
                evidence=tuple(row.evidence),
                claim_label=row.claim_label,
                record=row.id,
                relation=relation[row.id],
                marks=tuple(marks),
                # the analyst's handles: the record's id and its date as the brief gives it
                audit=(row.id, row.date or "", row.date_precision if row.date else "") if audit else None,
            )
        )
    return cards


def card_markup(card: PositionCard, quotes: Markup) -> Markup:
    """One card as the page shows it, every value escaped: its marks as badges, the stance and summary, the facts
    (with the audit details, the record's id and raw date), then its quotes with their links."""
    marks = Markup(" ").join(Markup('<span class="card-badge" title="{mark}">{mark}</span>').format(mark=mark) for mark in card.marks)
    facts = [Markup("<strong>{name}:</strong> {value}").format(name=name, value=value) for name, value in card.facts]
    if card.audit:
        record, raw_date, precision = card.audit
        fact = Markup("<strong>Record:</strong> <code>{record}</code>").format(record=record)
        if raw_date:
            fact += Markup(" · date <code>{raw_date}</code> ({precision})").format(raw_date=raw_date, precision=precision)
        facts.append(fact)
    return Markup(
        '<div class="position-card">{marks}<p class="card-reading"><strong>{stance}</strong> — {summary}</p>'
        '<p class="card-facts">{facts}</p>{quotes}</div>'
    ).format(
        marks=Markup('<p class="card-marks">{marks}</p>').format(marks=marks) if card.marks else "",
        stance=card.stance,
        summary=card.summary,
        facts=Markup(" · ").join(facts),
        quotes=quotes,
    )


def cards_markup(cards: list[Markup]) -> Markup:
    """The page of cards as one drawn element (the root carries the class every drawn figure has)."""
    return Markup('<div class="svg-figure position-cards">{cards}</div>').format(cards=Markup("").join(cards))


@cell_cache
def _cell_cards(scope: Scope, party: str, issue: str, audit: bool = False) -> list[PositionCard]:
    # the analyst reads a summary as written, the records it cites by id; a reader by their names
    prose = None if audit else scope.frames.reader_prose
    return position_cards(cell_positions(scope.view.positions, party, issue), scope.frames.illustrative_briefs, audit, prose)


@view_cache
def cells_with_positions(scope: Scope) -> list[str]:
    """The `party:issue` keys of the cells that have positions, in the order the positions come."""
    positions = scope.view.positions
    return list(dict.fromkeys(f"{p}:{i}" for p, i in zip(positions["party"], positions["issue"], strict=True)))


@view_cache
def view_matrix_table(scope: Scope) -> MatrixTable:
    """The filtered view's matrix, on the axes of the filter."""
    parties, issues = matrix_axes(scope)
    table = scope.frames.issues
    propositions = dict(zip(table["id"], zip(table["short"], table["proposition"], strict=True), strict=True))
    return matrix_table(headline_positions(scope.view.positions), parties, issues, propositions)


def position_details(context: PageContext, party: str, issue: str) -> None:
    """Every position in one cell, stated ones first, each with its evidence."""
    # the cards' text is built once per data version, filter and cell; a rerun only sends it
    cards = _cell_cards(context.scope, party, issue, context.audit)
    names = context.frames.party_names
    st.subheader(f"{names.get(party, party)} · {context.issue_label(issue)}")
    proposition = context.frames.issue_propositions.get(issue)
    if proposition:  # on a phone no header tooltip can say it
        st.caption(f"A stance here is for or against: {proposition}.")
    if not cards:
        st.markdown(f"**{NO_POSITION.capitalize()}.** The brief records no evidence for this party on this issue.")
        return
    shown = page_range(len(cards), "matrix_detail_page", DETAIL_PAGE, "positions")
    markup, linked = _cards_page(context.scope, party, issue, context.audit, shown.start, shown.stop)
    picked = linked_markup(markup, key=CARDS_KEY)
    # a "Show in source" link followed within the session, never to a span the cards do not show
    if picked and picked in linked:
        st.switch_page(SOURCES_PAGE, query_params=context.link_params(span=picked))


@cell_cache
def _cards_page(scope: Scope, party: str, issue: str, audit: bool, start: int, stop: int) -> tuple[Markup, frozenset[str]]:
    """A page of the cell's cards as one element's markup, with the span ids its links name; once per data version,
    filter, cell and page, so a rerun only sends it. The links keep the filter and the audit switch, all a page's link
    params hold besides the span (PageContext.link_params)."""
    shown = _cell_cards(scope, party, issue, audit)[start:stop]
    context = PageContext(scope.frames, scope.view, scope.selection, audit=audit)
    markup = cards_markup([card_markup(card, linked_quotes(context, card.evidence, card.claim_label)) for card in shown])
    return markup, frozenset(span.id for card in shown for span in scope.frames.evidence_rows(card.evidence))
