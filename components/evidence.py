"""Evidence quotes with links to the exact span in the source viewer."""

from __future__ import annotations

import streamlit as st

from briefing.frames import EvidenceSpan
from components.context import PageContext
from components.html import Markup, render_html
from components.pages import page

SOURCES_PAGE = page("sources").script


def quote_block(quote: str, claim_label: str) -> Markup:
    return Markup(
        '<blockquote class="evidence-quote" style="margin:0.25rem 0;padding:0.35rem 0.75rem;'
        'border-left:4px solid #5a5a5a;background:#f6f6f6;color:#1f1f1f">“{quote}”'
        '<br><small style="color:#444">{claim}</small></blockquote>'
    ).format(quote=quote, claim=claim_label)


def quote_caption(record_label: str, span: EvidenceSpan, illustrative: bool, audit: bool) -> str:
    """Who said it, when and in whose words; the span's offsets, source and id only with the audit details."""
    parts = [record_label]
    if illustrative:
        parts.append("from an illustrative brief")
    if audit:
        parts.append(f"characters {span.start}–{span.end} of {span.seed} · evidence {span.id} of {span.record_id}")
    return " · ".join(part for part in parts if part)


def evidence_quotes(context: PageContext, evidence_ids, claim_label: str = "", key_prefix: str = "") -> None:
    """Each quote verbatim, named by the record it supports, with a link that opens the source viewer at that span.

    ``claim_label`` names the quote only where its record has no label of its own.
    """
    spans = context.frames.evidence_rows(evidence_ids)
    if not spans:
        st.caption("No evidence recorded.")
        return
    illustrative = context.frames.illustrative_briefs
    labels = context.frames.record_labels
    for span in spans:
        caption = quote_caption(labels.get(span.record_id, claim_label), span, span.brief in illustrative, context.audit)
        render_html(quote_block(span.quote, caption))
        st.page_link(
            SOURCES_PAGE,
            label=f"Show in source ({span.id})" if context.audit else "Show in source",
            icon=":material/find_in_page:",
            query_params=context.link_params(span=span.id),
        )
