"""The page's timeline drawn on the server as HTML: a focusable bar per dated event at its real extent, labelled with
its status and issues, on an axis of whole days, months or years; the count chart per bucket; everything escaped."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.figures.timeline import axis_range, whole_span
from briefing.figures.timeline_html import date_ticks, density_html, timeline_html
from tests.support.markup import Elements

LABELS = {"truce": "Energy truce", "talks": "Peace talks"}
HOSTILE = '<img src=x onerror="alert(1)">'


def events(*rows: tuple[str, str | None, str | None, str, tuple[str, ...]]) -> pd.DataFrame:
    """Rows of (id, first day, last day, status, issues)."""
    return pd.DataFrame(
        {
            "id": [row[0] for row in rows],
            "title": [f"Event {row[0]}" for row in rows],
            "date": [row[1] if row[1] == row[2] else (f"{row[1]}/{row[2]}" if row[1] else None) for row in rows],
            "date_start": pd.to_datetime([row[1] for row in rows]),
            "date_end": pd.to_datetime([row[2] for row in rows]),
            "status": [row[3] for row in rows],
            "issues": [row[4] for row in rows],
            "issue_labels": [tuple(LABELS[issue] for issue in row[4]) for row in rows],
        }
    )


EVENTS = events(
    ("b", "2026-01-27", "2026-01-28", "reported", ("truce",)),
    ("a", "2026-01-23", "2026-01-23", "occurred", ("talks", "truce")),
    ("c", None, None, "proposed", ()),
)


def root(parsed: Elements, kind: str) -> dict:
    return next(attrs for _tag, attrs in parsed.elements if kind in (attrs.get("class") or ""))


class TestBars:
    def test_each_dated_event_is_a_named_button_in_order_of_its_start(self):
        parsed = Elements(str(timeline_html(EVENTS)))
        picks = parsed.picks()
        assert list(picks) == ["a", "b"]  # the undated event is not placed
        assert all(attrs["role"] == "button" and attrs["tabindex"] == "0" for attrs in picks.values())
        assert picks["b"]["aria-label"].startswith("Event b, 27–28 January 2026, reported")
        assert picks["b"]["data-status"] == "reported" and float(picks["b"]["style"].split("opacity:")[1]) < 1
        assert picks["b"]["data-tip"].split("\n") == ["Event b", "27–28 January 2026", "status: reported", "issues: Energy truce"]

    def test_labels_name_the_status_and_the_issues_in_words(self):
        text = Elements(str(timeline_html(EVENTS))).text
        assert "Event a · Peace talks, Energy truce" in text and "Event b [reported] · Energy truce" in text

    def test_a_bar_spans_its_days_on_the_axis(self):
        parsed = Elements(str(timeline_html(EVENTS)))
        figure = root(parsed, "timeline-figure")
        start, end = pd.Timestamp(figure["data-axis-start"]), pd.Timestamp(figure["data-axis-end"])
        assert [start, end] == axis_range(whole_span(EVENTS))
        style = dict(part.split(":", 1) for part in parsed.picks()["a"]["style"].split(";"))
        left = (pd.Timestamp("2026-01-23") - start) / (end - start) * 100
        width = pd.Timedelta(days=1) / (end - start) * 100
        assert float(style["left"].rstrip("%")) == pytest.approx(left, abs=0.01)
        assert style["width"] == f"max(3px,{width:.3f}%)"

    def test_a_window_keeps_only_the_events_it_overlaps(self):
        window = (pd.Timestamp("2026-01-26"), pd.Timestamp("2026-02-01"))
        assert list(Elements(str(timeline_html(EVENTS, window))).picks()) == ["b"]

    def test_text_from_data_is_escaped(self):
        hostile = EVENTS.assign(title=[HOSTILE, "b", "c"])
        markup = str(timeline_html(hostile))
        assert "<img" not in markup and HOSTILE in Elements(markup).text


class TestTicks:
    @pytest.mark.parametrize(
        ("first", "last", "words"),
        [
            ("2026-01-20", "2026-01-27", ["20 Jan", "21 Jan", "22 Jan", "23 Jan", "24 Jan", "25 Jan", "26 Jan", "27 Jan"]),
            ("2025-11-15", "2026-06-15", ["Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026"]),
            ("2013-06-01", "2026-06-01", ["2014", "2016", "2018", "2020", "2022", "2024", "2026"]),
        ],
    )
    def test_whole_days_months_or_years_at_most_eight(self, first, last, words):
        assert [label for _tick, label in date_ticks([pd.Timestamp(first), pd.Timestamp(last)])] == words


class TestDensity:
    def test_the_root_says_the_bucket_and_the_events_not_placed(self):
        spread = events(
            ("a", "2024-03-01", "2024-03-01", "occurred", ("truce",)),
            ("b", "2024-12-01", "2025-02-28", "occurred", ("truce",)),  # spans two years: not placed
            ("c", "2025-01-10", "2025-01-10", "occurred", ("talks",)),
        )
        parsed = Elements(str(density_html(spread, LABELS)))
        figure = root(parsed, "density-figure")
        assert figure["data-bucket"] == "year" and figure["data-unplaced"] == "1"
        tips = sorted(attrs["data-tip"] for _tag, attrs in parsed.elements if "tl-block" in (attrs.get("class") or ""))
        assert tips == ["Energy truce\n2024: 1 event", "Peace talks\n2025: 1 event"]
