"""The page's map drawn on the server as SVG: each shaded country a named button in its reading's fill, groups
hatched with one label, neighbours named, nothing fetched, everything from data escaped."""

from __future__ import annotations

import re

from briefing.figures.map_readings import map_readings
from briefing.figures.map_svg import map_svg
from briefing.figures.regional_map import CONFIDENCE_OPACITY, NEIGHBOUR_FILL
from briefing.regions import NONE
from briefing.vocabulary import IMPACTS
from tests.support.map_data import HOSTILE, impacts, outlines, parties, rgba
from tests.support.markup import Elements


def draw(*rows: tuple[str, str, str], chosen: str | None = None, names=None, shapes=None) -> tuple[str, Elements]:
    shapes = shapes or outlines()
    readings = map_readings(impacts(*rows), parties() if names is None else names, shapes)
    markup = str(map_svg(readings, shapes, chosen))
    return markup, Elements(markup)


class TestCountries:
    def test_each_shaded_country_is_a_named_button_in_the_tab_order(self):
        _markup, parsed = draw(("poland", "worsens", "high"))
        picks = parsed.picks()
        assert set(picks) == {"poland", "estonia", "latvia", "lithuania"}
        for attrs in picks.values():
            assert attrs["role"] == "button" and attrs["tabindex"] == "0"
        assert picks["poland"]["aria-label"].startswith("Poland: ▼ worse off")
        assert picks["poland"]["aria-label"].endswith("Show only its impacts")

    def test_the_fill_says_the_reading_and_its_solidity_the_confidence(self):
        _markup, parsed = draw(("poland", "worsens", "medium"), ("latvia", "improves", "low"))
        picks = parsed.picks()
        assert picks["poland"]["fill"] == rgba(IMPACTS["worsens"].colour, CONFIDENCE_OPACITY["medium"])
        assert picks["latvia"]["fill"] == rgba(IMPACTS["improves"].colour, CONFIDENCE_OPACITY["low"])
        assert picks["estonia"]["fill"] == IMPACTS[NONE].colour
        assert {region: attrs["data-reading"] for region, attrs in picks.items()} == {
            "poland": "worsens",
            "latvia": "improves",
            "estonia": NONE,
            "lithuania": NONE,
        }

    def test_the_chosen_country_is_outlined_more_heavily_and_pressed(self):
        _markup, parsed = draw(chosen="latvia")
        picks = parsed.picks()
        assert float(picks["latvia"]["stroke-width"]) > float(picks["estonia"]["stroke-width"])
        assert picks["latvia"]["aria-pressed"] == "true" and picks["estonia"]["aria-pressed"] == "false"

    def test_the_hover_text_names_the_country_and_its_groups_impact(self):
        _markup, parsed = draw(("baltic-states", "worsens", "medium"))
        tip = parsed.picks()["latvia"]["data-tip"].split("\n")
        assert tip[0] == "Latvia" and tip[1].startswith("Latvia alone: – no assessment")
        assert tip[2].startswith("Baltic states (as a group): ▼ worse off")


class TestGroupsAndNeighbours:
    def test_a_group_impact_is_one_hatched_dashed_shape_with_one_label(self):
        _markup, parsed = draw(("baltic-states", "worsens", "medium"))
        groups = [attrs for _tag, attrs in parsed.elements if attrs.get("data-group")]
        assert len(groups) == 1 and groups[0]["data-reading"] == "worsens"
        assert groups[0]["fill"] == "url(#hatch-baltic-states)" and groups[0]["stroke-dasharray"]
        patterns = [attrs for tag, attrs in parsed.elements if tag == "pattern"]
        assert [p["id"] for p in patterns] == ["hatch-baltic-states"]
        assert parsed.text.count("Baltic states (as a group)") == 1

    def test_no_group_impact_no_group_shape(self):
        _markup, parsed = draw(("latvia", "worsens", "high"))
        assert not [attrs for _tag, attrs in parsed.elements if attrs.get("data-group")]

    def test_neighbours_are_grey_named_and_not_buttons(self):
        markup, parsed = draw(("russia", "worsens", "high"))
        assert f'fill="{NEIGHBOUR_FILL}"' in markup
        assert "Russia" in parsed.text and "(Kaliningrad)" in parsed.text and "Belarus" in parsed.text
        assert "russia" not in parsed.picks()

    def test_the_drawing_fetches_nothing(self):
        markup, _parsed = draw(("baltic-states", "worsens", "high"))
        assert not re.search(r"(?:https?:)?//", markup.replace("http://www.w3.org", ""))


class TestAccessibleAndEscaped:
    def test_the_figure_is_named_by_the_maps_summary(self):
        _markup, parsed = draw(("poland", "worsens", "high"))
        figure = next(attrs for _tag, attrs in parsed.elements if "svg-figure" in (attrs.get("class") or ""))
        assert figure["role"] == "group" and figure["aria-label"].startswith("Map of Poland and the Baltic states.")

    def test_names_from_data_are_escaped(self):
        markup, parsed = draw(("poland", "worsens", "high"), names=parties(poland_name=HOSTILE))
        assert "<img" not in markup
        assert HOSTILE in parsed.text and parsed.picks()["poland"]["aria-label"].startswith(HOSTILE)

    def test_outline_labels_are_escaped(self):
        shapes = outlines(neighbour_label="<b>Königsberg</b>\nKaliningrad")
        markup, parsed = draw(shapes=shapes)
        assert "<b>Königsberg" not in markup and "<b>Königsberg</b> Kaliningrad" in parsed.text
