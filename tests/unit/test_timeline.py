import pandas as pd

from components.timeline import density_figure, issue_legend

LABELS = {"truce": "Energy truce", "talks": "Peace talks", "aid": "Military aid"}
COLOURS = {"truce": "#1b9e77", "talks": "#d95f02", "aid": "#7570b3"}


def events(*rows: tuple[str | None, str | None, tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame({
        "date_start": pd.to_datetime([start for start, _, _ in rows]),
        "date_end": pd.to_datetime([end for _, end, _ in rows]),
        "issues": [issues for _, _, issues in rows],
    })


class TestDensityFigure:
    EVENTS = events(
        ("2024-03-01", "2024-03-01", ("truce",)),
        ("2024-05-01", "2024-05-31", ("talks", "truce")),  # counted under its first issue only
        ("2024-12-01", "2025-02-28", ("truce",)),  # spans two years: not placed in either
        ("2025-01-10", "2025-01-10", ("talks",)),
        (None, None, ("truce",)),  # undated: not on the chart at all
    )

    def test_counts_whole_extents_per_year_by_first_issue(self):
        figure = density_figure(self.EVENTS, LABELS, COLOURS)
        counts = {(trace.name, pd.Timestamp(x).year): int(y) for trace in figure.data for x, y in zip(trace.x, trace.y, strict=True)}
        assert counts == {("Energy truce", 2024): 1, ("Peace talks", 2024): 1, ("Peace talks", 2025): 1}
        assert figure.layout.meta["unplaced"] == 1

    def test_issue_colours_are_chips_not_a_plotly_legend(self):
        figure = density_figure(self.EVENTS, LABELS, COLOURS)
        assert figure.layout.showlegend is False
        assert sorted(figure.layout.meta["issues"]) == ["talks", "truce"]
        assert {trace.marker.color for trace in figure.data} == {COLOURS["truce"], COLOURS["talks"]}
        chips = str(issue_legend(LABELS, COLOURS, figure.layout.meta["issues"], "Colour: first issue"))
        assert "Energy truce" in chips and "Peace talks" in chips and "Military aid" not in chips
        assert 'aria-label="Colour: first issue"' in chips

    def test_zoomed_in_it_counts_per_day_within_the_window(self):
        late_january = events(
            ("2026-01-25", "2026-01-25", ("aid",)),
            ("2026-01-25", "2026-01-25", ("aid",)),
            ("2026-01-21", "2026-01-23", ("talks",)),  # three days: not narrowed to one of them
            ("2025-06-01", "2025-06-01", ("truce",)),  # outside the window
        )
        figure = density_figure(late_january, LABELS, COLOURS, zoom="late-jan-2026")
        assert [(trace.name, [pd.Timestamp(x).date().isoformat() for x in trace.x], list(trace.y)) for trace in figure.data] == [
            ("Military aid", ["2026-01-25"], [2]),
        ]
        assert figure.layout.meta["unplaced"] == 1


class TestBackgroundEvents:
    """An event that names no issue is drawn grey and named as background, not dropped or failed on."""

    def test_density_counts_it_as_background(self):
        figure = density_figure(events(("2024-03-01", "2024-03-01", ()), ("2024-04-01", "2024-04-01", ("aid",))), LABELS, COLOURS)
        assert {trace.name: list(trace.y) for trace in figure.data} == {"Background (no single issue)": [1], "Military aid": [1]}
        chips = str(issue_legend(LABELS, COLOURS, figure.layout.meta["issues"], "Colour: first issue"))
        assert "Background (no single issue)" in chips and "#777777" in chips

    def test_bars_and_the_undated_table(self):
        from components.timeline import timeline_figure, undated_table

        frame = pd.DataFrame({
            "id": ["a", "b"], "title": ["Defence spending rises", "Talks"], "date": ["2022/2026", None],
            "date_start": pd.to_datetime(["2022-01-01", None]), "date_end": pd.to_datetime(["2026-12-31", None]),
            "date_precision": ["year range", "undated"], "status": ["occurred", "proposed"], "issues": [(), ()],
            "issue_labels": [(), ()], "date_note": [None, "Soon."], "after": [None, "2024"], "before": [None, None],
        })
        figure = timeline_figure(frame, LABELS, COLOURS)
        assert list(figure.data[0].marker.color) == ["#777777"]
        assert "issues: Background (no single issue)" in figure.data[0].hovertext[0]
        assert undated_table(frame)["Issues"].tolist() == ["Background (no single issue)"]
