import hashlib

import pandas as pd
import pytest

from briefing.frames import TABLES, Frames, Selection, build_frames, select


def tiny_frames(project) -> Frames:
    """The tiny brief plus a position with an ambiguous stance and an uncertain date."""
    data = project.brief()
    data["positions"].append(
        {
            "id": "alpha-mediators-ceasefire",
            "party": "mediators",
            "issue": "ceasefire",
            "stance": "ambiguous",
            "summary": "The mediators' view is unclear.",
            "date": "2026-01-29?",
            "claim_type": "assessment",
            "confidence": "low",
            "evidence": [project.span("alpha-ev-mediators", "talks")],
        }
    )
    project.write("alpha.yaml", data)
    corpus = project.load()
    assert corpus.problems == ()
    return build_frames(corpus)


@pytest.fixture(scope="module")
def frames(make_project) -> Frames:
    # shared by the tests below, which must not mutate it; TestSelect checks that select() does not
    return tiny_frames(make_project("frames"))


def snapshot(frames: Frames) -> dict[str, pd.DataFrame]:
    return {name: frames.table(name).copy(deep=True) for name in TABLES}


def row(frame: pd.DataFrame, record_id: str) -> pd.Series:
    (found,) = frame.index[frame["id"] == record_id]
    return frame.loc[found]


class TestBuild:
    def test_columns(self, frames):
        assert list(frames.positions.columns) == [
            "id", "brief", "brief_published", "party", "party_name", "issue", "issue_label", "stance", "stance_label",
            "stance_symbol", "stance_rank", "summary", "speaker", "speaker_name", "reported_by", "date", "date_start",
            "date_end", "date_precision", "claim_type", "claim_label", "confidence", "evidence",
            "red_line", "red_line_claim_type", "red_line_evidence", "range_low", "range_high", "range_note",
            "range_claim_type", "range_evidence", "relevant",
        ]  # fmt: skip
        assert list(frames.evidence.columns) == [
            "id", "brief", "record_kind", "record_id", "role", "seed", "start", "end", "quote", "issues", "parties",
            "claim_type",
        ]  # fmt: skip
        assert {"date_start", "date_end", "date_precision", "date_note", "after", "before"} <= set(frames.events.columns)
        assert list(frames.briefs.columns) == [
            "id",
            "title",
            "published",
            "seeds",
            "seed_files",
            "seed_sha256",
            "references",
            "file",
            "author",
            "provenance",
            "illustrative",
            "bottom_line",
            "bottom_line_evidence",
        ]

    def test_row_counts(self, frames):
        counts = {name: len(frames.table(name)) for name in TABLES}
        assert counts == {
            "briefs": 1,
            "parties": 4,
            "issues": 2,
            "positions": 4,
            "events": 2,
            "impacts": 1,
            "judgments": 1,
            "ladders": 0,
            "notes": 0,
            "evidence": 9,
        }

    def test_stance_label_symbol_and_rank(self, frames):
        stances = frames.positions.set_index("id")[["stance", "stance_label", "stance_symbol", "stance_rank"]]
        assert stances.loc["alpha-northland-ceasefire"].tolist() == ["firm-rejection", "Firmly against", "✖✖", -2]
        assert stances.loc["alpha-southland-ceasefire"].tolist() == ["support", "For", "✔", 1]
        assert stances.loc["alpha-southland-energy"].tolist() == ["conditional", "Only on conditions", "◐", 0]
        ambiguous = stances.loc["alpha-mediators-ceasefire"]
        assert ambiguous.tolist()[:3] == ["ambiguous", "Unclear", "?"]
        assert pd.isna(ambiguous["stance_rank"])  # no place on the ordinal scale

    def test_names_and_labels(self, frames):
        position = row(frames.positions, "alpha-northland-ceasefire")
        assert (position["party_name"], position["issue_label"], position["speaker_name"]) == ("Northland", "Ceasefire", "Nora North")
        assert (position["claim_type"], position["claim_label"]) == ("stated", "Stated by the party")
        assert position["evidence"] == ("alpha-ev-reject",)
        assert position["brief"] == "alpha"

    def test_season_date(self, frames):
        position = row(frames.positions, "alpha-southland-ceasefire")
        assert position["date"] == "2022-21"
        assert position["date_start"] == pd.Timestamp("2022-03-01")
        assert position["date_end"] == pd.Timestamp("2022-05-31")
        assert position["date_precision"] == "season"

    def test_exact_and_uncertain_dates(self, frames):
        exact = row(frames.positions, "alpha-northland-ceasefire")
        assert (exact["date_start"], exact["date_end"], exact["date_precision"]) == (
            pd.Timestamp("2024-03-12"), pd.Timestamp("2024-03-12"), "exact day",
        )  # fmt: skip
        assert row(frames.positions, "alpha-mediators-ceasefire")["date_precision"] == "exact day, uncertain"

    def test_undated(self, frames):
        position = row(frames.positions, "alpha-southland-energy")
        assert pd.isna(position["date_start"]) and pd.isna(position["date_end"])
        assert position["date_precision"] == "undated"
        event = row(frames.events, "alpha-energy-talks")
        assert (event["after"], event["before"], event["date_note"]) == ("2024-03", "2024", "Expected after the Geneva round.")
        assert event["date_precision"] == "undated"

    def test_dates_are_timestamps(self, frames):
        assert pd.api.types.is_datetime64_any_dtype(frames.positions["date_start"])
        assert pd.api.types.is_datetime64_any_dtype(frames.events["date_end"])
        assert frames.briefs.loc[0, "published"] == pd.Timestamp("2026-01-30")

    def test_event_row(self, frames):
        event = row(frames.events, "alpha-geneva-talks")
        assert event["parties"] == ("northland", "southland")
        assert event["party_names"] == ("Northland", "Southland")
        assert event["issue_labels"] == ("Ceasefire",)
        assert event["status"] == "occurred"

    def test_impact_and_judgment_rows(self, frames):
        impact = row(frames.impacts, "alpha-border-impact")
        assert (impact["region_name"], impact["direction_label"], impact["claim_type"]) == (
            "Border region", "Worse off", "assessment",
        )  # fmt: skip
        judgment = row(frames.judgments, "alpha-judgment")
        assert (judgment["issues"], judgment["issue_labels"]) == (("energy-truce",), ("Energy truce",))

    def test_evidence_rows_link_records(self, frames):
        evidence = frames.evidence.set_index("id")
        assert evidence.loc["alpha-ev-reject", ["record_kind", "record_id"]].tolist() == ["position", "alpha-northland-ceasefire"]
        assert evidence.loc["alpha-ev-talks", ["record_kind", "record_id"]].tolist() == ["event", "alpha-geneva-talks"]
        assert evidence.loc["alpha-ev-region", ["record_kind", "record_id"]].tolist() == ["impact", "alpha-border-impact"]
        assert evidence.loc["alpha-ev-unicode", ["record_kind", "record_id"]].tolist() == ["judgment", "alpha-judgment"]
        assert evidence.loc["alpha-ev-talks", "parties"] == ("northland", "southland")
        assert evidence.loc["alpha-ev-unicode", "parties"] == ()
        assert evidence.loc["alpha-ev-call", "claim_type"] == "reported"

    def test_every_record_evidence_id_has_a_row(self, frames):
        ids = set(frames.evidence["id"])
        for name in ("positions", "events", "impacts", "judgments"):
            for cited in frames.table(name)["evidence"]:
                assert cited and set(cited) <= ids

    def test_evidence_quotes_are_the_seed_text(self, frames):
        for span in frames.evidence.itertuples():
            assert frames.seed_texts[span.seed][span.start : span.end] == span.quote

    def test_parties_and_issues(self, frames):
        group = row(frames.parties, "border-region")
        assert (group["kind"], group["members"], group["member_names"]) == ("group", ("northland", "southland"), ("Northland", "Southland"))
        assert row(frames.parties, "northland")["speakers"] == ("Nora North (Foreign Minister)",)
        assert frames.issues["id"].tolist() == ["ceasefire", "energy-truce"]

    def test_an_issue_without_a_proposition_reads_as_its_label(self, frames):
        # the fixture taxonomy states no propositions: an older taxonomy still loads, its label standing in
        issue = row(frames.issues, "ceasefire")
        assert issue["proposition"] == issue["short"] == issue["label"]

    def test_brief_row(self, frames):
        brief = row(frames.briefs, "alpha")
        assert (brief["seeds"], brief["seed_files"]) == (("talks",), ("talks.txt",))
        assert brief["seed_sha256"] == (hashlib.sha256(frames.seed_texts["talks"].encode("utf-8")).hexdigest(),)
        assert brief["references"] == ("https://example.org/alpha",)
        assert brief["file"] == "data/briefs/alpha.yaml"

    def test_evidence_for_keeps_the_given_order(self, frames):
        found = frames.evidence_for(["alpha-ev-talks", "missing", "alpha-ev-reject"])
        assert found["id"].tolist() == ["alpha-ev-talks", "alpha-ev-reject"]

    def test_evidence_rows_are_the_spans_in_the_given_order(self, frames):
        spans = frames.evidence_rows(["alpha-ev-talks", "missing", "alpha-ev-reject", "alpha-ev-talks"])
        assert [span.id for span in spans] == ["alpha-ev-talks", "alpha-ev-reject", "alpha-ev-talks"]
        talks = spans[0]
        assert frames.seed_texts[talks.seed][talks.start : talks.end] == talks.quote
        assert type(talks.start) is int and type(talks.end) is int
        assert frames.evidence_rows([]) == []

    def test_names_by_id_and_what_a_pickle_leaves_out(self, frames):
        assert frames.brief_titles["alpha"] == row(frames.briefs, "alpha")["title"]
        assert frames.issue_labels == dict(zip(frames.issues["id"], frames.issues["label"], strict=True))
        assert set(frames.party_names) == set(frames.parties["id"])
        assert frames.published_span == (frames.briefs["published"].min(), frames.briefs["published"].max())
        frames.evidence_rows(["alpha-ev-talks"])
        kept = frames.__getstate__()
        assert not {"brief_titles", "issue_labels", "party_names", "published_span", "_evidence_index", "_evidence_columns"} & set(kept)
        assert {"briefs", "evidence", "version"} <= set(kept)

    def test_unknown_table(self, frames):
        with pytest.raises(KeyError, match="unknown table 'people'"):
            frames.table("people")

    def test_empty_corpus_keeps_its_columns(self, project):
        frames = build_frames(project.load())
        assert frames.positions.empty and frames.evidence.empty and frames.published_span is None
        assert "stance_rank" in frames.positions.columns
        assert len(frames.parties) == 4

    def test_problems_are_carried(self, project):
        project.write("broken.yaml", "- not a mapping\n")
        frames = build_frames(project.load())
        assert [p.file for p in frames.problems] == ["data/briefs/broken.yaml"]


class TestSelect:
    def test_no_selection_is_the_same_frames(self, frames):
        assert not Selection().active
        assert select(frames, Selection()) is frames

    def test_issue(self, frames):
        view = select(frames, Selection(issues=("energy-truce",)))
        assert view.positions["id"].tolist() == ["alpha-southland-energy"]
        assert view.events["id"].tolist() == ["alpha-energy-talks"]
        assert view.impacts.empty
        assert view.judgments["id"].tolist() == ["alpha-judgment"]
        assert view.evidence["id"].tolist() == ["alpha-ev-energy", "alpha-ev-energy-event", "alpha-ev-unicode"]

    def test_issues_are_a_union(self, frames):
        view = select(frames, Selection(issues=("ceasefire", "energy-truce")))
        assert len(view.positions) == len(frames.positions)
        assert len(view.evidence) == len(frames.evidence)

    def test_party(self, frames):
        view = select(frames, Selection(parties=("northland",)))
        assert view.positions["id"].tolist() == ["alpha-northland-ceasefire"]
        assert view.events["id"].tolist() == ["alpha-geneva-talks"]
        # impacts and judgments are not one party's claims: they stay, with their evidence
        assert view.impacts["id"].tolist() == ["alpha-border-impact"]
        assert view.judgments["id"].tolist() == ["alpha-judgment"]
        assert view.evidence["id"].tolist() == ["alpha-ev-reject", "alpha-ev-talks", "alpha-ev-region", "alpha-ev-unicode"]

    def test_issue_and_party(self, frames):
        view = select(frames, Selection(issues=("ceasefire",), parties=("southland",)))
        assert view.positions["id"].tolist() == ["alpha-southland-ceasefire"]
        assert view.events["id"].tolist() == ["alpha-geneva-talks"]
        assert view.judgments.empty
        assert set(view.evidence["record_id"]) == {"alpha-southland-ceasefire", "alpha-geneva-talks", "alpha-border-impact"}

    def test_nothing_matches(self, frames):
        view = select(frames, Selection(parties=("nobody",)))
        assert view.positions.empty and view.events.empty
        assert list(view.positions.columns) == list(frames.positions.columns)

    def test_reference_tables_are_not_filtered(self, frames):
        view = select(frames, Selection(issues=("energy-truce",), parties=("northland",)))
        assert view.briefs is frames.briefs
        assert view.parties is frames.parties
        assert view.issues is frames.issues
        assert view.seed_texts == frames.seed_texts

    def test_original_frames_are_not_mutated(self, frames):
        before = snapshot(frames)
        view = select(frames, Selection(issues=("ceasefire",), parties=("southland",)))
        view = select(view, Selection(issues=("ceasefire",)))
        for name in TABLES:
            pd.testing.assert_frame_equal(frames.table(name), before[name])
        assert len(view.positions) < len(frames.positions)
