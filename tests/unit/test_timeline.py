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
