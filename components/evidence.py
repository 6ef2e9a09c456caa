"""Evidence quotes with links to the exact span in the source viewer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

import streamlit as st

from briefing.frames import EvidenceSpan
from components.context import PageContext
from components.html import Markup, render_html
from components.pages import page

SOURCES_PAGE = page("sources").script
# relative to the page's address, so the link holds under any base URL path
SOURCES_HREF = page("sources").url_path.lstrip("/")


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


def source_href(params: Mapping[str, Sequence[str] | str]) -> str:
    """The source viewer's address with these link params (context.link_params(span=...))."""
    return f"{SOURCES_HREF}?{urlencode(params, doseq=True)}"


def linked_quote(span: EvidenceSpan, caption: str, params: Mapping[str, Sequence[str] | str], audit: bool) -> Markup:
    """The quote block and its "Show in source" link: a real link (a new tab opens it from the address), which the
    page itself follows within the session by its ``data-pick``, the span's id."""
    link = Markup('<p class="source-link-line"><a class="source-link" href="{href}" data-pick="{span}">{label}</a></p>')
    label = f"Show in source ({span.id})" if audit else "Show in source"
    return quote_block(span.quote, caption) + link.format(href=source_href(params), span=span.id, label=label)


def captioned_spans(context: PageContext, evidence_ids, claim_label: str = "") -> list[tuple[EvidenceSpan, str]]:
    """Each span with the caption it is shown under (``quote_caption``); ``claim_label`` names a quote only where its
    record has no label of its own."""
    illustrative = context.frames.illustrative_briefs
    labels = context.frames.record_labels
    return [
        (span, quote_caption(labels.get(span.record_id, claim_label), span, span.brief in illustrative, context.audit))
        for span in context.frames.evidence_rows(evidence_ids)
    ]


def linked_quotes(context: PageContext, evidence_ids, claim_label: str = "") -> Markup:
    """As evidence_quotes, as markup for one element: each quote verbatim with its caption and its link."""
    spans = captioned_spans(context, evidence_ids, claim_label)
    if not spans:
        return Markup('<p class="card-caption">No evidence recorded.</p>')
    return Markup("").join(linked_quote(span, caption, context.link_params(span=span.id), context.audit) for span, caption in spans)


def evidence_quotes(context: PageContext, evidence_ids, claim_label: str = "", key_prefix: str = "") -> None:
    """Each quote verbatim, named by the record it supports, with a link that opens the source viewer at that span.

    ``claim_label`` names the quote only where its record has no label of its own.
    """
    spans = captioned_spans(context, evidence_ids, claim_label)
    if not spans:
        st.caption("No evidence recorded.")
        return
    for span, caption in spans:
        render_html(quote_block(span.quote, caption))
        st.page_link(
            SOURCES_PAGE,
            label=f"Show in source ({span.id})" if context.audit else "Show in source",
            icon=":material/find_in_page:",
            query_params=context.link_params(span=span.id),
        )
