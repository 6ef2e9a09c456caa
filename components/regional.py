"""Regional impact: the map, and the panels for Poland and the Baltic states, each impact with its evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.figures.map_readings import choice_labels, map_readings
from briefing.figures.map_svg import map_svg
from briefing.frames import each_row, value_at
from briefing.outlines import OutlineError
from briefing.regions import REGIONAL_PANELS, groups_of, region_headline, region_impacts, regional_parties
from briefing.vocabulary import CONFIDENCE_WORDS, IMPACTS
from components.context import PageContext
from components.data import Scope, get_outlines, view_cache
from components.evidence import evidence_quotes
from components.html import render_html
from components.map_legend import map_legend
from components.paging import page_of
from components.svg_figure import svg_figure

__all__ = ["REGION_PARAM", "impact_panel", "other_impacts", "regional_map", "shown_panels"]

REGION_PARAM = "region"
ALL_REGIONS = "all"
CHOOSER_KEY = "regional_region"


def _impact_rows(context: PageContext, impacts: pd.DataFrame, region: str, key: str) -> None:
    for row in each_row(page_of(impacts, key, 10, "impacts")):
        with st.container(border=True):
            where = "" if row.region == region else f" ({row.region_name})"
            st.markdown(f"**{IMPACTS[row.direction].icon} {row.direction_label}**{where}")
            st.markdown(row.assessment)
            st.caption(f"{row.claim_label} · {CONFIDENCE_WORDS[row.confidence]} · issues: {', '.join(row.issue_labels)}")
            evidence_quotes(context, row.evidence, claim_label=row.claim_label)


def impact_panel(context: PageContext, region: str) -> None:
    """A region's impacts (a group's include its members'); a state shown alone also lists its groups' impacts."""
    parties = context.frames.parties.set_index("id")
    name: str = value_at(parties, region, "name")
    members: tuple[str, ...] = tuple(value_at(parties, region, "members"))
    member_names: tuple[str, ...] = tuple(value_at(parties, region, "member_names"))
    st.header(name)
    if member_names:
        st.caption("Members: " + ", ".join(member_names))
    st.caption(f"Headline: {region_headline(context.view.impacts, region).summary}")
    impacts = _impacts_on(context.scope, region, members)
    if impacts.empty:
        st.info(f"No impact on {name} matches the current filter.")
    else:
        _impact_rows(context, impacts, region, f"regional_page_{region}")
    if members or region in REGIONAL_PANELS:
        return
    for group in groups_of(context.frames.parties, region):
        group_name: str = value_at(parties, group, "name")
        st.subheader(f"As one of the {group_name} (as a group)")
        st.caption(f"These impacts are on the {group_name} as a group, not an assessment of {name} alone.")
        group_impacts = _impacts_on(context.scope, group, ())
        if group_impacts.empty:
            st.info(f"No impact on the {group_name} as a group matches the current filter.")
        else:
            _impact_rows(context, group_impacts, group, f"regional_page_{region}_{group}")


def other_impacts(context: PageContext) -> pd.DataFrame:
    """Impacts on other regions, shown for context below the two panels."""
    covered = regional_parties(context.frames.parties)
    return context.view.impacts[~context.view.impacts["region"].isin(covered)]


def shown_panels(context: PageContext) -> tuple[str, ...]:
    """The panels to draw: the region chosen on the map or in the link, else Poland and the Baltic states."""
    chosen = context.params.get(REGION_PARAM)
    if chosen:
        return (chosen,)
    return tuple(region for region in REGIONAL_PANELS if region in set(context.frames.parties["id"]))


def _region_chosen() -> None:
    choice = st.session_state[CHOOSER_KEY] or ALL_REGIONS
    if choice == ALL_REGIONS:
        if REGION_PARAM in st.query_params:
            del st.query_params[REGION_PARAM]
    else:
        st.query_params[REGION_PARAM] = choice


def _map_clicked(region: str) -> None:
    st.query_params[REGION_PARAM] = region


def regional_map(context: PageContext) -> None:
    """The map beside its key, then a chooser that does what clicking a country does (and works from the keyboard).

    A missing or broken outline file costs the map only: the error is shown here and the panels still follow.
    """
    chosen = context.params.get(REGION_PARAM)
    labels = _choice_labels(context.scope)
    left, right = st.columns([3, 2], vertical_alignment="top")
    try:
        outlines = get_outlines()
    except OutlineError as error:
        left.error(f"The map cannot be drawn: {error}. The panels below are unaffected.", icon=":material/map:")
    else:
        drawing, missing = _map(context.scope, outlines.digest, chosen)
        if missing:
            left.warning(f"The map has no outline for {', '.join(missing)}; see the panels below.", icon=":material/map:")
        with left:
            svg_figure(drawing, key="regional_map", on_pick=_map_clicked)
        with right:
            render_html(map_legend())
    st.session_state[CHOOSER_KEY] = chosen or ALL_REGIONS
    right.selectbox(
        "Show the impacts on",
        options=[ALL_REGIONS, *labels],
        key=CHOOSER_KEY,
        format_func=lambda region: "All regions" if region == ALL_REGIONS else labels[region],
        on_change=_region_chosen,
        help="The same as clicking a country on the map; kept in the link.",
    )


@view_cache
def _impacts_on(scope: Scope, region: str, members: tuple[str, ...]) -> pd.DataFrame:
    """Impacts on a region, with those filed under its members (none for a group read alone)."""
    return region_impacts(scope.view.impacts, region, members)


@view_cache
def _choice_labels(scope: Scope) -> dict[str, str]:
    return choice_labels(scope.view.impacts, scope.frames.parties)


@view_cache
def _map(scope: Scope, outlines_digest: str, chosen: str | None):
    # the digest is in the cache key; the outlines it names are the ones the data layer serves
    outlines = get_outlines()
    if outlines.digest != outlines_digest:
        raise OutlineError("the outline file changed while the map was drawn; reload the page")
    readings = map_readings(scope.view.impacts, scope.frames.parties, outlines)
    return map_svg(readings, outlines, chosen), readings.missing
