"""Regional impact: Poland and the Baltic states, on a map and in panels."""

import streamlit as st

from briefing.frames import each_row
from briefing.vocabulary import IMPACTS
from components.downloads import download_buttons
from components.evidence import evidence_quotes
from components.paging import page_of
from components.regional import REGION_PARAM, impact_panel, other_impacts, regional_map, shown_panels
from components.shell import page_footer, page_shell

context = page_shell("regional")
st.caption(
    "How the brief assesses the effect on Poland and the Baltic states. Impacts follow the issue filter; "
    "click a country on the map to show only its impacts."
)
regional_map(context)
panels = shown_panels(context)
if not panels:
    st.info("The taxonomy names neither Poland nor the Baltic states, so there is no panel to show.")
for column, region in zip(st.columns(len(panels)) if panels else (), panels, strict=True):
    with column:
        impact_panel(context, region)

others = other_impacts(context)
if not others.empty and REGION_PARAM not in context.params:
    st.header("Wider region")
    for row in each_row(page_of(others, "regional_page_other", 10, "impacts")):
        with st.container(border=True):
            st.markdown(f"**{row.region_name}: {IMPACTS[row.direction].icon} {row.direction_label}** — {row.assessment}")
            st.caption(f"{row.claim_label} · confidence {row.confidence} · issues: {', '.join(row.issue_labels)}")
            evidence_quotes(context, row.evidence, claim_label=row.claim_label)

download_buttons(context, "impacts")
page_footer(context)
