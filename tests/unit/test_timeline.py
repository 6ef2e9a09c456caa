import pandas as pd

from briefing.figures.timeline import (
    ZOOMS,
    brief_period,
    bucket_for,
    density_figure,
    in_window,
    timeline_figure,
    zoom_label,
    zoom_windows,
)
from briefing.figures.timeline_layout import axis_range, date_ticks
from briefing.vocabulary import ISSUE_INK

LABELS = {"truce": "Energy truce", "talks": "Peace talks", "aid": "Military aid"}


def events(*rows: tuple[str | None, str | None, tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date_start": pd.to_datetime([start for start, _, _ in rows]),
            "date_end": pd.to_datetime([end for _, end, _ in rows]),
            "issues": [issues for _, _, issues in rows],
        }
    )


class TestDensityFigure:
    EVENTS = events(
        ("2024-03-01", "2024-03-01", ("truce",)),
        ("2024-05-01", "2024-05-31", ("talks", "truce")),  # counted under its first issue only
        ("2024-12-01", "2025-02-28", ("truce",)),  # spans two years: not placed in either
        ("2025-01-10", "2025-01-10", ("talks",)),
        (None, None, ("truce",)),  # undated: not on the chart at all
    )

    def test_counts_whole_extents_per_year_by_first_issue(self):
        figure = density_figure(self.EVENTS, LABELS)
        counts = {(trace.name, pd.Timestamp(x).year): int(y) for trace in figure.data for x, y in zip(trace.x, trace.y, strict=True)}
        assert counts == {("Energy truce", 2024): 1, ("Peace talks", 2024): 1, ("Peace talks", 2025): 1}
        assert figure.layout.meta["unplaced"] == 1

    def test_issues_are_named_not_coloured(self):
        figure = density_figure(self.EVENTS, LABELS)
        assert figure.layout.showlegend is False
        assert sorted(figure.layout.meta["issues"]) == ["talks", "truce"]
        assert {trace.marker.color for trace in figure.data} == {ISSUE_INK}
        assert {trace.name for trace in figure.data} == {"Energy truce", "Peace talks"}  # each block's hover names it

    def test_zoomed_in_it_counts_per_day_within_the_window(self):
        late_january = events(
            ("2026-01-25", "2026-01-25", ("aid",)),
            ("2026-01-25", "2026-01-25", ("aid",)),
            ("2026-01-21", "2026-01-23", ("talks",)),  # three days: not narrowed to one of them
            ("2025-06-01", "2025-06-01", ("truce",)),  # outside the window
        )
        window = (pd.Timestamp("2026-01-20"), pd.Timestamp("2026-02-01"))
        figure = density_figure(late_january, LABELS, window)
        assert [(trace.name, [pd.Timestamp(x).date().isoformat() for x in trace.x], list(trace.y)) for trace in figure.data] == [
            ("Military aid", ["2026-01-25"], [2]),
        ]
        assert figure.layout.meta["unplaced"] == 1
        assert figure.layout.meta["bucket"] == "day"
        first, last = (pd.Timestamp(edge) for edge in figure.layout.xaxis.range)
        assert first < window[0] and window[1] < last


def dated(*rows: tuple[str, str | None, str | None]) -> pd.DataFrame:
    """(brief, first day, last day) per event; None for an undated one."""
    return pd.DataFrame(
        {
            "id": [f"e{index}" for index in range(len(rows))],
            "brief": [brief for brief, _, _ in rows],
            "title": [f"Event {index}" for index in range(len(rows))],
            "date": [start for _, start, _ in rows],
            "date_precision": ["day"] * len(rows),
            "date_start": pd.to_datetime([start for _, start, _ in rows]),
            "date_end": pd.to_datetime([end for _, _, end in rows]),
            "status": ["occurred"] * len(rows),
            "issues": [("talks",)] * len(rows),
            "issue_labels": [("Peace talks",)] * len(rows),
        }
    )


def briefs(**published: str) -> pd.DataFrame:
    return pd.DataFrame({"id": list(published), "published": pd.to_datetime(list(published.values()))})


class TestBriefPeriod:
    EVENTS = dated(
        ("spring", "2014-02-20", "2014-02-23"),  # background, years before
        ("spring", "2022-01-01", "2022-12-31"),  # background: a year-long band
        ("spring", "2024-03-10", "2024-03-11"),
        ("spring", "2024-03-28", "2024-03-28"),
        ("summer", "2024-06-02", "2024-06-02"),
        ("summer", None, None),  # undated: never on the axis
    )
    BRIEFS = briefs(spring="2024-03-30", summer="2024-06-10")

    def test_spans_the_events_near_each_brief_and_leaves_out_the_background(self):
        assert brief_period(self.EVENTS, self.BRIEFS) == (pd.Timestamp("2024-03-10"), pd.Timestamp("2024-06-03"))

    def test_follows_the_briefs_in_view(self):
        spring = self.EVENTS[self.EVENTS["brief"] == "spring"]
        assert brief_period(spring, self.BRIEFS) == (pd.Timestamp("2024-03-10"), pd.Timestamp("2024-03-29"))

    def test_is_none_when_every_event_is_background(self):
        assert brief_period(self.EVENTS.iloc[:2], self.BRIEFS) is None

    def test_the_default_zoom_is_the_period_and_the_whole_span_is_the_other_choice(self):
        windows = zoom_windows(self.EVENTS, self.BRIEFS)
        assert list(windows) == ["brief", "all"] == list(ZOOMS)
        assert windows["brief"] == brief_period(self.EVENTS, self.BRIEFS) and windows["all"] is None

    def test_a_period_that_is_the_whole_span_is_not_offered_twice(self):
        recent = self.EVENTS.iloc[2:4]
        assert zoom_windows(recent, self.BRIEFS) == {"all": None}
        assert zoom_windows(self.EVENTS.iloc[:2], self.BRIEFS) == {"all": None}

    def test_labels_name_the_dates_each_zoom_shows(self):
        windows = zoom_windows(self.EVENTS, self.BRIEFS)
        assert zoom_label("brief", self.EVENTS, windows["brief"]) == "Reporting period · 10 March – 2 June 2024"
        assert zoom_label("all", self.EVENTS, None) == "Whole span · 2014–2024"
        spring = self.EVENTS[self.EVENTS["brief"] == "spring"]
        assert zoom_label("brief", spring, (pd.Timestamp("2023-12-30"), pd.Timestamp("2024-01-03"))) == (
            "Reporting period · 30 December 2023 – 2 January 2024"
        )
        one_day = (pd.Timestamp("2026-01-29"), pd.Timestamp("2026-01-30"))  # a window ends the day after its last day
        assert zoom_label("brief", spring, one_day) == "Reporting period · 29 January 2026"

    def test_the_bar_chart_draws_only_the_period_on_an_axis_around_it(self):
        window = brief_period(self.EVENTS, self.BRIEFS)
        figure = timeline_figure(self.EVENTS, {"talks": "Peace talks"}, window)
        assert list(figure.data[0].customdata) == ["e2", "e3", "e4"]
        first, last = (pd.Timestamp(edge) for edge in figure.layout.xaxis.range)
        assert first < window[0] and window[1] < last
        whole = timeline_figure(self.EVENTS, {"talks": "Peace talks"})
        assert list(whole.data[0].customdata) == ["e0", "e1", "e2", "e3", "e4"]
        first, last = (pd.Timestamp(edge) for edge in whole.layout.xaxis.range)
        assert first < self.EVENTS["date_start"].min() and self.EVENTS["date_end"].max() < last

    def test_an_event_overlapping_the_window_edge_is_in_it(self):
        window = (pd.Timestamp("2022-12-31"), pd.Timestamp("2024-03-11"))
        assert list(in_window(self.EVENTS, window)["id"]) == ["e1", "e2"]


class TestBuckets:
    def test_days_for_months_months_for_years_years_beyond(self):
        start = pd.Timestamp("2024-01-01")
        assert bucket_for((start, start + pd.Timedelta(days=60))) == ("day", "D")
        assert bucket_for((start, start + pd.Timedelta(days=700))) == ("month", "M")
        assert bucket_for((start, start + pd.Timedelta(days=3000))) == ("year", "Y")
        assert bucket_for(None) == ("year", "Y")


class TestBackgroundEvents:
    """An event that names no issue is drawn grey and named as background, not dropped or failed on."""

    def test_density_counts_it_as_background(self):
        figure = density_figure(events(("2024-03-01", "2024-03-01", ()), ("2024-04-01", "2024-04-01", ("aid",))), LABELS)
        assert {trace.name: list(trace.y) for trace in figure.data} == {"Background (no single issue)": [1], "Military aid": [1]}

    def test_bars_and_the_undated_table(self):
        from briefing.figures.timeline import timeline_figure, undated_table

        frame = pd.DataFrame(
            {
                "id": ["a", "b"],
                "title": ["Defence spending rises", "Talks"],
                "date": ["2022/2026", None],
                "date_start": pd.to_datetime(["2022-01-01", None]),
                "date_end": pd.to_datetime(["2026-12-31", None]),
                "date_precision": ["year range", "undated"],
                "status": ["occurred", "proposed"],
                "issues": [(), ()],
                "issue_labels": [(), ()],
                "date_note": [None, "Soon."],
                "after": [None, "2024"],
                "before": [None, None],
            }
        )
        figure = timeline_figure(frame, LABELS)
        assert figure.data[0].marker.color == ISSUE_INK
        assert "Background (no single issue)" in figure.layout.annotations[0].text.replace("<br>", " ")  # the label names it
        assert "issues: Background (no single issue)" in figure.data[0].hovertext[0]
        assert undated_table(frame)["Issues"].tolist() == ["Background (no single issue)"]


class TestEventLabel:
    def test_a_partly_qualified_date_is_marked_uncertain(self):
        from types import SimpleNamespace

        from briefing.figures.timeline import event_label

        assert event_label(SimpleNamespace(title="Talks", status="occurred", date="2026-01?-29")) == "Talks?"
        assert event_label(SimpleNamespace(title="Talks", status="occurred", date="2026-01-29")) == "Talks"


class TestShortSpans:
    """A one-day event is drawn in a fortnight or more with whole-day ticks, its label above its bar in dark ink."""

    ONE_DAY_EVENT = pd.DataFrame(
        {
            "id": ["talks"],
            "title": ["Trilateral talks in Abu Dhabi"],
            "date": ["2026-01-23"],
            "date_start": pd.to_datetime(["2026-01-23"]),
            "date_end": pd.to_datetime(["2026-01-23"]),
            "date_precision": ["day"],
            "status": ["occurred"],
            "issues": [("talks",)],
            "issue_labels": [("Peace talks",)],
        }
    )

    def test_the_axis_spans_at_least_fourteen_days_around_the_day(self):
        day = pd.Timestamp("2026-01-23")
        for window in (None, (day, day + pd.Timedelta(days=1))):
            figure = timeline_figure(self.ONE_DAY_EVENT, LABELS, window)
            first, last = (pd.Timestamp(edge) for edge in figure.layout.xaxis.range)
            assert last - first >= pd.Timedelta(days=14)
            assert first <= day - pd.Timedelta(days=6) and day + pd.Timedelta(days=7) <= last

    def test_ticks_are_whole_days_never_hours(self):
        figure = timeline_figure(self.ONE_DAY_EVENT, LABELS)
        axis = figure.layout.xaxis
        assert axis.dtick % (24 * 3600 * 1000) == 0 and axis.dtick > 0
        assert "%H" not in axis.tickformat and "%-d" in axis.tickformat
        assert pd.Timestamp(axis.tick0) == pd.Timestamp(axis.tick0).floor("D")

    def test_a_long_span_keeps_plotly_s_own_ticks(self):
        assert date_ticks([pd.Timestamp("2014-01-01"), pd.Timestamp("2026-01-01")]) == {}
        assert axis_range((pd.Timestamp("2014-01-01"), pd.Timestamp("2026-01-01")))[0] < pd.Timestamp("2014-01-01")

    def test_the_label_sits_above_its_bar_and_reads_at_four_and_a_half_to_one(self):
        figure = timeline_figure(self.ONE_DAY_EVENT, LABELS)
        (label,) = figure.layout.annotations
        assert label.text == "Trilateral talks in Abu Dhabi · Peace talks" and label.xref == "paper" and label.x == 0
        assert label.y < figure.data[0].y[0], "the label's top is above the bar's middle on a downward axis"
        assert figure.layout.yaxis.visible is False, "no label column squeezes the bars"
        assert contrast(label.font.color, "#ffffff") >= 4.5
        assert contrast(figure.layout.xaxis.tickfont.color, "#ffffff") >= 4.5


def contrast(ink: str, paper: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(ink), luminance(paper)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
