"""What every page says before its content: broken data files, and the footer naming the sources and the data version."""

from __future__ import annotations

import streamlit as st

from briefing.frames import Frames
from briefing.labels import published_words


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


def footer(frames: Frames, audit: bool = False) -> None:
    """The sources in words; the data version, a hash, with the audit details."""
    st.divider()
    briefs = frames.briefs
    if len(briefs) > 3:
        first, last = published_words(briefs["published"].min()), published_words(briefs["published"].max())
        sources = f"{len(briefs):,} briefs, published {first} to {last}"
    else:
        sources = "; ".join(
            f"{title} ({published_words(published)})" for title, published in zip(briefs["title"], briefs["published"], strict=True)
        )
    st.caption(
        f"Source: {sources or 'no brief loaded'}. "
        + (f"Data version {frames.version or 'unknown'}. " if audit else "")
        + "Every claim links to a verbatim quote in the source text. "
        "Claim types: *stated* = the party's own words; *reported* = attributed by others; "
        "*assessment* = the analyst's judgement."
    )
