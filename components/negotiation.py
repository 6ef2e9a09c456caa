"""Negotiation space view: ranges on the stance scale per issue, the verdict and the evidence behind it."""

from __future__ import annotations

import streamlit as st

from briefing.labels import distinct_labels
from briefing.negotiation import STANCE_AT, IssueVerdict, possessive, view_verdicts, word_at
from briefing.vocabulary import AGREEMENT_ZONE, CLAIM_TYPES, CONFIDENCE_WORDS, GAP, STANCES, VERDICTS
from components.context import PageContext
from components.data import Scope
from components.evidence import SOURCES_PAGE, evidence_quotes
from components.html import Markup, render_html
from components.provenance import ILLUSTRATIVE_BADGE, markdown_badge

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


def _span_words(low: int, high: int) -> str:
    return word_at(low) if low == high else f"{word_at(low)} to {word_at(high)}"


def _tint(colour: str, opacity: float = 0.18) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity})"


_SEGMENT = Markup(
    '<span style="flex:{grow} 0 0;background:{colour};color:{ink};font-size:0.7rem;line-height:16px;text-align:center;'
    'white-space:nowrap;overflow:hidden">{symbol}</span>'
)


def _segments(low: int, high: int) -> Markup:
    """A bar in one segment per place it covers, each in its stance's colour with its symbol, so colour is never
    the only cue; the end segments carry the bar's margins (0.3 of a place) beyond their half place."""
    return Markup("").join(
        _SEGMENT.format(
            grow=(0.8 if rank in (low, high) else 1.0) if low != high else 1.0,
            colour=STANCES[STANCE_AT[rank]].colour,
            ink=STANCES[STANCE_AT[rank]].ink,
            symbol=STANCES[STANCE_AT[rank]].symbol,
        )
        for rank in range(low, high + 1)
    )


BAR_MARGIN = 0.3  # of a place, a bar's ends beyond the places it covers
GAP_MARGIN = 0.35  # of a place, a gap band's ends short of the places beside it: never over a bar
GAP_WORD = Markup('<span style="font-size:0.75rem;color:#000;background:#fff;padding:0 2px">gap</span>')


def gap_stretches(verdict: IssueVerdict) -> list[tuple[float, float]]:
    """Where the gap band lies on the stance scale: between the parties' places, never over one. The places are
    merged where they meet; each stretch between two of them is a band (a party placed inside the gap splits it)."""
    if verdict.verdict != "no-intersection":
        return []
    merged: list[list[int]] = []
    for low, high in sorted((r.low, r.high) for r in verdict.ranges if r.low is not None and r.high is not None):
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(left[1] + GAP_MARGIN, right[0] - GAP_MARGIN) for left, right in zip(merged, merged[1:], strict=False)]


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
                '<div title="{title}" style="position:absolute;top:5px;height:18px;left:{left};width:{width};display:flex;'
                'border:1px solid #000;border-radius:3px;overflow:hidden">{segments}</div></div></div>'
            ).format(
                name=party_range.party_name,
                title=f"{party_range.party_name}: {_span_words(low, high)} ({party_range.source})",
                left=_at(low - BAR_MARGIN),
                width=_width(low - BAR_MARGIN, high + BAR_MARGIN),
                segments=_segments(low, high),
            )
        )
    zone = Markup("")
    if verdict.low is None or verdict.high is None:
        pass  # no verdict, no zone
    elif verdict.verdict in ("overlap", "touching"):
        zone = Markup(
            '<div style="position:absolute;top:0;bottom:0;left:{left};width:{width};background:{fill};'
            'border-left:2px solid {line};border-right:2px solid {line}"><span style="font-size:0.75rem;color:#000;'
            'background:#fff;padding:0 2px">shared</span></div>'
        ).format(
            left=_at(verdict.low - 0.45),
            width=_width(verdict.low - 0.45, verdict.high + 0.45),
            fill=_tint(AGREEMENT_ZONE),
            line=AGREEMENT_ZONE,
        )
    elif verdict.verdict == "no-intersection":
        stretches = gap_stretches(verdict)
        widest = max(stretches, key=lambda stretch: stretch[1] - stretch[0], default=None)
        band = Markup(
            '<div style="position:absolute;top:0;bottom:0;left:{left};width:{width};border:2px dotted {line};'
            'background:repeating-linear-gradient(45deg,{fill} 0 6px,transparent 6px 12px)">{word}</div>'
        )
        zone = Markup("").join(
            band.format(left=_at(a), width=_width(a, b), fill=_tint(GAP, 0.25), line=GAP, word=GAP_WORD if (a, b) == widest else "")
            for a, b in stretches
        )
    tick = Markup(
        '<span style="position:absolute;left:{left};transform:translateX(-50%);white-space:nowrap">'
        '{symbol}<span class="tick-word"> {label}</span></span>'
    )
    ticks = Markup("").join(
        tick.format(left=_at(rank), symbol=STANCES[STANCE_AT[rank]].symbol, label=word_at(rank)) for rank in sorted(STANCE_AT)
    )
    # the style sheet is joined on, not formatted in: its braces are CSS, not fields
    return STRIP_STYLE + Markup(
        '<div class="range-strip-box"><div class="range-strip" role="img" aria-label="{summary}">'
        '<div style="position:relative">{rows}'
        '<div style="position:absolute;top:0;bottom:0;left:var(--names);right:0;pointer-events:none">{zone}</div></div>'
        '<div style="display:flex"><div style="flex:0 0 var(--names)"></div>'
        '<div style="position:relative;flex:1;height:1.4rem;font-size:0.75rem;color:#000">{ticks}</div></div></div></div>'
    ).format(
        summary=f"{verdict.label}: " + "; ".join(f"{r.party_name} {_span_words(low, high)}" for r, low, high in bounded),
        rows=Markup("").join(rows),
        zone=zone,
        ticks=ticks,
    )


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


def view_verdicts_of(scope: Scope) -> list[IssueVerdict]:
    """The verdicts of the filtered view, as the export and the pack give them."""
    return view_verdicts(scope.view, scope.selection.issues)


def verdict_panel(context: PageContext, verdict: IssueVerdict) -> None:
    """One issue: the verdict with its confidence, what it rests on and what contradicts it, then each party."""
    with st.container(border=True):
        st.subheader(context.issue_label(verdict.issue))
        st.markdown(f"**{verdict.icon} {verdict.label}** · confidence {verdict.confidence}")
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
