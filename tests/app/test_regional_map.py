"""The map on /regional through AppTest, on the project's data: drawn, in step with the impacts, linked, and failing alone."""

from __future__ import annotations

import pandas as pd
import pytest

import briefing.outlines as outline_files
from briefing.load import Layout
from briefing.regions import DIFFER, NONE
from briefing.store import load_frames
from tests.app.helpers import drawings, run_page
from tests.support.markup import Elements
from tests.support.tiny_project import TinyProject

SUBJECTS = {"poland": "Poland", "estonia": "Estonia", "latvia": "Latvia", "lithuania": "Lithuania"}


@pytest.fixture(scope="module")
def impacts() -> pd.DataFrame:
    return load_frames(Layout.from_env()).impacts


def expected_reading(impacts: pd.DataFrame, region: str) -> str:
    """Written out apart from the app's rule: no impact, one direction, or several that disagree."""
    directions = set(impacts.loc[impacts["region"] == region, "direction"])
    return NONE if not directions else directions.pop() if len(directions) == 1 else DIFFER


def map_drawings(app) -> list[Elements]:
    """The server-drawn figures on the page, parsed."""
    return [Elements(markup) for markup in drawings(app)]


def map_drawing(app) -> Elements:
    drawings = map_drawings(app)
    assert len(drawings) == 1, "the page draws one figure: the map"
    return drawings[0]


class TestMap:
    def test_the_four_countries_are_drawn_on_the_server_with_no_chart(self):
        app = run_page("regional")
        picks = map_drawing(app).picks()
        assert {region: attrs["aria-label"].split(":")[0] for region, attrs in picks.items()} == SUBJECTS
        assert not app.get("plotly_chart")  # no chart library is loaded for the map

    @pytest.mark.parametrize("issue", [None, "ceasefire", "security-guarantees"])
    def test_each_country_is_shaded_by_its_own_impacts_under_the_filter(self, impacts, issue):
        app = run_page("regional", **({"issue": issue} if issue else {}))
        view = impacts if issue is None else impacts[impacts["issues"].map(lambda issues: issue in issues)]
        drawing = map_drawing(app)
        readings = {region: attrs["data-reading"] for region, attrs in drawing.picks().items()}
        for region in SUBJECTS:
            assert readings[region] == expected_reading(view, region), (issue, region)
        groups = {attrs["data-group"]: attrs["data-reading"] for _tag, attrs in drawing.elements if attrs.get("data-group")}
        if expected_reading(view, "baltic-states") != NONE:
            assert groups == {"baltic-states": expected_reading(view, "baltic-states")}
            assert "Baltic states (as a group)" in drawing.text

    def test_the_key_is_in_words(self):
        app = run_page("regional")
        key = next(element.proto.body for element in app.get("html") if "Map key" in element.proto.body)
        assert "Worse off" in key and "Low confidence" in key and "as a group" in key


class TestRegionLink:
    def test_a_region_in_the_link_shows_only_its_panel(self):
        app = run_page("regional", region="latvia")
        assert not app.exception and not app.warning
        assert [header.value for header in app.header] == ["Latvia"]
        assert [sub.value for sub in app.subheader] == ["As one of the Baltic states (as a group)"]
        assert app.selectbox(key="regional_region").value == "latvia"
        assert app.query_params["region"] == "latvia"

    def test_an_unknown_region_gives_a_notice_and_the_usual_panels(self):
        app = run_page("regional", region="kaliningrad")
        assert any("Ignored the “region” value" in warning.value for warning in app.warning)
        assert [header.value for header in app.header][:2] == ["Poland", "Baltic states"]
        assert "region" not in app.query_params

    def test_choosing_a_region_writes_it_to_the_link_and_all_clears_it(self):
        app = run_page("regional")
        app.selectbox(key="regional_region").set_value("poland").run()
        assert app.query_params["region"] == "poland"
        assert [header.value for header in app.header] == ["Poland"]
        app.selectbox(key="regional_region").set_value("all").run()
        assert "region" not in app.query_params
        assert [header.value for header in app.header][:2] == ["Poland", "Baltic states"]


class TestBrokenOutlines:
    @pytest.mark.parametrize(("content", "message"), [(None, "cannot read the file"), ("{", "invalid JSON at line 1")])
    def test_the_map_says_why_and_the_panels_still_show(self, monkeypatch, tmp_path, content, message):
        path = tmp_path / "outlines.json"
        if content is not None:
            path.write_text(content, encoding="utf-8")
        monkeypatch.setattr(outline_files, "OUTLINES_PATH", path)
        app = run_page("regional")
        assert not app.exception
        errors = [error.value for error in app.error]
        assert any("The map cannot be drawn" in error and message in error for error in errors), errors
        assert not map_drawings(app)
        assert [header.value for header in app.header][:2] == ["Poland", "Baltic states"]
        assert app.selectbox(key="regional_region") is not None  # choosing a region does not need the map


class TestOtherTaxonomy:
    def test_without_poland_or_the_baltic_states_the_map_is_unshaded_and_nothing_breaks(self, tmp_path, monkeypatch):
        project = TinyProject(tmp_path)
        project.write("alpha.yaml", project.brief("alpha"))
        monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
        app = run_page("regional")
        assert not app.exception, [e.value for e in app.exception]
        assert {attrs["data-reading"] for attrs in map_drawing(app).picks().values()} == {NONE}
        assert any("neither Poland nor the Baltic states" in info.value for info in app.info)
        assert "Wider region" in [header.value for header in app.header]  # the brief's impact is still listed
