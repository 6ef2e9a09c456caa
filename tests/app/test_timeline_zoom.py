"""The timeline opens on the reporting period of the briefs in view, the whole span is one click away, and the
choice is in the link."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.figures.timeline import ZOOMS, axis_range, in_window, whole_span, zoom_windows
from briefing.load import Layout
from briefing.store import load_frames
from tests.app.helpers import drawings, run_page
from tests.support.markup import Elements


@pytest.fixture(scope="module")
def frames():
    return load_frames(Layout.from_env())  # the test corpus


@pytest.fixture(scope="module")
def windows(frames):
    return zoom_windows(frames.events, frames.briefs)


def drawn(app) -> tuple[set[str], list[pd.Timestamp] | None]:
    """The ids of the events on the bar chart, and its axis range."""
    (markup,) = drawings(app)
    chart = Elements(markup)
    root = next(attrs for _tag, attrs in chart.elements if "timeline-figure" in (attrs.get("class") or ""))
    return set(chart.picks()), [pd.Timestamp(root["data-axis-start"]), pd.Timestamp(root["data-axis-end"])]


class TestZoom:
    def test_opens_on_the_first_zoom_offered(self, frames, windows):
        app = run_page("timeline")
        default = next(iter(windows))
        assert app.session_state["timeline_zoom"] == default
        assert "zoom" not in app.query_params, "a link without zoom= opens on the same default"
        events, axis = drawn(app)
        assert events == set(in_window(frames.events, windows[default])["id"])
        assert axis == axis_range(windows[default] or whole_span(frames.events))

    def test_the_whole_span_is_one_click_away_and_the_choice_stays_in_the_link(self, frames, windows):
        app = run_page("timeline")
        app.segmented_control(key="timeline_zoom").set_value("all").run()
        assert app.query_params["zoom"] == "all"
        events, axis = drawn(app)
        assert events == set(frames.events.loc[frames.events["date_start"].notna(), "id"])
        assert axis == axis_range(whole_span(frames.events)), "the whole span, with a margin"
        default = next(iter(windows))
        app.segmented_control(key="timeline_zoom").set_value(default).run()
        assert app.query_params["zoom"] == default
        assert not app.exception

    def test_a_linked_zoom_is_kept(self):
        app = run_page("timeline", zoom="all")
        assert app.session_state["timeline_zoom"] == "all" and app.query_params["zoom"] == "all"

    def test_every_zoom_a_link_may_name_is_labelled_with_dates(self, windows):
        control = run_page("timeline").segmented_control(key="timeline_zoom")
        assert list(control.options) == [label for label in control.options if " · " in label]
        assert [label.split(" · ")[0] for label in control.options] == [ZOOMS[zoom] for zoom in windows]
