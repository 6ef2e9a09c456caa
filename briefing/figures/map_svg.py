"""The map on /regional as SVG drawn on the server: the same outlines, fills, hatching and labels as the pack's
Plotly map (briefing.figures.regional_map), without a chart library in the browser.

Each shaded country is a focusable button (``data-pick`` its region id) named in words, with the hover text as
``data-tip``; labels are HTML laid over the drawing at fixed pixel sizes, so a phone's narrow map keeps them
readable, as Plotly's annotations were. Every value from data is escaped by MarkupSafe.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from markupsafe import Markup

from briefing.figures.map_layout import by_role, clamped, country_label_lines, group_anchor, group_label_lines, hover_lines, inward
from briefing.figures.map_readings import CountryReading, MapReadings
from briefing.figures.regional_map import (
    CONTEXT_FILL,
    CONTEXT_LINE,
    MAP_HEIGHT,
    NEIGHBOUR_FILL,
    NEIGHBOUR_LINE,
    OUTLINE,
    SEA,
    hatch_opacity,
    impact_fill,
    map_summary,
)
from briefing.outlines import Bounds, Country, Outlines
from briefing.vocabulary import IMPACTS

WIDTH = 1000  # user units across; the height follows the projection


def _projection(bounds: Bounds):
    """Longitude and latitude to user units: equirectangular, the y axis stretched by 1/cos of the middle latitude."""
    stretch = 1 / math.cos(math.radians((bounds.south + bounds.north) / 2))
    scale = WIDTH / (bounds.east - bounds.west)
    height = (bounds.north - bounds.south) * stretch * scale

    def project(point: tuple[float, float]) -> tuple[float, float]:
        return (point[0] - bounds.west) * scale, (bounds.north - point[1]) * stretch * scale

    return project, height


def _path(countries: Iterable[Country], project) -> str:
    rings = []
    for country in countries:
        for ring in country.rings:
            points = [project(point) for point in ring]
            rings.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(rings)


def tip_text(reading: CountryReading) -> str:
    """The hover text in plain lines (map_layout.hover_lines), for the page's tooltip."""
    return "\n".join(hover_lines(reading))


def _label(left: float, top: float, text: Markup, style: str = "", shift: str = "-50%,-50%") -> Markup:
    return Markup(
        '<div class="map-label figure-label" style="left:{left:.2f}%;top:{top:.2f}%;transform:translate({shift});{style}">{text}</div>'
    ).format(left=left, top=top, shift=shift, style=style, text=text)


def _labels(readings: MapReadings, outlines: Outlines, project, height: float) -> list[Markup]:
    bounds = outlines.bounds
    labels = []
    for country in outlines.countries:
        if country.role != "neighbour":
            continue
        for label in country.labels:
            at = clamped(label.at, bounds)
            x, y = project(at)
            across = {-1: "0%", 0: "-50%", 1: "-100%"}[inward(at[0], bounds.west, bounds.east)]
            down = {-1: "-100%", 0: "-50%", 1: "0%"}[inward(at[1], bounds.south, bounds.north)]
            text = Markup("<br>").join(label.text.split("\n"))
            labels.append(
                _label(x / WIDTH * 100, y / height * 100, text, "font-style:italic;color:#444444;font-size:12px", f"{across},{down}")
            )
    for reading in readings.countries:
        x, y = project(outlines.outline(reading.id).labels[0].at)
        name, *headline = country_label_lines(reading)
        text = Markup("<br>").join([Markup("<b>{name}</b>").format(name=name), *headline])
        labels.append(_label(x / WIDTH * 100, y / height * 100, text, "background:rgba(255,255,255,0.75);text-align:center"))
    for group in readings.assessed_groups:
        _west, middle = group_anchor(group, outlines)
        _x, y = project((bounds.west, middle))
        title, words = group_label_lines(group)
        text = Markup("<b>{title}</b><br>{words}").format(title=title, words=words)
        style = Markup("background:rgba(255,255,255,0.95);border:2px solid {colour};padding:3px;text-align:left").format(
            colour=IMPACTS[group.headline.reading].colour
        )
        labels.append(_label(1, y / height * 100, text, style, "0,-50%"))
    return labels


def _group_shapes(readings: MapReadings, outlines: Outlines, project, chosen: str | None) -> list[Markup]:
    """Each assessed group hatched over its members in its reading's colour, dashed, with an arrow from its callout."""
    shapes = []
    for group in readings.assessed_groups:
        members = [outlines.outline(member) for member in group.members]
        colour = IMPACTS[group.headline.reading].colour
        opacity = hatch_opacity(group.headline)
        pattern = f"hatch-{group.id}"
        tip_x, tip_y = project(group_anchor(group, outlines))
        shapes.append(
            Markup(
                '<defs><pattern id="{pattern}" patternUnits="userSpaceOnUse" width="16" height="16" patternTransform="rotate(45)">'
                '<rect width="7" height="16" fill="{colour}" fill-opacity="{opacity}"/></pattern></defs>'
                '<path data-group="{group}" data-reading="{reading}" d="{d}" fill="url(#{pattern})" fill-rule="evenodd" '
                'stroke="{line}" stroke-width="{width}" '
                'stroke-dasharray="8 5" pointer-events="none"/>'
                '<line x1="10" y1="{y:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#000000" stroke-width="2.5" '
                'marker-end="url(#map-arrow)" pointer-events="none"/>'
            ).format(
                pattern=pattern,
                group=group.id,
                reading=group.headline.reading,
                colour=colour,
                opacity=f"{opacity:.2f}",
                d=_path(members, project),
                line="#000000" if group.id == chosen else OUTLINE,
                width=5 if group.id == chosen else 3,
                x=tip_x - 4,
                y=tip_y,
            )
        )
    return shapes


def map_svg(readings: MapReadings, outlines: Outlines, chosen: str | None = None) -> Markup:
    """The map as one escaped fragment: the drawing, its labels over it, and its summary as the accessible name."""
    project, height = _projection(outlines.bounds)
    roles = by_role(outlines)
    land = Markup('<path d="{d}" fill="{fill}" stroke="{line}" stroke-width="{width}" fill-rule="evenodd" pointer-events="none"/>')
    shapes = [
        land.format(d=_path(roles["context"], project), fill=CONTEXT_FILL, line=CONTEXT_LINE, width=1),
        land.format(d=_path(roles["neighbour"], project), fill=NEIGHBOUR_FILL, line=NEIGHBOUR_LINE, width=1.4),
    ]
    pick = Markup(
        '<path class="pick" role="button" tabindex="0" data-pick="{id}" aria-label="{name}: {summary}. Show only its impacts" '
        'data-tip="{tip}" data-reading="{reading}" aria-pressed="{pressed}" d="{d}" fill="{fill}" stroke="{line}" '
        'stroke-width="{width}" fill-rule="evenodd"/>'
    )
    for reading in readings.countries:
        shapes.append(
            pick.format(
                id=reading.id,
                name=reading.name,
                summary=reading.headline.summary,
                tip=tip_text(reading),
                reading=reading.headline.reading,
                pressed="true" if reading.id == chosen else "false",
                d=_path([outlines.outline(reading.id)], project),
                fill=impact_fill(reading.headline),
                line="#000000" if reading.id == chosen else OUTLINE,
                width=5 if reading.id == chosen else 1.8,
            )
        )
    shapes += _group_shapes(readings, outlines, project, chosen)
    return Markup(
        '<div class="svg-figure map-figure" role="group" aria-label="{summary}" style="max-width:{max_width:.0f}px">'
        '<div class="map-frame" style="aspect-ratio:{width} / {height:.1f}">'
        '<svg viewBox="0 0 {width} {height:.1f}" preserveAspectRatio="none" aria-hidden="false" focusable="false">'
        '<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4" orient="auto">'
        '<path d="M0,0L10,5L0,10Z" fill="#000000"/></marker></defs>'
        '<rect width="{width}" height="{height:.1f}" fill="{sea}"/>{shapes}</svg>{labels}</div></div>'
    ).format(
        summary=map_summary(readings, outlines),
        max_width=MAP_HEIGHT * WIDTH / height,
        width=WIDTH,
        height=height,
        sea=SEA,
        shapes=Markup("").join(shapes),
        labels=Markup("").join(_labels(readings, outlines, project, height)),
    )
