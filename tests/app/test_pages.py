"""Every page of the real app, run with AppTest on the shipped data."""

from __future__ import annotations

import re

import pytest

from briefing.frames import Selection
from components.downloads import DOWNLOADS_KEY
from components.pages import BY_NAME
from tests.app.helpers import PAGES, as_list, drawings, html_bodies, linked_markups, matrix_grid, matrix_grid_data, run_page


class TestRender:
    @pytest.mark.parametrize("page", list(PAGES))
    def test_page_renders_its_title_without_exception(self, page):
        app = run_page(page)
        assert not app.exception, [e.value for e in app.exception]
        assert [t.value for t in app.title] == [BY_NAME[page].title]
        assert not app.warning

    def test_overview_lists_key_judgments_and_counts(self):
        app = run_page("overview")
        numbered = [m.value for m in app.markdown if re.match(r"\*\*\d+\.\*\* ", m.value)]
        assert len(numbered) >= 3
        assert any(re.fullmatch(r"All \d+ key judgments", e.label) for e in app.expander)
        issue_table = app.table[0].value
        assert "Ceasefire" in set(issue_table["Issue"])
        assert issue_table.loc[issue_table["Issue"] == "Ceasefire", "Positions"].iloc[0] >= 2

    def test_regional_names_baltic_members(self):
        app = run_page("regional")
        headers = [h.value for h in app.header]
        assert "Poland" in headers and "Baltic states" in headers
        assert any("Estonia, Latvia, Lithuania" in c.value for c in app.caption)


class TestFilterFromLink:
    def test_query_params_set_the_filter(self):
        app = run_page("matrix", issue=["ceasefire", "energy-truce"], party="russia")
        assert app.session_state["selection"] == Selection(issues=("ceasefire", "energy-truce"), parties=("russia",))
        assert app.multiselect(key="issue_filter_widget").value == ["ceasefire", "energy-truce"]
        assert as_list(app.query_params["issue"]) == ["ceasefire", "energy-truce"]

    def test_filter_limits_the_matrix_columns_and_rows(self):
        issues, parties, cells = matrix_grid(run_page("matrix", issue="ceasefire", party=["russia", "ukraine"]))
        assert issues == ["ceasefire"]
        assert parties == ["Russia", "Ukraine"]
        assert cells == [["✖✖ Firmly against\nS · 4\N{NO-BREAK SPACE}records"], ["✔ For\nR"]]
        all_issues, all_parties, _cells = matrix_grid(run_page("matrix"))
        assert len(all_issues) > 1 and len(all_parties) > 2

    def test_the_matrix_header_names_what_a_stance_is_for_or_against(self):
        app = run_page("matrix", issue="ceasefire")
        (header,) = matrix_grid_data(app)["issues"]
        assert header["heading"].replace("\N{SOFT HYPHEN}", "") == "Ceasefire"  # the issue's one name, as the filter says it
        assert header["sub"].replace("\N{SOFT HYPHEN}", "") == "General ceasefire"  # under it, the proposition's short form
        assert header["label"] == "Ceasefire: stances are for or against “A general ceasefire along the front”"
        # and in words under the open cell, where a phone has no tooltip
        assert "A stance here is for or against: A general ceasefire along the front." in [c.value for c in app.caption]

    def test_filter_limits_the_timeline(self):
        (all_events,) = drawings(run_page("timeline", zoom="all"))
        (energy,) = drawings(run_page("timeline", issue="energy-truce", zoom="all"))

        def labels_of(drawing: str) -> set[str]:
            """The events' labels, each written above its bar."""
            return set(re.findall(r'<div class="tl-label figure-label">(.*?)</div>', drawing))

        labels = labels_of(energy)
        assert labels and len(labels) < len(labels_of(all_events))
        assert any("Abu Dhabi" in label for label in labels)

    def test_filter_limits_regional_impacts(self):
        everything = run_page("regional")
        ceasefire_only = run_page("regional", issue="ceasefire")
        assert len(ceasefire_only.info) > len(everything.info)  # panels with nothing to show say so

    def test_filter_limits_source_highlights(self):
        marks_all = sum(body.count("<mark") for body in html_bodies(run_page("sources")))
        marks_energy = sum(body.count("<mark") for body in html_bodies(run_page("sources", issue="energy-truce")))
        assert 0 < marks_energy < marks_all

    def test_a_filter_that_matches_nothing_says_so(self):
        app = run_page("timeline", party="lithuania")
        assert any("No event matches" in i.value for i in app.info)


class TestWidgets:
    def test_downloads_are_drawn_once_opened(self):
        app = run_page("timeline", issue="ceasefire")
        assert not app.main.get("download_button"), "closed, the downloads send no buttons"
        app.session_state[DOWNLOADS_KEY] = True
        app.run()
        labels = [button.proto.label for button in app.main.get("download_button")]
        assert "Download JSON" in labels and "Download events CSV" in labels

    def test_choosing_issues_writes_them_to_the_url(self):
        app = run_page("matrix")
        app.multiselect(key="issue_filter_widget").set_value(["security-guarantees"]).run()
        assert as_list(app.query_params["issue"]) == ["security-guarantees"]
        assert matrix_grid(app)[0] == ["security-guarantees"]

    def test_clear_filters_empties_the_filter_and_the_url(self):
        app = run_page("overview", issue="ceasefire")
        app.button(key="clear_filters").click().run()
        assert app.session_state["selection"] == Selection()
        assert "issue" not in app.query_params

    def test_matrix_cell_details_show_claim_type_and_evidence(self):
        app = run_page("matrix", cell="russia:ceasefire")
        (cards,) = linked_markups(app)  # the page of cards is one drawn element
        assert "<strong>Claim type:</strong> Stated by the party" in cards
        assert "evidence-quote" in cards, "the selected cell shows its evidence quotes"
        assert 'href="sources?span=' in cards, "each quote links to its span"

    def test_empty_cell_reads_no_stated_position(self):
        app = run_page("matrix", cell="united-states:ceasefire")
        assert any("No stated position" in m.value for m in app.markdown)


class TestHostileParams:
    @pytest.mark.parametrize(
        "params",
        [
            {"issue": "no-such-issue"},
            {"issue": "x" * 20_000},
            {"issue": "<script>alert(1)</script>", "party": "<img src=x onerror=alert(1)>"},
            {"span": "../../etc/passwd"},
            {"cell": "russia:<b>"},
            {"zzz": "1"},
        ],
    )
    @pytest.mark.parametrize("page", ["overview", "matrix", "sources"])
    def test_bad_values_give_a_notice_not_an_exception(self, page, params):
        app = run_page(page, **params)
        assert not app.exception
        assert app.title[0].value == BY_NAME[page].title
        assert app.warning, "a notice names what was ignored"
        shown = " ".join(w.value for w in app.warning)
        assert "<script>" not in shown and "onerror" not in shown and "x" * 100 not in shown

    def test_a_repeated_page_param_keeps_the_last_value_and_says_so(self):
        app = run_page("sources", span=["<script>alert(1)</script>", "lrl-zelenskyy-document-100-percent-ready"])
        assert not app.exception
        shown = " ".join(w.value for w in app.warning)
        assert "“span” 2 times; only the last one is used" in shown
        assert as_list(app.query_params["span"]) == ["lrl-zelenskyy-document-100-percent-ready"]
