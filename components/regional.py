"""Regional-impact panels: Poland and the Baltic states, each impact with its evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data import per_view
from components.evidence import evidence_quotes
from components.paging import page_of
from components.shell import PageContext

PANELS = ("poland", "baltic-states")
DIRECTION_ICONS = {"worsens": "▼", "improves": "▲", "mixed": "◆", "uncertain": "?"}


def region_impacts(impacts: pd.DataFrame, region: str, members: tuple[str, ...] = ()) -> pd.DataFrame:
    """Impacts on a region, including those filed under one of its members."""
    return impacts[impacts["region"].isin((region, *members))]


def impact_panel(context: PageContext, region: str) -> None:
    parties = context.frames.parties.set_index("id")
    name = parties.at[region, "name"]
    members = tuple(parties.at[region, "members"])
    member_names = tuple(parties.at[region, "member_names"])
    st.header(name)
    if member_names:
        st.caption("Members: " + ", ".join(member_names))
    impacts = per_view(f"region:{region}", context.frames, context.selection,
                       lambda: region_impacts(context.view.impacts, region, members))
    if impacts.empty:
        st.info(f"No impact on {name} matches the current filter.")
        return
    for row in page_of(impacts, f"regional_page_{region}", 10, "impacts").itertuples(index=False):
        with st.container(border=True):
            where = "" if row.region == region else f" ({row.region_name})"
            st.markdown(f"**{DIRECTION_ICONS[row.direction]} {row.direction_label}**{where}")
            st.markdown(row.assessment)
            st.caption(f"{row.claim_label} · confidence {row.confidence} · issues: {', '.join(row.issue_labels)}")
            evidence_quotes(context, row.evidence, claim_label=row.claim_label)


def other_impacts(context: PageContext) -> pd.DataFrame:
    """Impacts on other regions, shown for context below the two panels."""
    parties = context.frames.parties.set_index("id")
    covered = set(PANELS) | {m for region in PANELS for m in parties.at[region, "members"]}
    return context.view.impacts[~context.view.impacts["region"].isin(covered)]
