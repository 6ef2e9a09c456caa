"""The negotiation space's range strip: each party's range as a bar on the stance scale, the shared zone or the
gap between them, in plain HTML with every value escaped."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from briefing.negotiation import STANCE_AT, IssueVerdict, word_at
from briefing.vocabulary import AGREEMENT_ZONE, GAP, STANCES

SCALE = (-2.6, 2.6)  # the stance ranks run from -2 to 2; the margins leave room for the bar ends


def _at(rank: float) -> str:
    """Percentage across the strip for a position on the stance scale."""
    low, high = SCALE
    return f"{(rank - low) / (high - low) * 100:.2f}%"


def _width(start: float, end: float) -> str:
    low, high = SCALE
    return f"{(end - start) / (high - low) * 100:.2f}%"


# the strip's own style sheet, beside this module, where `make check` parses it (scripts/check_assets.py)
_STRIP_CSS = Path(__file__).with_name("range_strip.css").read_text(encoding="utf-8")
STRIP_STYLE = Markup("<style>") + Markup(_STRIP_CSS) + Markup("</style>")  # noqa: S704 - the module's own file


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
