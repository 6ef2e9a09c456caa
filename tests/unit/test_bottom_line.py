"""The bottom line of a view: action titles from the verdicts and the vocabulary, red lines in plain words, the
outlook with likelihood and confidence, ranked key judgments; on the fixed corpus and on small frames built in code."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.bottom_line import BottomLine, bottom_line, issue_title, ranked_judgments
from briefing.frames import Frames, Selection, select
from briefing.frames.columns import COLUMNS
from briefing.load import Layout
from briefing.negotiation import issue_verdict, view_verdicts
from briefing.store import load_frames
from tests.conftest import CORPUS
from tests.support.positions import position


@pytest.fixture(scope="module")
def corpus() -> Frames:
    return load_frames(Layout(root=CORPUS))


def judgment(number: int, issues: tuple[str, ...], rank=None, outlook=None, likelihood=None, confidence="medium") -> dict:
    return {
        "id": f"j{number}",
        "brief": "b",
        "text": f"judgment {number}",
        "issues": issues,
        "issue_labels": tuple(issue.title() for issue in issues),
        "confidence": confidence,
        "outlook": outlook,
        "likelihood": likelihood,
        "rank": rank,
        "evidence": (f"je{number}",),
    }


def frames(positions: list[dict], judgments: list[dict] = (), bottom: str | None = None) -> Frames:
    """A view built in code: parties and issues from the rows given, one brief "b"."""
    empty = {name: pd.DataFrame(columns=list(columns)) for name, columns in COLUMNS.items()}
    issues = list(dict.fromkeys([p["issue"] for p in positions] + [i for j in judgments for i in j["issues"]]))
    parties = list(dict.fromkeys(p["party"] for p in positions))
    brief = {column: None for column in COLUMNS["briefs"]}
    brief.update(
        id="b", title="B", published=pd.Timestamp("2026-01-30"), bottom_line=bottom, bottom_line_evidence=("be1",) if bottom else ()
    )
    return Frames(
        briefs=pd.DataFrame([brief], columns=list(COLUMNS["briefs"])),
        parties=pd.DataFrame({"id": parties, "name": [p.title() for p in parties]}),
        issues=pd.DataFrame({"id": issues, "label": [i.title() for i in issues], "definition": ""}),
        positions=pd.DataFrame(positions) if positions else empty["positions"],
        events=empty["events"],
        impacts=empty["impacts"],
        judgments=pd.DataFrame(list(judgments), columns=list(COLUMNS["judgments"])),
        ladders=empty["ladders"],
        notes=empty["notes"],
        evidence=empty["evidence"],
    )


def with_red_line(row: dict, text: str, claim: str = "stated") -> dict:
    return {**row, "red_line": text, "red_line_claim_type": claim, "red_line_evidence": (f"rl-{row['id']}",)}


class TestIssueTitle:
    def test_placements_in_order_and_the_verdict_word(self):
        verdict = issue_verdict(pd.DataFrame([position(0, "north", "firm-rejection"), position(1, "south", "support")]), "truce")
        assert issue_title(verdict, "Truce") == "Truce: North firmly against; South for; no overlap"

    def test_a_contested_place_says_so(self):
        # both of North's readings give no overlap: the verdict stands, the place marked contested
        rows = [
            position(0, "north", "firm-rejection"),
            position(1, "north", "support", claim="reported"),
            position(2, "south", "firm-support"),
        ]
        title = issue_title(issue_verdict(pd.DataFrame(rows), "truce"), "Truce")
        assert "North firmly against (contested)" in title
        assert "South firmly for" in title and "(contested)" not in title.split("South firmly for")[1].split(";")[0]

    def test_a_contested_place_whose_readings_differ_says_it_depends(self):
        rows = [position(0, "north", "firm-rejection"), position(1, "north", "support", claim="reported"), position(2, "south", "support")]
        title = issue_title(issue_verdict(pd.DataFrame(rows), "truce"), "Truce")
        assert title == "Truce: depends on which report holds — no overlap or touching"

    def test_a_glossed_title_says_what_touching_means(self):
        rows = [position(0, "north", "firm-rejection"), position(1, "north", "support", claim="reported"), position(2, "south", "support")]
        verdict = issue_verdict(pd.DataFrame(rows), "truce")
        assert issue_title(verdict, "Truce", glossed=True) == (
            "Truce: depends on which report holds — no overlap or touching (a single point all could accept)"
        )
        rows = [position(0, "north", "support", low="conditional", high="firm-support"), position(1, "south", "conditional")]
        assert issue_title(issue_verdict(pd.DataFrame(rows), "truce"), "Truce", glossed=True).endswith(
            "; touching (a single point all could accept)"
        )

    def test_an_acceptable_range_is_said_as_a_stretch(self):
        rows = [position(0, "north", "support", low="conditional", high="firm-support"), position(1, "south", "conditional")]
        assert issue_title(issue_verdict(pd.DataFrame(rows), "truce"), "Truce") == (
            "Truce: North anywhere from only on conditions to firmly for; South only on conditions; touching"
        )

    def test_an_issue_without_a_verdict(self):
        verdict = issue_verdict(pd.DataFrame([position(0, "north", "firm-rejection")]), "truce")
        assert issue_title(verdict, "Energy truce") == "Energy truce: only North placed (firmly against); no verdict"

    def test_no_party_placed(self):
        verdict = issue_verdict(pd.DataFrame([position(0, "north", "ambiguous")]), "truce")
        assert issue_title(verdict, "Truce") == "Truce: no party placed; no verdict"


class TestOnTheCorpus:
    def test_every_issue_with_positions_has_one_line_from_its_verdict(self, corpus):
        line = bottom_line(corpus)
        verdicts = view_verdicts(corpus)
        assert [i.issue for i in line.issues] == [v.issue for v in verdicts]
        assert [i.verdict for i in line.issues] == [v.verdict for v in verdicts]
        assert [i.confidence for i in line.issues] == [v.confidence for v in verdicts]

    def test_the_ceasefire_title(self, corpus):
        (ceasefire,) = bottom_line(select(corpus, Selection(issues=("ceasefire",)))).issues
        assert ceasefire.title == "Ceasefire: Russia firmly against; Ukraine for; no overlap"

    def test_red_lines_in_plain_words_with_claim_type_and_evidence(self, corpus):
        lines = {(r.party_name, r.issue): r for r in bottom_line(corpus).red_lines}
        ceasefire = lines["Russia", "ceasefire"]
        assert "60 days" in ceasefire.text
        assert ceasefire.claim_type == "stated"
        assert ceasefire.evidence and all(corpus.has_evidence(span) for span in ceasefire.evidence)
        assert ceasefire.brief == "lavrov-red-line-2026-01"

    def test_the_bottom_line_follows_the_filter(self, corpus):
        ceasefire = bottom_line(select(corpus, Selection(issues=("ceasefire",))))
        guarantees = bottom_line(select(corpus, Selection(issues=("security-guarantees",))))
        assert [i.issue for i in ceasefire.issues] == ["ceasefire"]
        assert [i.issue for i in guarantees.issues] == ["security-guarantees"]
        assert {r.issue for r in ceasefire.red_lines} == {"ceasefire"}
        assert {r.issue for r in guarantees.red_lines} == {"security-guarantees"}
        assert ceasefire != guarantees

    def test_the_issues_argument_narrows_like_the_filter(self, corpus):
        assert bottom_line(corpus, ("ceasefire",)).issues == bottom_line(select(corpus, Selection(issues=("ceasefire",)))).issues

    def test_the_outlook_is_the_judgments_that_read_it(self, corpus):
        outlook = bottom_line(corpus).outlook
        judgments = corpus.judgments.set_index("id")
        assert outlook
        assert all(judgments.at[o.judgment_id, "outlook"] is not None for o in outlook)
        assert all(o.confidence in ("low", "medium", "high") for o in outlook)

    def test_a_party_filter_keeps_only_its_red_lines(self, corpus):
        line = bottom_line(select(corpus, Selection(parties=("ukraine",))))
        assert all(r.party == "ukraine" for r in line.red_lines)

    def test_a_red_line_is_shown_in_the_sources_words_never_the_paraphrase_as_a_quote(self, corpus):
        line = bottom_line(select(corpus, Selection(issues=("ceasefire",))))
        quoted = [red for red in line.red_lines if red.evidence]
        assert quoted
        spans = {span.id: span.quote for span in corpus.evidence_rows(quoted[0].evidence)}
        for red in quoted:
            assert red.quote == spans.get(red.evidence[0], red.quote) and red.quote
            assert red.said == f"“{red.quote.strip()}”"
            assert red.text not in red.said

    def test_a_view_with_nothing(self, corpus):
        line = bottom_line(select(corpus, Selection(briefs=("no-such-brief",))))
        assert line == BottomLine((), (), (), None, ())
        assert line.empty


class TestSynthetic:
    def test_red_lines_keep_whose_words_they_are(self):
        view = frames([with_red_line(position(0, "north", "firm-rejection"), "Never a freeze."), position(1, "south", "support")])
        (red,) = bottom_line(view).red_lines
        assert (red.party_name, red.text, red.claim_type, red.evidence) == ("North", "Never a freeze.", "stated", ("rl-p0",))

    def test_one_red_line_per_party_issue_and_text(self):
        rows = [with_red_line(position(n, "north", "firm-rejection"), "Never.") for n in range(3)]
        assert len(bottom_line(frames(rows)).red_lines) == 1

    def test_ranked_judgments_come_first_in_rank_order(self):
        view = frames([position(0, "north", "support")], [judgment(n, ("truce",), rank=r) for n, r in enumerate([None, 3, 1, None, 2])])
        top, rest = ranked_judgments(view)
        assert list(top["id"]) == ["j2", "j4", "j1"]
        assert list(rest["id"]) == ["j0", "j3"]

    def test_without_ranks_the_briefs_order_gives_three(self):
        view = frames([position(0, "north", "support")], [judgment(n, ("truce",)) for n in range(6)])
        top, rest = ranked_judgments(view)
        assert list(top["id"]) == ["j0", "j1", "j2"]
        assert len(rest) == 3

    def test_at_most_five_on_top(self):
        view = frames([position(0, "north", "support")], [judgment(n, ("truce",), rank=n + 1) for n in range(7)])
        top, rest = ranked_judgments(view, most=5)
        assert list(top["id"]) == [f"j{n}" for n in range(5)]
        assert list(rest["id"]) == ["j5", "j6"]

    def test_ranking_follows_the_issues(self):
        view = frames(
            [position(0, "north", "support")], [judgment(0, ("truce",), rank=1), judgment(1, ("aid",), rank=2), judgment(2, ("aid",))]
        )
        top, rest = ranked_judgments(view, ("aid",))
        assert list(top["id"]) == ["j1", "j2"] and rest.empty

    def test_the_outlook_carries_likelihood_and_confidence_apart(self):
        view = frames(
            [position(0, "north", "support")],
            [judgment(0, ("truce",), rank=1), judgment(1, ("truce",), outlook="no-agreement", likelihood="unlikely", confidence="high")],
        )
        (outlook,) = bottom_line(view).outlook
        assert (outlook.judgment_id, outlook.likelihood, outlook.confidence) == ("j1", "unlikely", "high")

    def test_without_an_outlook_the_judgment_ranked_first(self):
        view = frames([position(0, "north", "support")], [judgment(0, ("truce",)), judgment(1, ("truce",), rank=1)])
        (outlook,) = bottom_line(view).outlook
        assert outlook.judgment_id == "j1" and outlook.likelihood is None

    def test_an_issue_without_a_verdict_has_a_line(self):
        (line,) = bottom_line(frames([position(0, "north", "firm-rejection")])).issues
        assert (line.verdict, line.title) == ("insufficient", "Truce: only North placed (firmly against); no verdict")

    def test_the_analysts_bottom_line(self):
        line = bottom_line(frames([position(0, "north", "support")], bottom="Talks will stall."))
        assert (line.analyst, line.analyst_evidence, line.analyst_brief) == ("Talks will stall.", ("be1",), "b")
        assert "b" in line.briefs


class TestSchema:
    """The fields the bottom line reads: a judgment's rank and likelihood, a brief's own bottom line."""

    def test_rank_and_likelihood_load_into_the_frames(self, project):
        from briefing.load import load_corpus

        data = project.brief()
        data["judgments"][0] |= {"rank": 2, "likelihood": "unlikely"}
        project.write("alpha.yaml", data)
        built = load_frames(project.layout)
        assert not built.problems
        assert built.judgments.iloc[0][["rank", "likelihood"]].tolist() == [2, "unlikely"]
        assert load_corpus(layout=project.layout).briefs[0].judgments[0].likelihood == "unlikely"

    @pytest.mark.parametrize(("field", "value"), [("rank", 0), ("likelihood", "probable"), ("likelihood", "high")])
    def test_a_bad_rank_or_likelihood_is_refused(self, project, field, value):
        from pydantic import ValidationError

        from briefing.schema import Brief

        data = project.brief()
        data["judgments"][0][field] = value
        with pytest.raises(ValidationError, match=field):
            Brief.model_validate(data, context=project.context())

    def test_the_analysts_bottom_line_is_verified_like_every_span(self, project):
        from pydantic import ValidationError

        from briefing.schema import Brief

        data = project.brief()
        data["bottom_line"] = {"text": "No truce soon.", "evidence": [project.span("alpha-ev-bottom", "talks")]}
        brief = Brief.model_validate(data, context=project.context())
        assert brief.bottom_line is not None and brief.bottom_line.evidence[0].id == "alpha-ev-bottom"
        assert ("bottom_line.evidence[0]", "alpha-ev-bottom") in list(brief.evidence_paths())
        wrong = {**data["bottom_line"]["evidence"][0], "start": 3}
        with pytest.raises(ValidationError, match="quote is not the seed text"):
            Brief.model_validate({**data, "bottom_line": {"text": "No truce soon.", "evidence": [wrong]}}, context=project.context())

    def test_the_analysts_bottom_line_reaches_the_frames_and_its_quotes(self, project):
        data = project.brief()
        data["bottom_line"] = {"text": "No truce soon.", "evidence": [project.span("alpha-ev-bottom", "talks")]}
        project.write("alpha.yaml", data)
        built = load_frames(project.layout)
        assert built.briefs.iloc[0]["bottom_line"] == "No truce soon."
        assert built.has_evidence("alpha-ev-bottom")
        assert bottom_line(built).analyst == "No truce soon."
        assert select(built, Selection(issues=("ceasefire",))).has_evidence("alpha-ev-bottom")


def test_an_issue_line_names_the_records_it_rests_on(corpus):
    verdicts = {verdict.issue: verdict for verdict in view_verdicts(corpus)}
    for line in bottom_line(corpus).issues:
        assert line.rests_on == verdicts[line.issue].rests_on and line.rests_on


def test_verdicts_computed_once_give_the_same_lines(corpus):
    view = select(corpus, Selection(issues=("ceasefire", "energy-truce")))
    assert bottom_line(view, verdicts=view_verdicts(view)) == bottom_line(view)
