"""The stance grid: a real HTML table whose issue headers wrap, whose party column stays pinned, and which counts
the issues it cannot show.

It replaced the data grid, whose canvas headers cannot wrap: at 1280 px it showed 3½ of the 8 issues. The component
receives the grid as JSON and puts every value into the page with ``textContent``, never as markup, so nothing from
the data is parsed as HTML. Arrow keys, Home and End move the selection (one cell is in the tab order at a time);
selecting a cell, by pointer or key, sends its ``party:issue`` key as the ``select`` trigger.
"""

from __future__ import annotations

import streamlit as st

from components.assets import asset

SOFT_HYPHEN = "\N{SOFT HYPHEN}"

GRID_HTML, GRID_CSS, GRID_JS = (asset(f"stance_grid.{kind}") for kind in ("html", "css", "js"))

_stance_grid = st.components.v2.component("briefing.stance_grid", html=GRID_HTML, css=GRID_CSS, js=GRID_JS, isolate_styles=False)


def cell_name(words: str, spoken: str, party: str, issue: str) -> str:
    """A cell's accessible name: what it shows, as it shows it, first, so a voice user can say what they see (WCAG
    2.5.3), then its party and issue, then its words in full."""
    shown = ", ".join(line for line in words.splitlines() if line)
    context = f"{party} on {issue}"
    return f"{shown}. {context}." if spoken == words else f"{shown}. {context}: {spoken}."


def named(data: dict) -> dict:
    """The grid's data with each cell's accessible name (``name``) beside its words."""
    issues = [issue["heading"].replace(SOFT_HYPHEN, "") for issue in data["issues"]]
    rows = [
        row
        | {
            "cells": [
                cell | {"name": cell_name(cell["words"], cell["spoken"], row["name"], issue)}
                for cell, issue in zip(row["cells"], issues, strict=True)
            ]
        }
        for row in data["rows"]
    ]
    return data | {"rows": rows}


def stance_grid(*, key: str, data: dict, on_select_change) -> None:
    """Draw the grid; `on_select_change` runs when a cell is selected, with its key in session_state[key]["select"]."""
    _stance_grid(key=key, data=named(data), on_select_change=on_select_change)
