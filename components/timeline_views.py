"""The timeline's computations for the filtered view, each cached per data version, filter and zoom (components.data.view_cache)."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from briefing.dates import human_date
from briefing.figures.timeline import Window, density_counts, event_label, undated_table, zoom_label, zoom_windows
from briefing.figures.timeline_html import density_html, timeline_html
from briefing.frames import each_row
from components.data import Scope, view_cache


@view_cache
def view_zoom_windows(scope: Scope) -> dict[str, Window | None]:
    """The zoom windows of the filtered view's events."""
    return zoom_windows(scope.view.events, scope.view.briefs)


@view_cache
def view_zoom_labels(scope: Scope) -> dict[str, str]:
    """Each zoom's button label with the dates it shows (the whole span is a pass over every event in view)."""
    return {zoom: zoom_label(zoom, scope.view.events, window) for zoom, window in view_zoom_windows(scope).items()}


@view_cache
def view_density(scope: Scope, zoom: str) -> tuple[Markup, str, int]:
    """The count chart of the filtered view's events in one zoom window, its bucket's name and how many events it
    does not place."""
    window = view_zoom_windows(scope)[zoom]
    _counts, bucket, unplaced = density_counts(scope.view.events, window)
    return density_html(scope.view.events, scope.frames.issue_labels, window), bucket, unplaced


@view_cache
def view_timeline(scope: Scope, zoom: str) -> Markup:
    """The bar chart of the filtered view's events in one zoom window."""
    window = view_zoom_windows(scope)[zoom]
    return timeline_html(scope.view.events, window)


@view_cache
def view_undated_table(scope: Scope) -> pd.DataFrame:
    return undated_table(scope.view.events)


@view_cache
def event_choices(scope: Scope, most: int) -> dict[str, str]:
    """The first `most` events of the view, labelled for the chooser."""
    return {
        row.id: human_date(row.date, after=row.after, before=row.before) + " · " + event_label(row)
        for row in each_row(scope.view.events.head(most))
    }
