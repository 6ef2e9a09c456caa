"""The pack's pictures: the timeline and the regional map, built by the same figure builders as the pages."""

from __future__ import annotations

import plotly.graph_objects as go

from briefing.frames import Frames, Selection, select
from briefing.outlines import OutlineError, load_outlines
from briefing.pack.pictures import NoBrowser, Picture, Pictures, export_pngs
from components.map_readings import map_readings
from components.regional_map import map_figure, map_summary
from components.timeline import BACKGROUND, BACKGROUND_LABEL, density_figure, issue_colours, timeline_figure

TIMELINE_WIDTH, MAP_WIDTH = 1000, 620  # CSS pixels; the map keeps its shape, so a wider picture only adds margins
MOST_BARS = 24  # more dated events than this read better as counts per period than as one bar each on a slide


def _with_issue_key(figure: go.Figure, issue_labels: dict[str, str], colours: dict[str, str]) -> go.Figure:
    """The figure with Plotly's own legend naming each issue colour: on screen the chips beside the chart do that."""
    keyed = go.Figure(figure)
    for issue in figure.layout.meta["issues"]:
        keyed.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=BACKGROUND_LABEL if issue == BACKGROUND else issue_labels.get(issue, issue),
                marker=dict(size=12, symbol="square", color=colours.get(issue, "#777777")),
            )
        )
    keyed.update_layout(showlegend=True, legend=dict(orientation="h", y=-0.12, x=0, title_text="First issue: "), margin=dict(b=90))
    keyed.update_layout(height=(figure.layout.height or 400) + 60)
    return keyed


def timeline_picture_figure(frames: Frames, selection: Selection) -> tuple[go.Figure, str]:
    """The timeline as the page draws it over the whole span (or counts per period when there are many events)."""
    view = select(frames, selection)
    colours = issue_colours(frames.issues["id"])
    dated = view.events[view.events["date_start"].notna()]
    if len(dated) > MOST_BARS:
        figure = density_figure(view.events, frames.issue_labels, colours)
        alt = f"Events per {figure.layout.meta['bucket']}, {len(dated)} dated events, stacked by first issue"
    else:
        figure = timeline_figure(view.events, frames.issue_labels, colours)
        alt = f"{len(dated)} dated events as bars from the first to the last day each date allows"
    return _with_issue_key(figure, frames.issue_labels, colours), alt


def pack_pictures(frames: Frames, selection: Selection) -> Pictures:
    """Draws both pictures in one browser; a picture that cannot be drawn is left out with the reason."""
    figures, titles, alts, missing = [], [], [], []
    view = select(frames, selection)
    if view.events["date_start"].notna().any():
        figure, alt = timeline_picture_figure(frames, selection)
        figures.append((figure, TIMELINE_WIDTH))
        titles.append("Timeline")
        alts.append(alt)
    try:
        outlines = load_outlines()
    except OutlineError as error:
        missing.append(f"The map cannot be drawn: {error}.")
    else:
        readings = map_readings(view.impacts, frames.parties, outlines)
        figures.append((map_figure(readings, outlines), MAP_WIDTH))
        titles.append("Poland and the Baltic states")
        alts.append(map_summary(readings, outlines))
    if not figures:
        return Pictures(missing=tuple(missing))
    try:
        pngs = export_pngs(figures)
    except NoBrowser as error:
        return Pictures(missing=(*missing, f"The pictures were not drawn: {error}."))
    pictures = {title: Picture(title=title, alt=alt, png=png) for title, alt, png in zip(titles, alts, pngs, strict=True)}
    return Pictures(timeline=pictures.get("Timeline"), map=pictures.get("Poland and the Baltic states"), missing=tuple(missing))
