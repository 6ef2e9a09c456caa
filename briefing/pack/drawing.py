"""The pack's pictures: the timeline and the regional map, built by the same figure builders as the pages
(briefing.figures) and drawn by Plotly's static export."""

from __future__ import annotations

import plotly.graph_objects as go

from briefing.figures.map_readings import map_readings
from briefing.figures.regional_map import map_figure, map_summary
from briefing.figures.timeline import density_figure, in_window, timeline_figure, zoom_windows
from briefing.frames import Frames, Selection, select
from briefing.outlines import OutlineError, load_outlines
from briefing.pack.pictures import NoBrowser, Picture, Pictures, export_pngs
from briefing.pack.reader import period_words
from briefing.regions import regional_parties

TIMELINE_WIDTH, MAP_WIDTH = 1000, 620  # CSS pixels; the map keeps its shape, so a wider picture only adds margins
MOST_BARS = 24  # more dated events than this read better as counts per period than as one bar each on a slide


def timeline_picture_figure(frames: Frames, selection: Selection) -> tuple[go.Figure, str]:
    """The timeline over the reporting period of the briefs in view, as the page draws it by default (counts per
    period when there are many events); the events outside it are named in the pack's text as background."""
    view = select(frames, selection)
    window = next(iter(zoom_windows(view.events, view.briefs).values()))  # the page's default zoom (None: every event)
    dated = in_window(view.events, window)
    outside = int(view.events["date_start"].notna().sum()) - len(dated)
    span = f" in the reporting period, {period_words(window)}," if window is not None else ""
    events = f"{len(dated)} dated {'event' if len(dated) == 1 else 'events'}"
    if len(dated) > MOST_BARS:
        figure = density_figure(view.events, frames.issue_labels, window)
        alt = f"{events}{span} counted per {figure.layout.meta['bucket']}, stacked by first issue"
    else:
        figure = timeline_figure(view.events, frames.issue_labels, window)
        alt = f"{events}{span} as bars from the first to the last day each date allows"
    if outside:
        alt += f"; {outside} dated {'event' if outside == 1 else 'events'} outside it named in the text, under Background"
    return figure, alt  # issues are named in each bar's label, not coloured: no key


def pack_pictures(frames: Frames, selection: Selection) -> Pictures:
    """Draws both pictures in one browser; a picture that cannot be drawn is left out with the reason, and one with
    nothing to show (no dated event, no impact) is not drawn."""
    figures, titles, alts, missing = [], [], [], []
    outlines = None
    view = select(frames, selection)
    if view.events["date_start"].notna().any():
        figure, alt = timeline_picture_figure(frames, selection)
        figures.append((figure, TIMELINE_WIDTH))
        titles.append("Timeline")
        alts.append(alt)
    try:
        mapped = view.impacts["region"].isin(set(regional_parties(frames.parties)))
        outlines = load_outlines() if mapped.any() else None  # no region the map draws assessed: no blank map
    except OutlineError as error:
        missing.append(f"The map cannot be drawn: {error}.")
    if outlines is not None:
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
