"""The regional map as a Plotly figure, for the pack's pictures (the page draws the same map as SVG, map_svg.py):
Poland and the Baltic states shaded by the brief's impact, neighbours named for context.

Drawn as filled Scatter traces on plain axes, longitude against latitude: Plotly's geo and map traces (scattergeo,
choropleth, scattermap, ...) fetch their base map or topojson from a CDN or tile server, which a briefing room
offline cannot reach; a Scatter with fill="toself" needs nothing but its points. The y axis is stretched by
1/cos(latitude) at the map's middle, an equirectangular projection true to shape at these latitudes.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
from markupsafe import escape

from briefing.figures.map_layout import by_role, clamped, country_label_lines, group_anchor, group_label_lines, hover_lines, inward
from briefing.figures.map_readings import CountryReading, MapReadings
from briefing.outlines import Country, Outlines
from briefing.regions import NONE, Headline
from briefing.vocabulary import IMPACTS

# the second channel: how solid the shading is says how sure the brief is
CONFIDENCE_OPACITY = {"high": 0.9, "medium": 0.55, "low": 0.25}
GROUP_PATTERN = "/"
SEA = "#dce9f3"
NEIGHBOUR_FILL, NEIGHBOUR_LINE = "#ececec", "#8a8a8a"
CONTEXT_FILL, CONTEXT_LINE = "#f6f6f6", "#c4c4c4"
OUTLINE = "#333333"
MAP_HEIGHT = 540


def rgba(colour: str, opacity: float) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity})"


def impact_fill(headline: Headline) -> str:
    if headline.reading == NONE:
        return IMPACTS[NONE].colour
    return rgba(IMPACTS[headline.reading].colour, CONFIDENCE_OPACITY[headline.confidence or "low"])


def hatch_opacity(headline: Headline) -> float:
    """A group's hatching: thin hatch lines need more opacity than a solid fill to read at the same level."""
    return min(1.0, CONFIDENCE_OPACITY[headline.confidence or "low"] + 0.3)


def _rings(countries: list[Country]) -> tuple[list[float | None], list[float | None]]:
    """Every ring of these countries in one line, a gap between rings: one trace fills each ring on its own."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for country in countries:
        for ring in country.rings:
            if xs:
                xs.append(None)
                ys.append(None)
            xs.extend(x for x, _y in ring)
            ys.extend(y for _x, y in ring)
    return xs, ys


def _plotly_text(text: str) -> str:
    """Data text for a Plotly label: escaped (Plotly reads tags in text), line breaks kept."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def hover_text(reading: CountryReading) -> str:
    """map_layout.hover_lines, escaped for Plotly: the country's name in bold, what a click does in italics."""
    name, *middle, click = (escape(line) for line in hover_lines(reading))
    return "<br>".join([f"<b>{name}</b>", *middle, f"<i>{click}</i>"])


def map_summary(readings: MapReadings, outlines: Outlines) -> str:
    """The map in one paragraph of plain text, for screen readers (the chart's accessible name)."""
    parts = [
        f"{country.name}: {country.headline.words}" + (f", {country.headline.confidence} confidence" if country.headline.confidence else "")
        for country in readings.countries
    ]
    parts += [f"{group.label}: {group.headline.words}, {group.headline.confidence} confidence" for group in readings.assessed_groups]
    neighbours = [country.name for country in outlines.countries if country.role == "neighbour"]
    return f"Map of Poland and the Baltic states. {'. '.join(parts)}. Drawn for context and not assessed: {', '.join(neighbours)}."


def map_figure(readings: MapReadings, outlines: Outlines, chosen: str | None = None) -> go.Figure:
    """Land, neighbours, the shaded countries, group hatching, labels, and invisible points that carry hover and click.

    Hover and click go through points inside each country: Plotly reports neither a template nor a selectable point
    for a hovered fill.
    """
    roles = by_role(outlines)
    figure = go.Figure()

    def land(name: str, countries: list[Country], fill: str, line: str, width: float) -> None:
        if countries:
            xs, ys = _rings(countries)
            figure.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    name=name,
                    mode="lines",
                    fill="toself",
                    fillcolor=fill,
                    line=dict(color=line, width=width),
                    hoverinfo="skip",
                    showlegend=False,
                )
            )

    land("Other land", roles["context"], CONTEXT_FILL, CONTEXT_LINE, 0.6)
    land("Neighbours, not assessed", roles["neighbour"], NEIGHBOUR_FILL, NEIGHBOUR_LINE, 0.8)
    for reading in readings.countries:
        country = outlines.outline(reading.id)
        land(
            reading.name,
            [country],
            impact_fill(reading.headline),
            "#000000" if reading.id == chosen else OUTLINE,
            3.0 if reading.id == chosen else 1.0,
        )
    for group in readings.assessed_groups:
        xs, ys = _rings([outlines.outline(member) for member in group.members])
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                name=group.label,
                mode="lines",
                fill="toself",
                fillcolor="rgba(0,0,0,0)",
                fillpattern=dict(
                    shape=GROUP_PATTERN,
                    fgcolor=IMPACTS[group.headline.reading].colour,
                    bgcolor="rgba(0,0,0,0)",
                    fgopacity=hatch_opacity(group.headline),
                    size=9,
                    solidity=0.45,
                ),
                line=dict(color="#000000" if group.id == chosen else OUTLINE, width=3.0 if group.id == chosen else 2.0, dash="dash"),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    for reading in readings.countries:
        country = outlines.outline(reading.id)
        figure.add_trace(
            go.Scatter(
                x=[x for x, _y in country.hit_points],
                y=[y for _x, y in country.hit_points],
                name=f"{reading.name} (hover)",
                mode="markers",
                marker=dict(size=12, opacity=0),
                selected=dict(marker=dict(opacity=0)),
                unselected=dict(marker=dict(opacity=0)),
                customdata=[reading.id] * len(country.hit_points),
                hovertext=hover_text(reading),
                hoverinfo="text",
                showlegend=False,
            )
        )
    figure.update_layout(annotations=_labels(readings, outlines, roles["neighbour"]))
    bounds = outlines.bounds
    middle = math.radians((bounds.south + bounds.north) / 2)
    figure.update_layout(
        height=MAP_HEIGHT,
        margin=dict(l=0, r=0, t=0, b=0),
        plot_bgcolor=SEA,
        paper_bgcolor="#ffffff",
        showlegend=False,
        hovermode="closest",
        hoverlabel=dict(bgcolor="#ffffff", font=dict(color="#000000", size=13), align="left"),
        dragmode=False,
        xaxis=dict(range=[bounds.west, bounds.east], visible=False, fixedrange=True, constrain="domain"),
        yaxis=dict(
            range=[bounds.south, bounds.north],
            visible=False,
            fixedrange=True,
            scaleanchor="x",
            scaleratio=1 / math.cos(middle),
            constrain="domain",
            constraintoward="top",  # on a narrow screen the map sits under its caption, the spare height below it
        ),
        meta={
            "readings": {c.id: c.headline.reading for c in readings.countries}
            | {g.id: g.headline.reading for g in readings.assessed_groups}
        },
    )
    return figure


def _neighbour_label(at: tuple[float, float], text: str, bounds) -> dict:
    """A neighbour's name, anchored to read inward from the frame's edge, so a phone's narrow map does not cut it."""
    x, y = clamped(at, bounds)
    xanchor = {-1: "left", 0: "center", 1: "right"}[inward(x, bounds.west, bounds.east)]
    yanchor = {-1: "bottom", 0: "middle", 1: "top"}[inward(y, bounds.south, bounds.north)]
    return dict(x=x, y=y, xanchor=xanchor, yanchor=yanchor, text=f"<i>{text}</i>", showarrow=False, font=dict(size=12, color="#444444"))


def _labels(readings: MapReadings, outlines: Outlines, neighbours: list[Country]) -> list[dict]:
    labels = [_neighbour_label(label.at, _plotly_text(label.text), outlines.bounds) for country in neighbours for label in country.labels]
    for reading in readings.countries:
        label = outlines.outline(reading.id).labels[0]
        name, *headline = country_label_lines(reading)
        text = "<br>".join([f"<b>{_plotly_text(name)}</b>", *(escape(line) for line in headline)])
        labels.append(
            dict(
                x=label.at[0],
                y=label.at[1],
                text=text,
                showarrow=False,
                font=dict(size=13, color="#000000"),
                bgcolor="rgba(255,255,255,0.75)",
            )
        )
    for group in readings.assessed_groups:
        west, middle = group_anchor(group, outlines)
        title, words = (escape(line) for line in group_label_lines(group))
        text = f"<b>{title}</b><br>{words}"
        # the callout starts at the map's west edge and points to the group, so on a phone's narrow map it stays
        # inside the frame instead of hanging off to the left of the group
        labels.append(
            dict(
                x=west,
                y=middle,
                ax=outlines.bounds.west + (outlines.bounds.east - outlines.bounds.west) * 0.01,
                ay=middle,
                axref="x",
                ayref="y",
                xanchor="left",
                text=text,
                showarrow=True,
                arrowhead=2,
                arrowwidth=1.5,
                arrowcolor="#000000",
                standoff=2,
                align="left",
                font=dict(size=13, color="#000000"),
                bgcolor="rgba(255,255,255,0.85)",
                bordercolor=IMPACTS[group.headline.reading].colour,
                borderwidth=2,
                borderpad=3,
            )
        )
    return labels
