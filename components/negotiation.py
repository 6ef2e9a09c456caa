"""Negotiation space view: ranges on the stance scale per issue, the verdict and the evidence behind it."""

from __future__ import annotations

import streamlit as st

from briefing.figures.negotiation import range_strip
from briefing.labels import distinct_labels
from briefing.negotiation import IssueVerdict, possessive, view_verdicts, word_at
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_WORDS, VERDICTS
from components.context import PageContext
from components.data import Scope, view_cache
from components.evidence import SOURCES_PAGE, evidence_quotes
from components.html import Markup, render_html
from components.provenance import ILLUSTRATIVE_BADGE, markdown_badge


def named(context: PageContext, record_id: str, label: str | None = None) -> str:
    """A record as a reader knows it ("Lavrov, 29 January 2026 (own words)"), its id beside it with the audit details."""
    label = label or context.frames.record_label(record_id)
    return f"{label} · {record_id}" if context.audit and label != record_id else label


def listed_names(context: PageContext, record_ids) -> dict[str, str]:
    """The records of one list by name, each name once: two records of one name say whose place each gives."""
    positions = context.frames.positions
    mine = positions[positions["id"].isin(list(record_ids))]
    parties = dict(zip(mine["id"], mine["party_name"], strict=True))
    found = distinct_labels(
        (record, context.frames.record_label(record), f"{possessive(parties[record])} place" if record in parties else "")
        for record in record_ids
    )
    return {record: named(context, record, label) for record, label in found.items()}


def reader_cautions(context: PageContext, verdict: IssueVerdict) -> list[str]:
    """The verdict's cautions; each names its record by id, which only the audit details show."""
    if context.audit:
        return list(verdict.cautions)
    ids = [f" ({r.position_id})" for r in verdict.ranges]
    cautions = []
    for caution in verdict.cautions:
        for record in ids:
            caution = caution.replace(record, "")
        cautions.append(caution)
    return cautions


def record_links(context: PageContext, label: str, record_ids, key: str) -> None:
    """A labelled row of links, one per record, each opening the record's first quote in the source viewer."""
    spans = context.frames.first_spans(record_ids)
    if not spans:
        return
    names = listed_names(context, spans)
    with st.container(horizontal=True, gap="small", key=key):
        st.markdown(f"**{label}**", width="content")
        for record, span in spans.items():
            st.page_link(
                SOURCES_PAGE,
                label=names[record],
                icon=":material/find_in_page:",
                width="content",
                query_params=context.link_params(span=span),
            )


# the key to every strip, said once per page above them, not in every panel
RANGE_KEY = (
    "Each bar is coloured, and marked with its symbol, by the stance it covers, as on the matrix (✖✖ Firmly against … "
    "✔✔ Firmly for). A bar over one place: the party's headline stance alone, no flexibility assumed; a bar over "
    "several: a range in the party's own words or reporting of them. Green band: the places all could accept; grey "
    "hatched band: the gap between them. The scale is ordered, not measured: read bars as positions, not distances."
)


def no_verdict_line(context: PageContext, verdicts: list[IssueVerdict]) -> None:
    """The issues without a verdict in one line, with what is known of each folded away: one chart each would say
    "not enough data" as often as there are such issues."""
    pending = [verdict for verdict in verdicts if verdict.verdict == "insufficient"]
    if not pending:
        return
    st.markdown("**No verdict yet:** " + ", ".join(context.issue_label(verdict.issue) for verdict in pending))
    with st.expander("Why: what is known of each", icon=":material/help:"):
        for verdict in pending:
            st.markdown(f"**{context.issue_label(verdict.issue)}.** {verdict.explanation}")
            record_links(context, "Rests on:", verdict.rests_on, key=f"rests_on_{verdict.issue}")


def readings_list(verdict: IssueVerdict, audit: bool = False) -> Markup:
    """A verdict that depends on which report holds: one line per reading, its outcome's icon and word, the record it
    rests on with its claim type and confidence; the records' ids with the audit details."""
    items = Markup("").join(
        Markup('<li><span aria-hidden="true">{icon}</span> <b>{outcome}</b> if {said} holds{places}{ids}</li>').format(
            icon=VERDICTS[reading.outcome][0],
            outcome=reading.outcome_word,
            said=reading.said,
            places=f": {reading.places}" if reading.places else "",
            ids=f" · {', '.join(reading.rests_on)}" if audit else "",
        )
        for reading in verdict.readings
    )
    return Markup('<ul class="verdict-readings" aria-label="The verdict under each reading">{items}</ul>').format(items=items)


@view_cache
def view_verdicts_of(scope: Scope) -> list[IssueVerdict]:
    """The verdicts of the filtered view, as the export and the pack give them."""
    return view_verdicts(scope.view, scope.selection.issues)


def verdict_panel(context: PageContext, verdict: IssueVerdict) -> None:
    """One issue: the verdict with its confidence, what it rests on and what contradicts it, then each party."""
    with st.container(border=True):
        st.subheader(context.issue_label(verdict.issue))
        st.markdown(f"**{verdict.icon} {verdict.label}** · {CONFIDENCE_WORDS[verdict.confidence]}")
        if verdict.depends:
            render_html(readings_list(verdict, context.audit))
            if verdict.settled_places:
                st.markdown(verdict.settled_places)
        else:
            st.markdown(verdict.explanation)
        if verdict.cautions:
            st.markdown("**Uncertain:** " + "; ".join(reader_cautions(context, verdict)) + ".")
        record_links(context, "Rests on:", verdict.rests_on, key=f"rests_on_{verdict.issue}")
        record_links(context, "Contested by:", verdict.contested_by, key=f"contested_by_{verdict.issue}")
        if any(r.low is not None for r in verdict.ranges):
            render_html(range_strip(verdict))
        for party_range in verdict.ranges:
            if party_range.low is None or party_range.high is None:
                where = "not placed: its headline record is ambiguous"
            elif party_range.low == party_range.high:
                where = word_at(party_range.low)
            else:
                where = f"{word_at(party_range.low)} to {word_at(party_range.high)}"
            contested = " · contested" if party_range.contested_by else ""
            with st.expander(
                f"{party_range.party_name}: {where} ({party_range.source}, {CLAIM_TYPES[party_range.claim_type].whose}, "
                f"{CONFIDENCE_WORDS[party_range.confidence]}){contested}"
            ):
                if label := context.frames.illustrative_briefs.get(party_range.brief):
                    st.markdown(markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) + " " + label)
                for text, claim_type, _evidence in party_range.red_lines:
                    whose = CLAIM_TYPES[claim_type].whose if claim_type in CLAIM_TYPES else claim_type
                    st.markdown(f"**Red line** ({whose}): {text}")
                if analyst := party_range.analyst_range:
                    st.markdown(
                        f"**The analyst's reading of its range** (not counted in the verdict): "
                        f"{word_at(analyst.low)} to {word_at(analyst.high)}"
                        + (f". {analyst.note}" if analyst.note else "")
                        + (f" ({analyst.position_id})" if context.audit else "")
                    )
                if party_range.contested_by:
                    disagreeing = "; ".join(named(context, record) for record in party_range.contested_by)
                    st.markdown("**Records of the cell that disagree with its headline:** " + disagreeing)
                evidence_quotes(context, party_range.evidence, claim_label=f"Behind {possessive(party_range.party_name)} placement")
