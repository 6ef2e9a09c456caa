"""What every page says before its content: broken data files, and the footer naming the sources and the data version."""

from __future__ import annotations

import streamlit as st

from briefing.dates import human_date
from briefing.frames import Frames
from briefing.labels import published_words
from briefing.markdown import markdown_escape
from briefing.vocabulary import claim_legend
from components.link_state import AS_OF_KEY, changes_since


def problems_banner(frames: Frames) -> None:
    if not frames.problems:
        return
    files = sorted({problem.file for problem in frames.problems})
    st.error(
        f"{len(files)} data file(s) failed validation and were skipped; everything else is shown. "
        "Run `python -m briefing validate` for the full list.",
        icon=":material/error:",
    )
    with st.expander(f"Problems in {', '.join(files[:3])}{' …' if len(files) > 3 else ''}"):
        st.code("\n".join(str(problem) for problem in frames.problems[:50]), language=None, wrap_lines=True)


def _today() -> None:
    st.session_state.pop(AS_OF_KEY, None)


def as_of_notice(today: Frames, shown: Frames, day: str) -> None:
    """An old link opens its data as it was: say so, offer today's view, and list what changed since."""
    st.info(
        f"As of {human_date(day)}: the data as it was when this link was made, shown read-only.",
        icon=":material/history:",
    )
    left, right = st.columns([1, 3])
    left.button("Today's view", key="as_of_today", on_click=_today, icon=":material/today:")
    with right.expander("What changed since"):
        for line in changes_since(shown.version, today):
            st.markdown(markdown_escape(line))


def footer(frames: Frames, audit: bool = False) -> None:
    """The sources in words; the data version, a hash, with the audit details."""
    st.divider()
    briefs = frames.briefs
    if len(briefs) > 3 and frames.published_span:
        first, last = (published_words(day) for day in frames.published_span)
        sources = f"{len(briefs):,} briefs, published {first} to {last}"
    else:
        sources = "; ".join(
            f"{title} ({published_words(published)})" for title, published in zip(briefs["title"], briefs["published"], strict=True)
        )
    st.caption(
        f"Source: {sources or 'no brief loaded'}. "
        + (f"Data version {frames.version or 'unknown'}. " if audit else "")
        + "Every claim links to a verbatim quote in the source text. "
        + f"Whose words: {claim_legend()}."
    )
