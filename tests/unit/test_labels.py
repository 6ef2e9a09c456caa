"""The label rule: a record is named for a reader by who, when and whose words, never by its id."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from briefing.frames import Frames
from briefing.labels import cite_by_name, record_label, reporter_name, surname
from briefing.load import Layout
from briefing.store import load_frames
from briefing.vocabulary import CLAIM_TYPES
from tests.conftest import CORPUS

EDTF = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


def position(**fields):
    base = {
        "id": "pos-x",
        "claim_type": "stated",
        "party_name": "Russia",
        "speaker_name": None,
        "reported_by": None,
        "date": None,
        "brief_published": pd.Timestamp("2026-01-30"),
    }
    return {**base, **fields}


class TestRecordLabel:
    def test_stated_names_the_speaker_and_the_day(self):
        assert record_label(position(speaker_name="Sergey Lavrov", date="2026-01-29")) == "Lavrov, 29 January 2026 (own words)"

    def test_reported_without_a_speaker_names_the_reporter(self):
        row = position(claim_type="reported", reported_by="Financial Times", date="2026-01-23/2026-01-24")
        assert record_label(row) == "Financial Times, 23–24 January 2026 (as reported)"

    def test_reported_by_a_description_falls_back_to_the_party(self):
        row = position(claim_type="reported", reported_by="the article (official Russian statements)")
        assert record_label(row) == "Russia (as reported)"

    def test_assessment_is_the_analysts_reading_dated_by_the_brief_when_undated(self):
        assert record_label(position(claim_type="assessment")) == "Analyst's reading, 30 January 2026"

    def test_assessment_keeps_its_own_date(self):
        assert record_label(position(claim_type="assessment", date="2022-21")) == "Analyst's reading, spring 2022"

    def test_an_undated_statement_gives_no_date_rather_than_inventing_one(self):
        assert record_label(position(speaker_name="Marco Rubio", claim_type="reported")) == "Rubio (as reported)"

    def test_a_named_tuple_row_reads_like_a_mapping(self):
        row = pd.DataFrame([position(speaker_name="Sergey Lavrov", date="2026-01-29")]).itertuples(index=False)
        assert record_label(next(row)) == "Lavrov, 29 January 2026 (own words)"

    @pytest.mark.parametrize("claim", list(CLAIM_TYPES))
    def test_every_claim_type_says_whose_words_and_never_the_id_or_edtf(self, claim):
        label = record_label(position(claim_type=claim, speaker_name="Sergey Lavrov", date="2026-01-29", id="pos-secret-id"))
        assert CLAIM_TYPES[claim].whose.lower() in label.lower()
        assert "pos-secret-id" not in label
        assert not EDTF.search(label)


class TestNames:
    @pytest.mark.parametrize(
        ("full", "short"),
        [("Sergey Lavrov", "Lavrov"), ("Ursula von der Leyen", "von der Leyen"), ("Zelenskyy", "Zelenskyy")],
    )
    def test_surname(self, full, short):
        assert surname(full) == short

    @pytest.mark.parametrize(
        ("reported_by", "name"),
        [
            ("Financial Times", "Financial Times"),
            ("Zelenskyy (statement of 28 January 2026)", "Zelenskyy"),
            ("the article, on Lavrov's interview", None),
            (None, None),
        ],
    )
    def test_reporter_name(self, reported_by, name):
        assert reporter_name(reported_by) == name


@pytest.fixture(scope="module")
def frames() -> Frames:
    return load_frames(Layout(root=CORPUS))


class TestEveryRecord:
    def test_the_corpus_names_every_record_without_an_id_or_edtf(self, frames):
        labels = frames.record_labels
        ids = set(frames.positions["id"]) | set(frames.events["id"]) | set(frames.judgments["id"]) | set(frames.impacts["id"])
        assert ids <= set(labels)
        for record, label in labels.items():
            assert record not in label
            assert not EDTF.search(label), label


class TestCitedRecords:
    """A record cited in prose by its id in brackets is cited by its reader name (briefing.labels.cite_by_name)."""

    NAMES = {"pos-a-b": "Financial Times, 23–24 January 2026 (as reported)", "jdg-c-d": "Analyst's reading, 30 January 2026"}

    def test_a_known_id_in_brackets_becomes_its_name(self):
        text = "Contrasts with the FT report (pos-a-b) and the reading (jdg-c-d)."
        assert cite_by_name(text, self.NAMES.get) == (
            "Contrasts with the FT report (Financial Times, 23–24 January 2026, as reported) and the reading "
            "(Analyst's reading, 30 January 2026)."
        )

    @pytest.mark.parametrize(
        "text",
        ["An unknown record (pos-x-y) stays.", "Words in brackets (per the FT) stay.", "A one-word (ceasefire) stays.", "pos-a-b bare"],
    )
    def test_anything_else_is_left_as_written(self, text):
        assert cite_by_name(text, self.NAMES.get) == text

    def test_every_summary_of_the_corpus_reads_without_a_record_id(self):
        frames = load_frames(Layout(root=CORPUS))
        ids = {record for name in ("positions", "events", "judgments", "impacts") for record in frames.table(name)["id"]}
        local = {record.rpartition(":")[2] for record in ids}
        cited = 0
        for name in ("positions", "events"):
            table = frames.table(name)
            for text, brief in zip(table["summary"], table["brief"], strict=True):
                shown = frames.reader_prose(text or "", brief)
                cited += shown != (text or "")
                assert not [record for record in local if f"({record})" in shown], shown
        assert cited, "the test corpus cites records by id in its summaries"
