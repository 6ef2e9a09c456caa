"""What the reader must know about where the data came from: illustrative briefs, editorial warnings, editor's notes."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from briefing.frames import Frames

ILLUSTRATIVE_ICON = ":material/science:"


def markdown_badge(text: str, colour: str = "gray") -> str:
    """A Markdown badge; brackets and backslashes in the text would end it early, so they are dropped."""
    plain = re.sub(r"[\[\]\\]", "", text)
    return f":{colour}-badge[{plain}]"


def illustrative_label(frames: Frames, brief: str) -> str | None:
    """The provenance of a brief written to illustrate, or None for a brief taken from a source."""
    return frames.illustrative_briefs.get(brief)


def illustrative_notice(frames: Frames, view: Frames) -> None:
    """On every view: a badge for each illustrative brief whose records are in view."""
    shown = [brief for brief in view.briefs["id"] if brief in frames.illustrative_briefs]
    for brief in shown:
        st.markdown(
            markdown_badge("Illustrative", "orange") + f" **{frames.brief_titles[brief]}** — "
            + frames.illustrative_briefs[brief],
            help="Its records are shown with this label wherever they appear; they are not a party's words.",
        )


def quality_note(frames: Frames, view: Frames) -> None:
    """Per brief in view: the editorial warnings of `python -m briefing validate`, if any."""
    if not frames.warnings:
        return
    files = dict(zip(view.briefs["file"], view.briefs["title"], strict=True))
    by_file: dict[str, list[str]] = {}
    for warning in frames.warnings:
        if warning.file in files:
            by_file.setdefault(warning.file, []).append(f"{warning.location}: {warning.message}")
    for file, lines in by_file.items():
        with st.expander(f"Data-quality note: {len(lines)} reading(s) in “{files[file]}” may claim more than their "
                         "quotes say", icon=":material/rule:"):
            st.caption("From the editorial checks of `python -m briefing validate` (docs/editorial-checklist.md).")
            st.code("\n".join(lines), language=None, wrap_lines=True)


def editor_notes(view: Frames) -> pd.DataFrame:
    """The editor's notes on the sources in view."""
    return view.notes
