"""The workbench's passage panel: the source with its coded spans, selected with the mouse or the keyboard, or found
from a typed quote; and the records a highlight opens."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from briefing.frames import Frames, each_row
from briefing.passages import Passage, context, locate_quote
from components.html import Markup, render_html
from components.pages import page
from components.passage_picker import passage_picker, spans_of
from components.workbench import CANDIDATES_KEY, NEAR_KEY, OPEN_RECORDS_KEY, PASSAGE_KEY, QUOTE_KEY, Opened


def set_passage(passage: Passage | None) -> None:
    st.session_state[PASSAGE_KEY] = passage
    st.session_state.pop(CANDIDATES_KEY, None)
    st.session_state.pop(NEAR_KEY, None)


def _find_quote(seed: str, text: str) -> None:
    located = locate_quote(seed, text, st.session_state.get(QUOTE_KEY, ""))
    st.session_state[CANDIDATES_KEY] = located
    if len(located.passages) == 1:
        st.session_state[PASSAGE_KEY] = located.passages[0]


def passage_panel(frames: Frames, opened: Opened, suggested: Sequence[tuple[int, int]] = ()) -> Passage | None:
    """The source with its coded spans (and the sentences with suggestions outlined); the passage chosen in it with
    the mouse, the keyboard or a typed quote."""
    passage: Passage | None = st.session_state.get(PASSAGE_KEY)
    if passage is not None and passage.seed != opened.seed:
        passage = None
        set_passage(None)
    st.caption(
        "Select a passage with the mouse, or click into the text and hold Shift with the arrow keys. Coded "
        "passages are underlined: click one (or press Enter in it) to open its record."
    )
    events = passage_picker(
        opened.seed,
        opened.text,
        spans_of(frames.evidence, opened.seed),
        (passage.start, passage.end) if passage else None,
        key="wb_picker",
        suggested=suggested,
    )
    if events.selection is not None:
        passage = events.selection
        set_passage(passage)
        st.rerun()  # draw the chosen passage in the text at once
    if events.unmatched:
        st.warning("That selection could not be matched to the source text; select it again or type the quote.")
    if events.opened:
        st.session_state[OPEN_RECORDS_KEY] = events.opened
    with st.expander("…or type or paste a quote", icon=":material/keyboard:", expanded=False):
        st.text_area("Quote, in the source's exact words", key=QUOTE_KEY, height=80, max_chars=5000)
        st.button("Find the quote", key="wb_find", on_click=_find_quote, args=(opened.seed, opened.text), icon=":material/search:")
        located = st.session_state.get(CANDIDATES_KEY)
        if located is not None:
            (st.success if len(located.passages) == 1 else st.warning)(located.message)
            if len(located.passages) > 1:
                labels = {f"{p.start}–{p.end}": p for p in located.passages}
                choice = st.radio(
                    "Occurrences",
                    list(labels),
                    key="wb_occurrence",
                    format_func=lambda label: f"{label}: {context(opened.text, labels[label])}",
                )
                st.button("Use this occurrence", key="wb_use_occurrence", on_click=set_passage, args=(labels[choice],))
            if located.near is not None:
                near = located.near
                wording = opened.text[near.start : near.end]
                st.text(f"The source has: {wording}")
                st.button(
                    "Use the source's wording",
                    key="wb_use_near",
                    on_click=set_passage,
                    args=(Passage(opened.seed, near.start, near.end, wording),),
                )
    if passage is not None:
        render_html(
            Markup(
                '<div data-testid="chosen-quote" style="border-left:4px solid #3d3d3d;padding:0.4rem 0.8rem;margin:0.4rem 0;'
                'white-space:pre-wrap;background:#f6f6f6">{quote}</div>'
            ).format(quote=passage.quote)
        )
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(f"Chosen passage: characters {passage.start}–{passage.end} of `{passage.seed}`.")
        right.button("Clear", key="wb_clear_passage", on_click=set_passage, args=(None,), icon=":material/close:")
    return passage


def open_records(frames: Frames, opened: Opened) -> None:
    """The records behind the highlight the analyst clicked."""
    ids = st.session_state.get(OPEN_RECORDS_KEY)
    if not ids:
        return
    rows = frames.evidence_for(list(ids))
    if rows.empty:
        return
    with st.container(border=True, key="wb_opened_record"):
        for row in each_row(rows.drop_duplicates("record_id")):
            st.markdown(
                f"**Opened {row.record_kind}** `{row.record_id}` · evidence `{row.id}` ({row.role}) · characters {row.start}–{row.end}"
            )
            table = frames.table(
                {
                    "position": "positions",
                    "event": "events",
                    "impact": "impacts",
                    "judgment": "judgments",
                    "ladder": "ladders",
                    "note": "notes",
                    "bottom-line": "briefs",
                }[row.record_kind]
            )
            record = table[table["id"] == row.record_id].head(1)
            for column in ("summary", "title", "assessment", "text", "stance", "claim_type", "confidence", "date"):
                if column in record and len(record) and record[column].iloc[0]:
                    st.text(f"{column.replace('_', ' ')}: {record[column].iloc[0]}")
            st.page_link(
                page("sources").script, label="Show it in the source viewer", query_params={"span": row.id}, icon=":material/article:"
            )
        st.button("Close", key="wb_close_record", on_click=st.session_state.pop, args=(OPEN_RECORDS_KEY, None))
