"""Download buttons for what a view shows, built with the export code."""

from __future__ import annotations

import functools
import json

import streamlit as st

from briefing.export import export_records, to_csv_tables
from briefing.frames import Frames, Selection
from components.context import PageContext

DOWNLOADS_KEY = "downloads"


def download_buttons(context: PageContext, *tables: str) -> None:
    """CSV and JSON of the given tables under the current filter; generated only when clicked."""
    frames, selection = context.frames, context.selection
    stem = "-".join(tables) + ("-filtered" if selection.active else "")

    def as_json() -> str:
        records = export_records(frames, selection)
        return json.dumps({name: records[name] for name in tables}, ensure_ascii=False, indent=2)

    # lazy, like the share box: the buttons are drawn only once asked for, so a rerun sends one element, not a row
    downloads = st.expander("Download this view's data (JSON, CSV)", icon=":material/download:", key=DOWNLOADS_KEY, on_change="rerun")
    if not downloads.open:
        return
    columns = downloads.columns(len(tables) + 1)
    columns[0].download_button(
        "Download JSON",
        as_json,
        file_name=f"{stem}.json",
        mime="application/json",
        icon=":material/download:",
        key=f"download_json_{stem}",
        on_click="ignore",
    )
    for column, name in zip(columns[1:], tables, strict=True):
        column.download_button(
            f"Download {name} CSV",
            functools.partial(_csv_table, frames, selection, name),
            file_name=f"{name}{'-filtered' if selection.active else ''}.csv",
            mime="text/csv",
            icon=":material/download:",
            key=f"download_csv_{name}",
            on_click="ignore",
        )


def _csv_table(frames: Frames, selection: Selection, name: str) -> str:
    """One table of the view as CSV, built when its button is pressed."""
    return to_csv_tables(frames, selection)[name]
