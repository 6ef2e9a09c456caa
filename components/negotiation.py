"""Negotiation space view: ranges on the stance scale per issue, the verdict and the evidence behind it."""

from __future__ import annotations

import streamlit as st

from briefing.negotiation import STANCE_AT, VERDICT_ICONS, IssueVerdict, possessive, view_verdicts
from briefing.schema import STANCES
from components.context import PageContext
from components.data import Scope
from components.evidence import SOURCES_PAGE, evidence_quotes
from components.html import Markup, render_html
from components.provenance import markdown_badge

RANGE_COLOURS = {"acceptable range": "#542788", "stance only": "#998ec3"}


SCALE = (-2.6, 2.6)  # the stance ranks run from -2 to 2; the margins leave room for the bar ends


def _at(rank: float) -> str:
    """Percentage across the strip for a position on the stance scale."""
    low, high = SCALE
    return f"{(rank - low) / (high - low) * 100:.2f}%"


def _width(start: float, end: float) -> str:
    low, high = SCALE
    return f"{(end - start) / (high - low) * 100:.2f}%"


# On a phone the names get a narrower column and the scale's ticks only their symbols (the words are in the strip's
# label and in the list below it); the margin on the right keeps the last tick's label on the page.
STRIP_STYLE = Markup(
    "<style>.range-strip-box{container-type:inline-size}"
    ".range-strip{--names:11rem;margin:0.5rem 1.5rem 0.25rem 0}"
    "@container (max-width:34rem){.range-strip{--names:5.5rem;margin-right:0.75rem}.range-strip .tick-word{display:none}}"
    "</style>"
)


def range_strip(verdict: IssueVerdict) -> Markup:
    """Each party's range as a bar on the stance scale, the shared zone shaded or the gap hatched, in plain HTML.

    Every bar is also written out in words below it (in the panel's list), so nothing rests on the drawing alone.
    """
    bounded = [(r, r.low, r.high) for r in verdict.ranges if r.low is not None and r.high is not None]
    rows = []
    for party_range, low, high in bounded:
        rows.append(
            Markup(
                '<div style="display:flex;align-items:center;height:28px">'
                '<div style="flex:0 0 var(--names);font-size:0.85rem;color:#000;text-align:right;padding-right:0.5rem;'
                'overflow-wrap:anywhere;line-height:1.1">{name}</div>'
                '<div style="position:relative;flex:1;height:100%">'
                '<div title="{title}" style="position:absolute;top:7px;height:14px;left:{left};width:{width};'
                'background:{colour};border:1px solid #000;border-radius:3px"></div></div></div>'
            ).format(
                name=party_range.party_name,
                title=f"{party_range.party_name}: {party_range.source}",
                left=_at(low - 0.3),
                width=_width(low - 0.3, high + 0.3),
                colour=RANGE_COLOURS[party_range.source],
            )
        )
    zone = Markup("")
    if verdict.low is None or verdict.high is None:
        pass  # no verdict, no zone
    elif verdict.verdict in ("overlap", "touching"):
        zone = Markup(
            '<div style="position:absolute;top:0;bottom:0;left:{left};width:{width};background:rgba(0,158,115,0.18);'
            'border-left:2px solid #007a5a;border-right:2px solid #007a5a"><span style="font-size:0.75rem;color:#000;'
            'background:#fff;padding:0 2px">shared</span></div>'
        ).format(left=_at(verdict.low - 0.45), width=_width(verdict.low - 0.45, verdict.high + 0.45))
    elif verdict.verdict == "no-intersection":
        zone = Markup(
            '<div style="position:absolute;top:0;bottom:0;left:{left};width:{width};border:2px dotted #b34700;'
            'background:repeating-linear-gradient(45deg,rgba(213,94,0,0.12) 0 6px,transparent 6px 12px)">'
            '<span style="font-size:0.75rem;color:#000;background:#fff;padding:0 2px">gap</span></div>'
        ).format(left=_at(verdict.high + 0.45), width=_width(verdict.high + 0.45, verdict.low - 0.45))
    tick = Markup(
        '<span style="position:absolute;left:{left};transform:translateX(-50%);white-space:nowrap">'
        '{symbol}<span class="tick-word"> {label}</span></span>'
    )
    ticks = Markup("").join(
        tick.format(left=_at(rank), symbol=STANCES[STANCE_AT[rank]][2], label=STANCES[STANCE_AT[rank]][1]) for rank in sorted(STANCE_AT)
    )
    # the style sheet is joined on, not formatted in: its braces are CSS, not fields
    return STRIP_STYLE + Markup(
        '<div class="range-strip-box"><div class="range-strip" role="img" aria-label="{summary}">'
        '<div style="position:relative">{rows}'
        '<div style="position:absolute;top:0;bottom:0;left:var(--names);right:0;pointer-events:none">{zone}</div></div>'
        '<div style="display:flex"><div style="flex:0 0 var(--names)"></div>'
        '<div style="position:relative;flex:1;height:1.4rem;font-size:0.75rem;color:#000">{ticks}</div></div></div></div>'
    ).format(
        summary=f"{verdict.label}: "
        + "; ".join(f"{r.party_name} {STANCES[STANCE_AT[low]][1]} to {STANCES[STANCE_AT[high]][1]}" for r, low, high in bounded),
        rows=Markup("").join(rows),
        zone=zone,
        ticks=ticks,
    )


def record_links(context: PageContext, label: str, record_ids, key: str) -> None:
    """A labelled row of links, one per record, each opening the record's first quote in the source viewer."""
    spans = context.frames.first_spans(record_ids)
    if not spans:
        return
    with st.container(horizontal=True, gap="small", key=key):
        st.markdown(f"**{label}**", width="content")
        for record, span in spans.items():
            st.page_link(
                SOURCES_PAGE, label=record, icon=":material/find_in_page:", width="content", query_params=context.link_params(span=span)
            )


def view_verdicts_of(scope: Scope) -> list[IssueVerdict]:
    """The verdicts of the filtered view, as the export and the pack give them."""
    return view_verdicts(scope.view, scope.selection.issues)


def verdict_panel(context: PageContext, verdict: IssueVerdict) -> None:
    """One issue: the verdict with its confidence, what it rests on and what contradicts it, then each party."""
    with st.container(border=True):
        st.subheader(context.issue_label(verdict.issue))
        st.markdown(f"**{VERDICT_ICONS[verdict.verdict]} {verdict.label}** · confidence {verdict.confidence}")
        st.markdown(verdict.explanation)
        if verdict.cautions:
            st.markdown("**Uncertain:** " + "; ".join(verdict.cautions) + ".")
        record_links(context, "Rests on:", verdict.rests_on, key=f"rests_on_{verdict.issue}")
        record_links(context, "Contested by:", verdict.contested_by, key=f"contested_by_{verdict.issue}")
        if any(r.low is not None for r in verdict.ranges):
            render_html(range_strip(verdict))
        st.caption(
            "Dark bar: a range in the party's own words or reporting of them · light bar: the party's headline "
            "stance alone, no flexibility assumed. The scale is ordered, not measured: read bars as positions, "
            "not distances."
        )
        for party_range in verdict.ranges:
            if party_range.low is None or party_range.high is None:
                where = "not placed: its headline record is ambiguous"
            elif party_range.low == party_range.high:
                where = STANCES[STANCE_AT[party_range.low]][1]
            else:
                where = f"{STANCES[STANCE_AT[party_range.low]][1]} to {STANCES[STANCE_AT[party_range.high]][1]}"
            contested = " · contested" if party_range.contested_by else ""
            with st.expander(
                f"{party_range.party_name}: {where} ({party_range.source}, {party_range.claim_type}, "
                f"confidence {party_range.confidence}){contested}"
            ):
                if label := context.frames.illustrative_briefs.get(party_range.brief):
                    st.markdown(markdown_badge("Illustrative", "orange") + " " + label)
                for text, claim_type, _evidence in party_range.red_lines:
                    whose = "the analyst's reading" if claim_type == "assessment" else f"{claim_type}"
                    st.markdown(f"**Red line** ({whose}): {text}")
                if analyst := party_range.analyst_range:
                    st.markdown(
                        f"**The analyst's reading of its range** (not counted in the verdict): "
                        f"{STANCES[STANCE_AT[analyst.low]][1]} to {STANCES[STANCE_AT[analyst.high]][1]}"
                        + (f". {analyst.note}" if analyst.note else "")
                        + f" ({analyst.position_id})"
                    )
                if party_range.contested_by:
                    st.markdown("**Records of the cell that disagree with its headline:** " + ", ".join(party_range.contested_by))
                evidence_quotes(context, party_range.evidence, claim_label=f"Behind {possessive(party_range.party_name)} placement")
