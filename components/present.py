"""Briefing mode: one slide per step (the bottom line, each issue, a summary), drawn to fit a projector's screen.

Each issue slide is one message: its title states the point, the stance strip and one quote per party show it, and
at most three key judgments say what it means. Ids and character offsets are not on the slide: they are in each
quote's hover, and in the footnote when the audit details are on.
"""

from __future__ import annotations

import pandas as pd

from briefing.frames import Frames
from briefing.presenting import CLOSING, OPENING, QUOTE_COLUMNS, IssueSlide, PartyQuote, issue_slide, reading_lines, verdict_line
from briefing.readings import cell_readings
from briefing.vocabulary import VERDICTS, StanceWords
from components.context import PageContext
from components.data import Scope, view_cache
from components.html import Markup, render_html
from components.negotiation import view_verdicts_of

# Type in em of one base size that follows the screen's height: 24 px on a 720-line projector, 32 px on 1080 lines
SLIDE_CSS = Markup(
    "<style>"
    # the page is the slide: no band above it, the header's buttons float over its corner, no room kept below
    "[data-testid=stMainBlockContainer]{padding:0.6rem 2.5rem 0;max-width:none}"
    "[data-testid=stHeader]{background:transparent;pointer-events:none}[data-testid=stHeader] *{pointer-events:auto}"
    "[data-testid=stMain] h1{font-size:1rem;font-weight:600;letter-spacing:0.02em;"
    "color:#444;padding:0.3rem 0 0.2rem 2.6rem;margin:0;line-height:1.5}"
    "[data-testid=stMain] [data-testid=stHeadingWithActionElements] a{display:none}"
    "[data-testid=stMain] [data-testid=stMarkdownContainer] p{font-size:16px;line-height:1.3}"  # the notices: read from afar
    "[data-testid=stMain] [data-testid=stMarkdownContainer]>p .stMarkdownBadge{font-size:16px !important}"  # the notice's badge, set inline
    # the bar: controls read from the back of the room; on a phone one compact row under the dots
    "[data-testid=stMain] .st-key-present_bar button p,[data-testid=stMain] .st-key-present_bar [data-testid=stPageLink] p"
    "{font-size:clamp(18px,2vh,24px)}"
    ".st-key-present_bar [data-testid=stPageLink] [data-testid=stIconMaterial]{font-size:clamp(20px,2.2vh,26px)}"
    ".st-key-present_bar button{min-height:2.4em;padding:0.2em 0.6em}"
    "[data-testid=stMain] [data-testid=stExpander] summary{padding:0.15rem 0.6rem;font-size:0.8rem}"
    "[data-testid=stMain] [data-testid=stExpander] details{border-radius:0.3rem}"
    "[data-testid=stMain] [data-testid=stAlertContainer]{padding:0.3rem 0.75rem}"
    "[data-testid=stMain] [data-testid=stVerticalBlock]{gap:0.45rem}"
    ".slide{font-size:clamp(24px,3.3vh,40px);line-height:1.3;color:#1f1f1f;max-width:60em;margin-top:0.2rem}"
    "section.slide h2{font-size:1.35em;line-height:1.15;font-weight:700;margin:0 0 0.15em;padding:0;max-width:32em;"
    "text-wrap:balance}"  # two even lines, no word left alone on the second
    "section.slide p,section.slide ul,section.slide li,section.slide blockquote{font-size:1em;line-height:1.3}"
    "section.slide p.verdict{font-size:0.75em;color:#333;margin:0 0 0.45em}"
    "section.slide p.counts{font-size:0.6em;color:#444;margin:0 0 0.3em}"
    "section.slide p.one-sided-line{font-size:0.8em;margin:0.2em 0 0;max-width:60em}"
    "section.slide ul.readings{font-size:0.75em;color:#333;margin:-0.35em 0 0.45em;list-style:none;padding-left:0.6em;"
    "max-width:none}"
    "section.slide ul.readings li{margin:0}"
    "section.slide ul.one-sided{list-style:none;padding-left:0;margin:0.3em 0 0}"
    "section.slide ul.one-sided li{margin:0 0 0.45em;padding:0.1em 0.3em;border-left:0.25em solid transparent}"
    "section.slide ul.one-sided li.marked{border-left-color:#1f1f1f;background:#f0f0f0}"
    ".slide .one-sided .issue{font-weight:700;margin-right:0.4em}.slide .one-sided .chip{display:inline-block;font-size:0.85em}"
    ".slide .stances{display:grid;grid-template-columns:repeat(var(--parties),minmax(0,1fr));"
    "grid-template-rows:auto auto auto;column-gap:4px;max-width:45em}"
    ".slide .party{display:grid;grid-row:span 3;grid-template-rows:subgrid}"
    ".slide .chip{padding:0.1em 0.45em;font-weight:600;border:1px solid #3d3d3d}"
    ".slide .chip .symbol{margin-right:0.3em}"
    "section.slide blockquote{margin:0.25em 0.4em 0 0;padding:0 0 0 0.5em;border-left:4px solid #5a5a5a;"
    "font-size:0.9em;line-height:1.25;color:#1f1f1f}"
    "section.slide p.said{font-size:0.7em;color:#444;margin:0.1em 0 0 0.75em}"
    "section.slide h3{font-size:0.75em;text-transform:uppercase;letter-spacing:0.05em;color:#444;"
    "margin:0.5em 0 0.1em;padding:0}"
    "section.slide ul{margin:0;padding-left:1.1em;max-width:45em}section.slide li{margin:0 0 0.2em}"
    ".slide .how-sure{font-size:0.7em;color:#444;white-space:nowrap}"
    "section.slide p.footnote{font-size:0.6em;color:#444;margin:0.5em 0 0;max-width:75em;line-height:1.3}"
    ".slide .badge{font-size:0.7em;border:1px solid currentColor;border-radius:0.3em;padding:0 0.3em;"
    "font-weight:400;margin-left:0.4em;white-space:nowrap}"
    ".slide .columns{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);column-gap:1.5em;max-width:60em}"
    "section.slide ul.issues{list-style:none;padding-left:0}section.slide ul.issues li{display:flex;gap:0.35em}"
    "section.slide ul.issues li>span:first-child{flex:0 0 1.1em;text-align:center}"
    ".slide .many{columns:2;column-gap:1.5em}.slide .many li{break-inside:avoid}"
    ".slide .band{display:flex;flex-wrap:wrap;gap:4px;max-width:45em;margin-bottom:0.3em}.slide .band .chip{white-space:nowrap}"
    "section.slide ul.quotes{list-style:none;padding-left:0;font-size:0.9em}section.slide ul.quotes li{margin:0 0 0.15em}"
    # a phone is no projector: reading type, and the parties one under another
    "@media (max-width:640px){.st-key-present_bar [data-testid=stHorizontalBlock]{flex-flow:row wrap;gap:0.4rem}"
    ".st-key-present_bar [data-testid=stColumn]{flex:1 1 0 !important;min-width:0 !important;width:auto !important}"
    ".st-key-present_bar [data-testid=stColumn]:first-child{flex:1 1 100% !important}"
    "[data-testid=stMain] .st-key-present_bar button p,[data-testid=stMain] .st-key-present_bar [data-testid=stPageLink] p"
    "{font-size:16px}"
    ".st-key-present_bar button{min-height:2.2em;padding:0.1em 0.3em}}"
    "@media (max-width:700px){.slide{font-size:18px}.slide .stances{grid-template-columns:1fr}"
    ".slide .party{grid-row:auto;grid-template-rows:none;margin-bottom:0.4em}.slide .many{columns:1}"
    "section.slide p.counts,section.slide p.footnote,section.slide p.verdict,section.slide ul.readings{font-size:14px}}"
    "</style>"
)


def presenting_style() -> None:
    render_html(SLIDE_CSS)


def slide_readings(view: Frames, issue: str) -> pd.DataFrame:
    """Each party's reading of one issue, by the cell rule every view uses."""
    return cell_readings(view.positions[view.positions["issue"] == issue])


@view_cache
def _issue_slide(scope: Scope, issue: str) -> IssueSlide:
    return issue_slide(scope.frames, scope.view, issue, view_verdicts_of(scope))


def _where_from(quote: PartyQuote) -> str:
    """The hover of a quote: where it stands in its source, for the analyst who asks."""
    reported = f" Reported by {quote.reported_by}." if quote.reported_by else ""
    return f"From “{quote.brief_title}”: characters {quote.start}–{quote.end} of {quote.seed}.{reported}"


def _marks(quote: PartyQuote, illustrative: bool, short: bool = False) -> Markup:
    marks = Markup("")
    if quote.contested:
        marks += Markup(' <span class="badge" title="contested: its records point different ways">{word}</span>').format(
            word="≠" if short else "contested"
        )
    if illustrative:
        marks += Markup(' <span class="badge">illustrative</span>')
    return marks


def _party(quote: PartyQuote, illustrative: bool) -> Markup:
    marks = _marks(quote, illustrative)
    said = Markup('<blockquote title="{where}">“{text}”</blockquote><p class="said">{said_by}</p>').format(
        where=_where_from(quote), text=quote.text, said_by=quote.said_by
    )
    return Markup('<div class="party" role="listitem">{chip}{said}</div>').format(
        chip=_chip(quote, marks), said=said if quote.full else Markup("")
    )


def _chip(quote: PartyQuote, marks: Markup) -> Markup:
    return stance_chip(quote.stance, quote.party_name, marks)


def stance_chip(stance: StanceWords, party_name: str, marks: Markup | str = "", tag: str = "div") -> Markup:
    """A party's stance in the matrix's colours, with its symbol and word: colour never alone."""
    return Markup(
        '<{tag} class="chip" style="background:{fill};color:{ink}">'
        '<span class="symbol" aria-hidden="true">{symbol}</span>{name}: {word}{marks}</{tag}>'
    ).format(
        tag=Markup(tag),
        fill=stance.colour,
        ink=stance.ink,
        symbol=stance.symbol,
        name=party_name,
        word=stance.word.lower(),
        marks=marks,
    )


def _band(slide: IssueSlide, illustrative: set[str]) -> Markup:
    """Many parties: their stances as one wrapping band, then the first few quotes as a list."""
    chips = Markup("").join(
        Markup('<div role="listitem">{chip}</div>').format(chip=_chip(q, _marks(q, q.brief in illustrative, short=True)))
        for q in slide.parties
    )
    quotes = Markup("").join(
        Markup('<li><b>{name}</b>: <q title="{where}">{text}</q> <span class="how-sure">{said_by}</span></li>').format(
            name=q.party_name, where=_where_from(q), text=q.text, said_by=q.said_by
        )
        for q in slide.parties
        if q.text
    )
    return Markup(
        '<div class="band" role="list" aria-label="Where each party stands">{chips}</div><ul class="quotes">{quotes}</ul>'
    ).format(chips=chips, quotes=quotes)


def _audit_lines(slide: IssueSlide) -> Markup:
    lines = [
        Markup("{party}: record {record}, quote {evidence}, characters {start}–{end} of {seed}").format(
            party=q.party_name, record=q.record_id, evidence=q.evidence_id, start=q.start, end=q.end, seed=q.seed
        )
        for q in slide.parties
    ]
    lines += [Markup("Judgment {id}").format(id=j.judgment_id) for j in slide.judgments]
    lines.append(Markup("Verdict rests on {records}").format(records=", ".join(slide.verdict.rests_on)))
    return Markup("<br>").join(lines)


def issue_slide_html(slide: IssueSlide, illustrative: set[str], audit: bool = False) -> Markup:
    """One issue as a slide: the action title, the verdict, the stance strip with a quote each, the judgments."""
    verdict = Markup('<p class="verdict">Negotiation space: {line}</p>').format(line=verdict_line(slide.verdict))
    readings = reading_lines(slide.verdict)
    if readings:  # a verdict that depends on which report holds: one outcome a line, to say aloud
        items = Markup("").join(
            Markup('<li><span aria-hidden="true">{icon}</span> {line}</li>').format(icon=VERDICTS[r.outcome][0], line=line)
            for r, line in zip(slide.verdict.readings, readings, strict=True)
        )
        verdict += Markup('<ul class="readings" aria-label="The verdict under each reading">{items}</ul>').format(items=items)
    if len(slide.parties) > QUOTE_COLUMNS:
        strip = _band(slide, illustrative)
    else:
        parties = Markup("").join(_party(q, q.brief in illustrative) for q in slide.parties)
        strip = Markup(
            '<div class="stances" role="list" aria-label="Where each party stands" style="--parties:{n}">{parties}</div>'
        ).format(n=max(len(slide.parties), 1), parties=parties)
    if not slide.parties:
        strip = Markup("<p>No party has a position on this issue under the current filter.</p>")
    judgments = Markup("")
    if slide.judgments:
        items = Markup("").join(
            Markup('<li title="{full}">{text} <span class="how-sure">({how})</span></li>').format(
                full=j.full, text=j.text, how=", ".join(part for part in (j.likelihood, j.confidence) if part)
            )
            for j in slide.judgments
        )
        judgments = Markup("<h3>Key judgments</h3><ul>{items}</ul>").format(items=items)
    notes = []
    sources = list(dict.fromkeys(q.brief_title for q in slide.parties if q.text))
    if len(sources) > 2:
        notes.append(Markup("Quotes from {n} briefs (hover a quote for its source).").format(n=len(sources)))
    elif sources:
        notes.append(Markup("Quotes from {sources} (hover a quote for its place).").format(sources="; ".join(sources)))
    if slide.recent:
        notes.append(Markup("Recent events: {events}.").format(events="; ".join(slide.recent)))
    if slide.background:
        notes.append(Markup("Background: {events}.").format(events="; ".join(slide.background)))
    unquoted = [q.party_name for q in slide.parties if not q.text]
    if unquoted:
        notes.append(Markup("The quotes of {names} are in the position matrix.").format(names=", ".join(unquoted)))
    if slide.judgments_left_out:
        notes.append(
            Markup("{n} more key judgment{s} on this issue in the overview.").format(
                n=slide.judgments_left_out, s="" if slide.judgments_left_out == 1 else "s"
            )
        )
    footnote = Markup(" ").join(notes)
    if audit:
        footnote += Markup("<br>") + _audit_lines(slide)
    return Markup(
        '<section class="slide" aria-labelledby="slide-title"><h2 id="slide-title">{title}</h2>{verdict}{strip}{judgments}'
        '<p class="footnote">{footnote}</p></section>'
    ).format(title=slide.title, verdict=verdict, strip=strip, judgments=judgments, footnote=footnote)


def draw_issue_slide(context: PageContext, issue: str, audit: bool = False) -> None:
    slide = _issue_slide(context.scope, issue)
    render_html(issue_slide_html(slide, set(context.frames.illustrative_briefs), audit))


__all__ = ["CLOSING", "OPENING", "draw_issue_slide", "issue_slide_html", "presenting_style", "slide_readings"]
