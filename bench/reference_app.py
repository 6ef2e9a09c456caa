"""The reference page the dashboard is measured against: the least a Streamlit dashboard page can do.

One cached DataFrame about the size of the real positions frame, one Plotly heatmap, one st.dataframe and one
sidebar multiselect filter. Run it like the app: ``streamlit run bench/reference_app.py``.
"""

from __future__ import annotations

import random

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

PARTIES = [
    "Russia",
    "Ukraine",
    "United States",
    "United Nations",
    "Western alliance",
    "Poland",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Baltic states",
]
ISSUES = [
    "Ceasefire",
    "Energy truce",
    "Security guarantees",
    "Territorial status",
    "Legitimacy of Kyiv's government",
    "Demilitarization and neutrality",
    "Western military aid",
    "European security order",
]
STANCES = {"Firm rejection": -2, "Rejection": -1, "Conditional": 0, "Support": 1, "Firm demand / support": 2}
ROWS = 30  # the real brief has 29 positions


@st.cache_data
def positions() -> pd.DataFrame:
    """A positions-like table: 30 rows, the real frame's kind of columns."""
    rng = random.Random(0)  # noqa: S311 - fixed sample data, not security
    rows = []
    for number in range(ROWS):
        stance = rng.choice(list(STANCES))
        day = f"2026-01-{rng.randint(1, 29):02d}"
        rows.append(
            {
                "id": f"pos-{number:02d}",
                "party": rng.choice(PARTIES[:6]),
                "issue": ISSUES[number % len(ISSUES)],
                "stance": stance,
                "stance_rank": STANCES[stance],
                "claim_type": rng.choice(["stated", "reported", "assessment"]),
                "confidence": rng.choice(["high", "medium", "low"]),
                "date": day,
                "date_start": pd.Timestamp(day),
                "summary": "A one to three sentence summary of the position, with its caveats, in the analyst's words. " * 2,
                "evidence": f"ev-{number:02d}",
            }
        )
    return pd.DataFrame(rows)


st.set_page_config(page_title="Reference", layout="wide")
with st.sidebar:
    chosen = st.multiselect("Issues", ISSUES, placeholder="All issues")

frame = positions()
view = frame[frame["issue"].isin(chosen)] if chosen else frame
st.title("Reference")
columns = [issue for issue in ISSUES if issue in set(view["issue"])]
grid = view.pivot_table(index="party", columns="issue", values="stance_rank", aggfunc="first").reindex(columns=columns)
st.plotly_chart(
    go.Figure(go.Heatmap(z=grid.values, x=list(grid.columns), y=list(grid.index), zmin=-2, zmax=2, colorscale="PuOr")),
    config={"displayModeBar": False},
)
st.dataframe(view, hide_index=True, width="stretch")
