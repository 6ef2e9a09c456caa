"""What the reader must know about where the data came from: illustrative briefs and editorial warnings."""

from __future__ import annotations

import re

import streamlit as st

from briefing.frames import Frames
from components.data import Scope, view_cache

# orange and purple are the stances' colours (briefing.vocabulary): a badge never uses them
ILLUSTRATIVE_BADGE = "blue"


def markdown_badge(text: str, colour: str = "gray") -> str:
    """A Markdown badge; brackets and backslashes in the text would end it early, so they are dropped."""
    plain = re.sub(r"[\[\]\\]", "", text)
    return f":{colour}-badge[{plain}]"


def contributing_briefs(view: Frames) -> set[str]:
    """The briefs with a record in the filtered view: what the page shows comes from these. Editor's notes do not
    count: they concern a source, not an issue, so the filter never leaves them out."""
    tables = (view.positions, view.events, view.impacts, view.judgments, view.ladders)
    return {brief for table in tables for brief in table["brief"].unique()}  # unique() in C: every page asks, every run


# what "illustrative" means, said once for every such brief: the brief's own label is one hover away
ILLUSTRATIVE_WORDS = "written to illustrate, not taken from a source"


@view_cache
def illustrative_in_view(scope: Scope) -> list[str]:
    """The illustrative briefs with records in the filtered view, in brief order; once per data version and filter
    (the briefs of five tables' rows: about 4 ms a run at 1,000 briefs)."""
    frames, view = scope.frames, scope.view
    contributing = contributing_briefs(view)
    return [brief for brief in view.briefs["id"] if brief in frames.illustrative_briefs and brief in contributing]


def illustrative_notice(scope: Scope) -> None:
    """On every view, in one line: the illustrative briefs with records in view, each by title, and what that means;
    their own labels in the tooltip. Nothing when the filter leaves them out."""
    frames = scope.frames
    shown = illustrative_in_view(scope)
    if not shown:
        return
    titles = ", ".join(f"**{frames.brief_titles[brief]}**" for brief in shown)
    labels = " ".join(frames.illustrative_briefs[brief] for brief in shown)
    st.markdown(
        markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) + f" {titles} — {ILLUSTRATIVE_WORDS}.",
        help=f"{labels} Its records carry this label wherever they appear.",
    )


NOTE_FILES = 3  # past this many briefs with warnings, one summary instead of a note each
NOTE_LINES = 30


CHECKS_PLAIN = "From the editorial checks run on every brief (docs/editorial-checklist.md)."
CHECKS_AUDIT = "From the editorial checks of `python -m briefing validate` (docs/editorial-checklist.md)."


def reader_line(line: str, audit: bool) -> str:
    """A warning as "location: message"; the location (a record path in a file) is an audit detail."""
    return line if audit else line.partition(": ")[2] or line


@view_cache
def warned_in_view(scope: Scope) -> list[tuple[str, str]]:
    """The file and title of each brief in the filtered view with editorial warnings; once per data version and filter."""
    by_file, briefs = scope.frames.warnings_by_file, scope.view.briefs
    return [(file, title) for file, title in zip(briefs["file"], briefs["title"], strict=True) if file in by_file]


@view_cache
def _many_warned(scope: Scope, audit: bool) -> tuple[str, str, str]:
    """The note's label, caption and ranking of briefs when many briefs in view have warnings; once per data version,
    filter and audit switch (at 1,000 briefs, counting and ranking them took about 2 ms a run)."""
    by_file, shown = scope.frames.warnings_by_file, warned_in_view(scope)
    total = sum(len(by_file[file]) for file, _title in shown)
    label = f"Data-quality note: {len(shown):,} briefs in view have {total:,} reading(s) that may claim more than their quotes say"
    caption = (CHECKS_AUDIT + " Run it for every line;" if audit else CHECKS_PLAIN) + " the briefs with the most:"
    ranked = sorted(shown, key=lambda pair: -len(by_file[pair[0]]))[:NOTE_LINES]
    return label, caption, "\n".join(f"{len(by_file[file]):>4}  {file if audit else title}" for file, title in ranked)


def quality_note(scope: Scope, audit: bool = False) -> None:
    """Per brief in view: the editorial warnings of `python -m briefing validate`, if any."""
    by_file = scope.frames.warnings_by_file
    if not by_file:
        return
    shown = warned_in_view(scope)
    if len(shown) > NOTE_FILES:
        label, caption, ranked = _many_warned(scope, audit)
        with st.expander(label, icon=":material/rule:"):
            st.caption(caption)
            st.code(ranked, language=None)
        return
    for file, title in shown:
        lines = by_file[file]
        more = [f"… and {len(lines) - NOTE_LINES} more: run python -m briefing validate"] if len(lines) > NOTE_LINES else []
        with st.expander(
            f"Data-quality note: {len(lines)} reading(s) in “{title}” may claim more than their quotes say", icon=":material/rule:"
        ):
            st.caption(CHECKS_AUDIT if audit else CHECKS_PLAIN)
            shown_lines = [reader_line(line, audit) for line in lines[:NOTE_LINES]]
            st.code("\n".join([*shown_lines, *more]), language=None, wrap_lines=True)
