"""The map's figure builder on outlines and frames built here: shading, confidence, groups, key, hover, escaping."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.figures.map_readings import choice_labels, map_readings
from briefing.figures.regional_map import CONFIDENCE_OPACITY, GROUP_PATTERN, NEIGHBOUR_FILL, map_figure, map_summary
from briefing.regions import DIFFER, NONE
from briefing.vocabulary import IMPACTS
from components.map_legend import map_legend
from tests.support.map_data import BALTIC, HOSTILE, impacts, outlines, parties, rgba


def draw(*rows: tuple[str, str, str], chosen: str | None = None, names: pd.DataFrame | None = None, shapes=None):
    shapes = shapes or outlines()
    readings = map_readings(impacts(*rows), parties() if names is None else names, shapes)
    return readings, map_figure(readings, shapes, chosen)


def trace(figure, name: str):
    found = [t for t in figure.data if t.name == name]
    assert len(found) == 1, [t.name for t in figure.data]
    return found[0]


def annotation_texts(figure) -> list[str]:
    return [annotation.text for annotation in figure.layout.annotations]


class TestShading:
    @pytest.mark.parametrize("confidence", ["high", "medium", "low"])
    def test_colour_says_the_reading_and_solidity_the_confidence(self, confidence):
        _readings, figure = draw(("poland", "worsens", confidence))
        assert trace(figure, "Poland").fillcolor == rgba(IMPACTS["worsens"].colour, CONFIDENCE_OPACITY[confidence])

    def test_confidence_levels_are_told_apart(self):
        assert CONFIDENCE_OPACITY["high"] > CONFIDENCE_OPACITY["medium"] > CONFIDENCE_OPACITY["low"] > 0

    @pytest.mark.parametrize("direction", ["worsens", "improves", "mixed", "uncertain"])
    def test_each_direction_has_its_own_colour(self, direction):
        _readings, figure = draw(("latvia", direction, "high"))
        assert trace(figure, "Latvia").fillcolor == rgba(IMPACTS[direction].colour, CONFIDENCE_OPACITY["high"])
        assert len({impact.colour for impact in IMPACTS.values()}) == len(IMPACTS)

    def test_a_country_without_impacts_is_left_white(self):
        _readings, figure = draw(("poland", "worsens", "high"))
        assert {trace(figure, name).fillcolor for name in ("Estonia", "Latvia", "Lithuania")} == {IMPACTS[NONE].colour}
        assert figure.layout.meta["readings"] == {"poland": "worsens", "estonia": NONE, "latvia": NONE, "lithuania": NONE}

    def test_disagreeing_impacts_show_mixed_readings(self):
        readings, figure = draw(("poland", "worsens", "low"), ("poland", "improves", "high"), ("poland", "worsens", "medium"))
        poland = next(country for country in readings.countries if country.id == "poland")
        assert poland.headline.reading == DIFFER
        assert trace(figure, "Poland").fillcolor == rgba(IMPACTS[DIFFER].colour, CONFIDENCE_OPACITY["high"])
        assert any("Poland" in text and "mixed readings" in text for text in annotation_texts(figure))
        assert "mixed readings: 2 worse off, 1 better off" in trace(figure, "Poland (hover)").hovertext

    def test_the_chosen_country_is_outlined_more_heavily(self):
        _readings, figure = draw(chosen="latvia")
        assert trace(figure, "Latvia").line.width > trace(figure, "Estonia").line.width


class TestGroups:
    def test_a_group_impact_is_one_hatched_shape_with_one_label(self):
        readings, figure = draw(("baltic-states", "worsens", "medium"))
        group = trace(figure, "Baltic states (as a group)")
        assert group.fillpattern.shape == GROUP_PATTERN
        assert group.fillpattern.fgcolor == IMPACTS["worsens"].colour
        assert list(group.x).count(None) == len(BALTIC) - 1  # the three members' outlines in one shape
        labels = [text for text in annotation_texts(figure) if "Baltic states" in text]
        assert len(labels) == 1 and "(as a group)" in labels[0] and "worse off" in labels[0]

    def test_the_members_are_not_given_the_groups_assessment(self):
        readings, figure = draw(("baltic-states", "worsens", "medium"))
        for name in ("Estonia", "Latvia", "Lithuania"):
            assert trace(figure, name).fillcolor == IMPACTS[NONE].colour
            label = next(text for text in annotation_texts(figure) if name in text)
            assert "worse off" not in label
            hover = trace(figure, f"{name} (hover)").hovertext
            assert f"{name} alone: – no assessment under this filter" in hover
            assert "Baltic states (as a group): ▼ worse off" in hover
        assert figure.layout.meta["readings"]["baltic-states"] == "worsens"
        assert all(figure.layout.meta["readings"][member] == NONE for member in BALTIC)

    def test_a_members_own_impact_is_drawn_under_the_group_hatching(self):
        _readings, figure = draw(("baltic-states", "worsens", "high"), ("lithuania", "improves", "low"))
        assert trace(figure, "Lithuania").fillcolor == rgba(IMPACTS["improves"].colour, CONFIDENCE_OPACITY["low"])
        hover = trace(figure, "Lithuania (hover)").hovertext
        assert "Lithuania alone: ▲ better off" in hover and "Baltic states (as a group): ▼ worse off" in hover
        names = [t.name for t in figure.data]
        assert names.index("Lithuania") < names.index("Baltic states (as a group)")  # hatching on top

    def test_no_group_impact_no_group_shape(self):
        _readings, figure = draw(("latvia", "worsens", "high"))
        assert "Baltic states (as a group)" not in [t.name for t in figure.data]
        assert "Latvia alone" not in trace(figure, "Latvia (hover)").hovertext

    def test_a_group_whose_member_has_no_outline_is_not_drawn(self):
        readings, figure = draw(("baltic-states", "worsens", "high"), shapes=outlines(without=("lithuania",)))
        assert readings.missing == ("Lithuania",)
        assert "Baltic states (as a group)" not in [t.name for t in figure.data]


class TestNeighboursAndTraces:
    def test_neighbours_are_grey_named_and_never_shaded(self):
        _readings, figure = draw(("russia", "worsens", "high"))
        neighbours = trace(figure, "Neighbours, not assessed")
        assert neighbours.fillcolor == NEIGHBOUR_FILL and neighbours.hoverinfo == "skip"
        texts = annotation_texts(figure)
        assert "<i>Russia</i>" in texts and "<i>Russia<br>(Kaliningrad)</i>" in texts and "<i>Belarus</i>" in texts
        assert "russia" not in figure.layout.meta["readings"]

    def test_only_plain_scatter_traces_which_fetch_nothing(self):
        _readings, figure = draw(("baltic-states", "worsens", "high"), ("poland", "mixed", "low"))
        assert {t.type for t in figure.data} == {"scatter"}
        layout = figure.to_plotly_json()["layout"]
        assert not {"geo", "mapbox", "map"} & set(layout)

    def test_hover_points_carry_the_region_for_a_click(self):
        _readings, figure = draw(("poland", "improves", "high"))
        hover = trace(figure, "Poland (hover)")
        assert set(hover.customdata) == {"poland"} and len(hover.x) == 2
        assert hover.marker.opacity == 0 and hover.selected.marker.opacity == 0 and hover.unselected.marker.opacity == 0
        assert hover.hovertext.startswith("<b>Poland</b><br>▲ better off · high confidence · 1 impact")


class TestEscaping:
    def test_names_from_data_are_escaped_in_hover_and_labels(self):
        readings, figure = draw(("poland", "worsens", "high"), names=parties(poland_name=HOSTILE))
        hover = trace(figure, f"{HOSTILE} (hover)").hovertext
        label = next(text for text in annotation_texts(figure) if "onerror" in text)
        for text in (hover, label):
            # MarkupSafe writes a quote as &#34;, which Plotly decodes (it knows no &quot;)
            assert "<img" not in text and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in text

    def test_outline_labels_are_escaped(self):
        shapes = outlines(neighbour_label="<b>Königsberg</b>\nKaliningrad")
        figure = map_figure(map_readings(impacts(), parties(), shapes), shapes)
        assert "<i>&lt;b&gt;Königsberg&lt;/b&gt;<br>Kaliningrad</i>" in annotation_texts(figure)


class TestWords:
    def test_the_key_names_every_reading_confidence_and_mark(self):
        key = str(map_legend())
        assert key.startswith('<div role="group" aria-label="Map key">')
        for words in (
            "Worse off",
            "Better off",
            "Mixed effect",
            "Effect uncertain",
            "Mixed readings",
            "No assessment under this filter",
            "High confidence",
            "Medium confidence",
            "Low confidence",
            "as a group",
            "neighbours drawn for context",
        ):
            assert words in key, words

    def test_summary_reads_the_map_aloud(self):
        shapes = outlines()
        readings = map_readings(impacts(("baltic-states", "worsens", "medium"), ("poland", "improves", "low")), parties(), shapes)
        summary = map_summary(readings, shapes)
        assert "Poland: better off, low confidence" in summary
        assert "Baltic states (as a group): worse off, medium confidence" in summary
        assert "Latvia: no assessment under this filter" in summary
        assert "not assessed: Russia, Belarus" in summary

    def test_choices_name_each_region_and_its_headline(self):
        labels = choice_labels(
            impacts(("baltic-states", "worsens", "medium"), ("poland", "worsens", "low"), ("poland", "improves", "low")), parties()
        )
        assert labels == {
            "poland": "Poland · ≠ mixed readings",
            "baltic-states": "Baltic states (as a group) · ▼ worse off",
            "estonia": "Estonia · – no assessment under this filter",
            "latvia": "Latvia · – no assessment under this filter",
            "lithuania": "Lithuania · – no assessment under this filter",
        }
