"""One rule decides what a cell says: for every cell of the test corpus and of a synthetic corpus, under several
filters, the matrix, the negotiation space, briefing mode, the stance history, the pack and the export name the same
headline record, with the same stance in the same words (briefing.vocabulary) and the same "contested"; and the
matrix's cell cards mark a record "disagrees" exactly when the rule lists it as disagreeing."""

from __future__ import annotations

import pandas as pd
import pytest

from bench.synthetic import generate_corpus
from briefing.bottom_line import bottom_line
from briefing.export import export_records
from briefing.frames import Frames, Selection, select
from briefing.load import Layout
from briefing.negotiation import placements, view_verdicts
from briefing.pack import build_pack
from briefing.presenting import issue_slide, party_quotes
from briefing.readings import cell_readings, cell_words
from briefing.store import load_frames
from briefing.vocabulary import STANCES
from components.context import PageContext
from components.history import cell_history_text
from components.html import Markup
from components.matrix import DISAGREES_NOTE, cell_positions, headline_positions, matrix_table, position_cards
from components.negotiation import readings_list
from components.present import issue_slide_html, slide_readings
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_frames() -> Frames:
    return load_frames(Layout(root=CORPUS))


@pytest.fixture(scope="module")
def synthetic_frames(tmp_path_factory) -> Frames:
    return load_frames(Layout(root=generate_corpus(tmp_path_factory.mktemp("synthetic") / "corpus", 12, seed=5)))


def selections(frames: Frames) -> list[Selection]:
    briefs = list(frames.briefs["id"])
    issues = list(frames.issues["id"])
    return [
        Selection(),
        *(Selection(briefs=(brief,)) for brief in briefs[:3]),
        Selection(issues=tuple(issues[:2])),
        Selection(parties=tuple(frames.parties["id"][:2])),
    ]


def views_agree(frames: Frames, selection: Selection) -> int:
    """Assert that every view names the rule's headline for every cell; return how many cells were walked."""
    view = select(frames, selection)
    readings = cell_readings(view.positions)
    expected = {(row.party, row.issue): row for row in readings.itertuples(index=False)}
    if not expected:
        return 0

    parties = [(p, n) for p, n in zip(frames.parties["id"], frames.parties["name"], strict=True)]
    issues = [(i, label) for i, label in zip(frames.issues["id"], frames.issues["label"], strict=True)]
    table = matrix_table(headline_positions(view.positions), parties, issues)
    assert table.headlines == {key: row.headline for key, row in expected.items()}
    for (party, issue), row in expected.items():
        words = table.cell(party, issue).words
        assert words.splitlines()[0] == STANCES[row.stance].label, (party, issue, words)  # the one wording
        assert ("contested" in words) == row.contested, (party, issue, words)
        assert row.stance_label == STANCES[row.stance].word

    matrix = build_pack(frames, selection).matrix
    headers, pack_rows = list(matrix.headers), matrix.rows
    names = dict(parties)
    labels = dict(issues)
    for (party, issue), row in expected.items():
        cells = dict(pack_rows)[names[party]]
        # the pack prints the matrix's own words, its lines on one line
        assert cells[headers.index(labels[issue])] == table.cell(party, issue).words.replace("\n", ", ")
        assert STANCES[row.stance].label in cells[headers.index(labels[issue])]

    exported = {(c["party"], c["issue"]): c for c in export_records(frames, selection)["cells"]}
    assert {key: c["headline"] for key, c in exported.items()} == {key: row.headline for key, row in expected.items()}
    assert all(exported[key]["contested"] == row.contested for key, row in expected.items())

    for issue in {issue for _party, issue in expected}:
        placed_on_issue = placements(view.positions, issue)
        placed = {p.party: p.position_id for p in placed_on_issue}
        assert placed == {party: row.headline for (party, i), row in expected.items() if i == issue}
        for placement in placed_on_issue:
            if placement.source == "stance only":
                assert f": {STANCES[expected[(placement.party, issue)].stance].word} (" in placement.words()
        for quote in party_quotes(frames, view, issue):
            row = expected[(quote.party, issue)]
            assert (quote.stance, quote.contested) == (STANCES[row.stance], row.contested)
        slide = slide_readings(view, issue)
        assert dict(zip(slide["party"], slide["headline"], strict=True)) == placed
    verdicts = view_verdicts(view, selection.issues)
    assert {v.issue for v in verdicts} == {issue for _party, issue in expected}
    for verdict in verdicts:
        heads = {row.headline for (_party, issue), row in expected.items() if issue == verdict.issue}
        others = {record for (_party, issue), row in expected.items() if issue == verdict.issue for record in row.disagreeing}
        # a verdict rests on the cells' headlines; one that depends on which report holds also on the disagreeing records
        assert heads <= set(verdict.rests_on) <= (heads | others if verdict.depends else heads), verdict.issue

    context = PageContext(frames=frames, view=view, selection=selection)
    for (party, issue), row in expected.items():
        blocks = cell_history_text(context.scope, party, issue, audit=True)  # the audit details name the record's id
        if blocks:  # only cells that more than one brief speaks to have a history
            assert STANCES[row.stance].label in blocks[0] and row.headline in blocks[0]

    for (party, issue), row in expected.items():
        cards = position_cards(cell_positions(view.positions, party, issue))
        assert cards[0].record == row.headline and cards[0].relation == "headline"
        disagrees = {card.record for card in cards if card.relation == "disagrees"}
        assert disagrees == set(row.disagreeing), (party, issue)
        assert {card.record for card in cards if DISAGREES_NOTE in card.marks} == set(row.disagreeing)
        assert {card.record for card in cards if card.relation == "differs"} == set(row.differing) - set(row.disagreeing)
        assert STANCES[row.stance].label in cards[0].stance
    return len(expected)


def readings_agree(frames: Frames, selection: Selection) -> int:
    """Assert that every view names the same outcome per reading of a verdict that depends on which report holds,
    and that no view says "depends" of one that does not; return how many readings were walked."""
    view = select(frames, selection)
    verdicts = view_verdicts(view, selection.issues)
    lines = {line.issue: line for line in bottom_line(view, selection.issues).issues}
    packed = {verdict.issue: verdict for verdict in build_pack(frames, selection).verdicts}
    exported = {row["issue"]: row for row in export_records(frames, selection)["verdicts"]}
    walked = 0
    for verdict in verdicts:
        line, pack, export = lines[verdict.issue], packed[verdict.issue], exported[verdict.issue]
        slide = issue_slide(frames, view, verdict.issue)
        assert line.verdict == pack.kind == export["verdict"] == slide.verdict.verdict == verdict.verdict
        if not verdict.depends:
            assert not verdict.readings and export["readings"] == [] and "depends" not in line.title
            continue
        assert line.title.endswith(f"depends on which report holds — {verdict.outcomes}")
        assert pack.label == verdict.label and pack.label.startswith("Depends on which report holds: ")
        panel = str(readings_list(verdict))
        slide_html = str(issue_slide_html(slide, set()))
        assert [(r["outcome"], r["label"], r["claim_type"], r["confidence"]) for r in export["readings"]] == [
            (r.outcome, r.label, r.claim_type, r.confidence) for r in verdict.readings
        ]
        assert line.readings == slide.verdict.readings == verdict.readings
        for reading in verdict.readings:
            said = f"{reading.outcome_word} if {reading.said} holds".lower()  # first in a sentence or not
            assert said in pack.explanation.lower() and said in export["explanation"].lower()  # the pack, the export
            assert str(Markup("<b>{}</b> if {} holds").format(reading.outcome_word, reading.said)) in panel  # /negotiation
            assert str(Markup("{}").format(said)) in slide_html.lower()  # briefing mode
            walked += 1
    return walked


def test_every_view_names_the_same_outcome_per_reading(corpus_frames, synthetic_frames):
    assert sum(readings_agree(corpus_frames, selection) for selection in selections(corpus_frames)) >= 3
    for selection in selections(synthetic_frames):
        readings_agree(synthetic_frames, selection)


def test_every_view_shows_the_same_headline_on_the_test_corpus(corpus_frames):
    walked = sum(views_agree(corpus_frames, selection) for selection in selections(corpus_frames))
    assert walked >= len(cell_readings(corpus_frames.positions))


def test_every_view_shows_the_same_headline_on_a_synthetic_corpus(synthetic_frames):
    walked = sum(views_agree(synthetic_frames, selection) for selection in selections(synthetic_frames))
    assert walked > 50


def test_a_contested_cell_says_so_in_every_view(corpus_frames):
    contested = cell_readings(corpus_frames.positions)
    contested = contested[contested["contested"]]
    assert not contested.empty, "the test corpus has a contested cell (Russia × energy truce)"
    row = contested.iloc[0]
    assert "contested" in cell_words(row["stance"], row["claim_type"], row["records"], row["contested"])
    placement = next(p for p in placements(corpus_frames.positions, row["issue"]) if p.party == row["party"])
    assert placement.contested_by == tuple(row["disagreeing"])


def test_the_rule_does_not_depend_on_row_order(synthetic_frames):
    shuffled = synthetic_frames.positions.sample(frac=1, random_state=7)
    assert (
        cell_readings(shuffled)
        .set_index(["party", "issue"])["headline"]
        .sort_index()
        .equals(cell_readings(synthetic_frames.positions).set_index(["party", "issue"])["headline"].sort_index())
    )
    assert isinstance(shuffled, pd.DataFrame)
