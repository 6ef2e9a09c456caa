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
from components.assets import stylesheet
from components.context import PageContext
from components.data import Scope, view_cache
from components.html import Markup, render_html
from components.negotiation import view_verdicts_of

SLIDE_CSS = stylesheet("briefing_mode.css")


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
        notes.append(Markup("Quotes from {n} briefs; each in full, in its source, in the source viewer.").format(n=len(sources)))
    elif sources:
        notes.append(Markup("Quotes from {sources}; each in full, in its source, in the source viewer.").format(sources="; ".join(sources)))
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
