"""Problem messages say where (file:line:column, the record's id) and how to fix it, for each class of error."""

from __future__ import annotations

import pytest

from briefing.load import Problem
from briefing.locate import explain_missing, near_matches, nearest, nearest_passage
from briefing.messages import date_hint, did_you_mean, node_marks


def problems(project, change) -> list[Problem]:
    data = project.brief()
    change(data)
    project.write("alpha.yaml", data)
    return list(project.load().problems)


class TestWhere:
    def test_line_column_and_record_id(self, project):
        (problem,) = problems(project, lambda d: d["positions"][1].update(party="atlantis"))
        text = (project.layout.briefs / "alpha.yaml").read_text(encoding="utf-8").splitlines()
        assert text[problem.line - 1][problem.column - 1 :] == "atlantis"
        assert problem.record == "alpha-southland-ceasefire"
        assert str(problem) == (
            f"data/briefs/alpha.yaml:{problem.line}:{problem.column}: positions[1].party "
            "(alpha-southland-ceasefire): unknown party id(s): atlantis"
        )

    def test_a_missing_field_points_at_its_record(self, project):
        (problem,) = problems(project, lambda d: d["impacts"][0].pop("direction"))
        text = (project.layout.briefs / "alpha.yaml").read_text(encoding="utf-8").splitlines()
        assert text[problem.line - 1][problem.column - 1 :] == "id: alpha-border-impact"
        assert (problem.location, problem.message) == ("impacts[0].direction", "field required")

    def test_an_unknown_key_points_at_the_key(self, project):
        (problem,) = problems(project, lambda d: d["events"][0].update(colour="red"))
        text = (project.layout.briefs / "alpha.yaml").read_text(encoding="utf-8").splitlines()
        assert text[problem.line - 1].strip() == "colour: red"

    def test_a_seed_problem_names_the_seed(self, project):
        (problem,) = problems(project, lambda d: d["seeds"][0].update(file="gone.txt"))
        assert (problem.line, problem.column, problem.record) == (5, 3, "talks")
        assert str(problem) == "data/briefs/alpha.yaml:5:3: seeds[0] (talks): seed file seeds/gone.txt is missing"

    def test_a_brief_id_clash_is_placed_in_the_later_file(self, project):
        project.write("alpha.yaml", project.brief())
        data = project.brief("zulu")
        data["id"] = "alpha"
        project.write("zulu.yaml", data)
        (problem,) = project.load().problems
        assert str(problem) == f"data/briefs/zulu.yaml:{problem.line}:5: id: brief id 'alpha' is already used in data/briefs/alpha.yaml"

    def test_file_level_problems_have_no_position(self):
        assert str(Problem("data/briefs/a.yaml", "", "file contains NUL bytes")) == "data/briefs/a.yaml: file contains NUL bytes"

    def test_marks_survive_an_alias_bomb(self):
        bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"
        marks = node_marks(bomb)
        assert marks[("d",)] == (4, 1)
        assert len(marks) < 30


class TestDidYouMean:
    def test_party(self, project):
        (problem,) = problems(project, lambda d: d["positions"][0].update(party="northlnd"))
        assert problem.message == "unknown party id(s): northlnd (did you mean 'northland' or 'southland'?)"

    def test_issue(self, project):
        (problem,) = problems(project, lambda d: d["events"][0].update(issues=["cease-fire"]))
        assert problem.message == "unknown issue id(s): cease-fire (did you mean 'ceasefire'?)"

    def test_speaker(self, project):
        (problem,) = problems(project, lambda d: d["positions"][0].update(speaker="north-ministr"))
        assert problem.message == "unknown speaker id(s): north-ministr (did you mean 'north-minister'?)"

    def test_region(self, project):
        (problem,) = problems(project, lambda d: d["impacts"][0].update(region="boarder-region"))
        assert problem.message == "unknown region (party) id(s): boarder-region (did you mean 'border-region'?)"

    def test_nothing_close_suggests_nothing(self):
        assert did_you_mean("atlantis", {"northland", "southland"}) == ""


class TestDates:
    def test_ambiguous_day_and_month_say_so(self, project):
        (problem,) = problems(project, lambda d: d["positions"][0].update(date="03/04/2026"))
        assert problem.location == "positions[0].date"
        assert problem.message == (
            "'03/04/2026' is not a valid EDTF date (e.g. 2026-01-29, 2026-01, 2022-21, 2026-01-23/2026-01-24); "
            "'03/04/2026' could be 3 April 2026 (day first) or 4 March 2026 (month first): "
            'write "2026-04-03" or "2026-03-04", whichever the source means'
        )

    @pytest.mark.parametrize(
        ("written", "hint"),
        [
            ("29/01/2026", 'write "2026-01-29"'),
            ("01/29/2026", 'write "2026-01-29"'),
            ("29.01.2026", 'write "2026-01-29"'),
            ("2026/01/29", 'write "2026-01-29"'),
            ("29 January 2026", 'write "2026-01-29"'),
            ("January 29, 2026", 'write "2026-01-29"'),
            ("Jan 2026", 'write "2026-01" for the whole month'),
            ("spring of 2022", 'write "2022-21" for spring 2022 (seasons are 21 to 24)'),
            ("05/05/2026", 'write "2026-05-05"'),
        ],
    )
    def test_other_forms_get_the_expected_one(self, written, hint):
        assert date_hint(written) == hint

    @pytest.mark.parametrize("written", ["31/31/2026", "soon", "", "2026-13-01", 2026])
    def test_no_guess_where_none_fits(self, written):
        assert date_hint(written) is None

    def test_an_undated_bound_in_another_form(self, project):
        (problem,) = problems(project, lambda d: d["events"][1].update(after="March 2024"))
        assert problem.location == "events[1].after"
        assert problem.message.endswith('; write "2024-03" for the whole month')

    @pytest.mark.parametrize(
        ("published", "message"),
        [
            (
                "30/01/2026",
                "published must be the source's publication date, written YYYY-MM-DD, e.g. \"2026-01-30\" (got '30/01/2026'); "
                'write "2026-01-30"',
            ),
            ("Jan 30", "published must be the source's publication date, written YYYY-MM-DD, e.g. \"2026-01-30\" (got 'Jan 30')"),
            (20260130, 'published must be the source\'s publication date, written YYYY-MM-DD, e.g. "2026-01-30" (got 20260130)'),
            ("2026-02-30", "published '2026-02-30' is not a day of the calendar; write it as YYYY-MM-DD, e.g. \"2026-01-30\""),
        ],
    )
    def test_published(self, project, published, message):
        (problem,) = problems(project, lambda d: d.update(published=published))
        assert (problem.location, problem.message) == ("published", message)


class TestQuoteNotInTheSeed:
    def test_curly_against_straight_names_both_characters(self, project):
        quote = "Southland’s president called for a ceasefire of 60 days"
        (problem,) = problems(project, lambda d: d["positions"][1]["evidence"][0].update(quote=quote))
        start = project.seed_text.find("Southland's")
        assert problem.message == (
            f"quote is not the seed text at {start}-{start + len(quote)}; the quote does not occur anywhere in the seed; "
            f"a near match (it differs only in quotation marks, dashes, spaces or case) is at {start}-{start + len(quote)}: "
            "\"Southland's president called for a ceasefire of 60 days\"; they first differ after 'Southland': "
            "the seed has \"'\" (U+0027 APOSTROPHE) where the quote has '’' (U+2019 RIGHT SINGLE QUOTATION MARK)"
        )

    def test_a_changed_word_shows_the_nearest_passage(self, project):
        text = project.seed_text
        message = explain_missing(text, "We reject any ceasefire that thaws the front.")
        start = text.find("We reject")
        assert message == (
            f"the nearest passage is at {start}-{start + 45}: 'We reject any ceasefire that freezes the fron'; "
            "they first differ after '… any ceasefire that ': the seed has 'f' (U+0066 LATIN SMALL LETTER F) "
            "where the quote has 't' (U+0074 LATIN SMALL LETTER T)"
        )

    def test_a_changed_first_word_is_found_from_the_end(self, project):
        found = nearest_passage(project.seed_text, "Those talks in Geneva ended on 12 March 2024 without agreement.")
        assert (found.start, found.offset, found.seed_char, found.quote_char, found.near) == (0, 1, "a", "h", False)

    def test_whitespace_and_case_are_near(self):
        (found,) = near_matches("one  Two\nthree", "one two three")
        assert (found.start, found.end, found.near) == (0, 14, True)

    def test_nothing_alike(self, project):
        assert explain_missing(project.seed_text, "zzzz qqqq") == "no passage of the seed resembles it"


class TestNearest:
    def test_closest_to_the_records_other_spans(self):
        assert nearest([10, 500], [480]) == 500

    def test_a_tie_or_no_anchor_is_no_choice(self):
        assert nearest([10, 30], [20]) is None
        assert nearest([10, 30], []) is None


class TestEveryProblemInOneRun:
    def test_four_problems_in_one_position(self, project):
        def change(data):
            position = data["positions"][0]
            position.update(party="atlantis", issue="peace", stance="strong-rejection")
            position["evidence"][0]["quote"] = "We refuse any ceasefire."

        found = [(p.location, p.message.split(" (")[0].split(";")[0]) for p in problems(project, change)]
        assert found == [
            (
                "positions[0].stance",
                "Input should be 'firm-rejection', 'rejection', 'conditional', 'support', 'firm-support' or 'ambiguous'",
            ),
            ("positions[0].evidence[0]", "quote is not the seed text at 88-135"),
            ("positions[0].party", "unknown party id(s): atlantis"),
            ("positions[0].issue", "unknown issue id(s): peace"),
        ]

    def test_a_field_error_no_longer_hides_a_rule(self, project):
        def change(data):
            data["positions"][1].pop("reported_by")
            data["positions"][1]["confidence"] = "certain"

        assert [p.location for p in problems(project, change)] == ["positions[1].confidence", "positions[1].reported_by"]

    def test_an_undated_event_with_a_bad_status(self, project):
        def change(data):
            data["events"][1].pop("date_note")
            data["events"][1]["status"] = "rumoured"

        assert [p.location for p in problems(project, change)] == ["events[1].status", "events[1]"]
