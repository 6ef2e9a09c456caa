"""Evidence quotes with links to the exact span in the source viewer."""

from __future__ import annotations

import streamlit as st

from components.context import PageContext
from components.html import Markup, render_html

SOURCES_PAGE = "pages/sources.py"


def quote_block(quote: str, claim_label: str) -> Markup:
    return Markup(
        '<blockquote class="evidence-quote" style="margin:0.25rem 0;padding:0.35rem 0.75rem;'
        'border-left:4px solid #5a5a5a;background:#f6f6f6;color:#1f1f1f">“{quote}”'
        '<br><small style="color:#444">{claim}</small></blockquote>'
    ).format(quote=quote, claim=claim_label)


def evidence_quotes(context: PageContext, evidence_ids, claim_label: str = "", key_prefix: str = "") -> None:
    """Each quote verbatim, with a link that opens the source viewer at that span."""
    spans = context.frames.evidence_rows(evidence_ids)
    if not spans:
        st.caption("No evidence recorded.")
        return
    illustrative = context.frames.illustrative_briefs
    for span in spans:
        marker = " · from an illustrative brief" if span.brief in illustrative else ""
        render_html(quote_block(span.quote, f"{claim_label} · characters {span.start}–{span.end} of {span.seed}{marker}".strip(" ·")))
        st.page_link(
            SOURCES_PAGE,
            label=f"Show in source ({span.id})",
            icon=":material/find_in_page:",
            query_params=context.link_params(span=span.id),
        )
