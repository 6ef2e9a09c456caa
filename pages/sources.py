"""Source viewer: the seed text with every evidence span highlighted."""

import streamlit as st

from briefing.frames import each_row
from briefing.labels import published_words
from components.downloads import download_buttons
from components.html import Markup, render_html
from components.shell import page_footer, page_shell
from components.sources import (
    SEED_OPENED_FOR,
    SEED_WIDGET,
    find_hits,
    open_seed,
    opening_seed,
    scroll_to_target,
    seed_coverage,
    seed_titles,
    source_html,
    span_context,
    spans_of_seed,
    spans_per_seed,
)

context = page_shell("sources")
frames = context.frames
target = context.params.get("span")
evidence = frames.evidence
target_row = next(each_row(frames.evidence_for([target])), None) if target else None

seed_ids = list(frames.seed_texts)
counts = spans_per_seed(context.scope)
titles = seed_titles(frames)
opening = target_row.seed if target_row is not None else opening_seed(frames, counts)
# the chooser opens on the text that holds the filter's evidence (or the linked span) whenever either changes;
# in between, the reader's own choice stays
if st.session_state.get(SEED_OPENED_FOR) != (context.selection, target) or st.session_state.get(SEED_WIDGET) not in seed_ids:
    st.session_state[SEED_WIDGET] = opening
    st.session_state[SEED_OPENED_FOR] = (context.selection, target)
seed = opening
if len(seed_ids) > 1:
    seed = st.selectbox(
        "Source text",
        seed_ids,
        key=SEED_WIDGET,
        format_func=lambda s: f"{titles[s]} · {counts[s]:,} evidence span{'' if counts[s] == 1 else 's'}",
    )
text = frames.seed_texts[seed]
if counts[seed] == 0 and (richest := opening_seed(frames, counts)) != seed and counts[richest]:
    st.info(
        f"No evidence span {'of the current filter ' if context.selection.active else ''}is in this text; "
        f"{counts[richest]:,} are in “{titles[richest]}”.",
        icon=":material/info:",
    )
    st.button(f"Open “{titles[richest]}”", key="open_richest_seed", on_click=open_seed, args=(richest,), icon=":material/article:")
briefs = frames.briefs[frames.briefs["seeds"].map(lambda seeds: seed in seeds)]
issue_labels = frames.issue_labels

for brief in each_row(briefs):
    sha = brief.seed_sha256[list(brief.seeds).index(seed)]
    audit = f" · file `{brief.seed_files[list(brief.seeds).index(seed)]}` · sha256 `{sha}`" if context.audit else ""
    st.markdown(f"**{brief.title}**, published {published_words(brief.published)}{audit}")
    if brief.references:
        st.markdown("Reference materials (external, **not retrieved** — the dashboard has not checked them):")
        for url in brief.references:
            st.link_button(f"{url} (not retrieved)", url, icon=":material/open_in_new:")

for note in each_row(context.frames.notes[context.frames.notes["brief"].isin(briefs["id"])]):
    with st.container(border=True):
        st.markdown(f":material/edit_note: {note.text}")

if target_row is not None:
    before, quote, after = span_context(text, target_row.start, target_row.end)
    st.subheader(f"Evidence: {frames.record_label(target_row.record_id)}" + (f" · {target_row.id}" if context.audit else ""))
    render_html(
        Markup(
            '<p style="line-height:1.7">…{before}<mark style="outline:3px solid #111;background:#ffe58a">{quote}</mark>{after}…</p>'
        ).format(before=before, quote=quote, after=after)
    )
    record = f" `{target_row.record_id}`" if context.audit else ""
    st.markdown(f"Supports {target_row.record_kind.replace('-', ' ')}{record} · characters {target_row.start}–{target_row.end}")

st.session_state["source_search"] = context.params.get("q", "")


def _search_changed() -> None:
    value = st.session_state["source_search"].strip()[:200]
    if value:
        st.query_params["q"] = value
    elif "q" in st.query_params:
        del st.query_params["q"]


query = st.text_input("Search the source text", key="source_search", on_change=_search_changed, max_chars=200, placeholder="e.g. Abu Dhabi")
hits = find_hits(text, query.strip())
if query.strip():
    st.caption(f"{len(hits)} match(es) for the search, outlined in yellow.")

spans = spans_of_seed(context.scope, seed)
if target_row is not None and target_row.id not in set(spans["id"]):
    spans = evidence[(evidence["seed"] == seed) & ((evidence["id"] == target_row.id) | evidence["id"].isin(spans["id"]))]
shown = dict.fromkeys(issue_labels.get(issue, issue) for issues in spans["issues"] for issue in issues)
st.caption(
    f"{len(spans)} evidence span(s) highlighted"
    + (" under the current filter" if context.selection.active else "")
    + ". Hover a highlight for the record it supports"
    + (" and its evidence id." if context.audit else ".")
    # issues are named, not coloured: the stances' orange and purple mean nothing else
    + (f" Issues they bear on: {', '.join(shown)}." if shown else "")
)
# coverage: what no record of any brief cites, for the analyst's "what is left" and the editor's "what was skipped"
show_uncited = st.toggle("Show the sentences no record cites", key="source_uncited")
cited, sentences, uncited = seed_coverage(frames, seed)
if show_uncited:
    st.caption(f"{cited} of {sentences} sentences cited. The {len(uncited)} no record cites are outlined with a dashed line.")
labels = None if context.audit else frames.record_labels
render_html(source_html(text, spans, target=target, hits=hits, labels=labels, uncited=uncited if show_uncited else ()))
if target_row is not None:
    scroll_to_target()

download_buttons(context, "positions", "events", "impacts", "judgments")
page_footer(context)
