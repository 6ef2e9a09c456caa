"""Briefing mode's first and last slides: the bottom line (red lines, one line per issue, the outlook) and the
summary (every issue's title again, the sources, the data version and its date)."""

from __future__ import annotations

from briefing.bottom_line import BottomLine, IssueLine
from briefing.deck import FEWEST_FOLDED, NO_VERDICT, opening_title, verdict_counts
from briefing.frames import Frames
from briefing.labels import published_words
from briefing.presenting import (
    CLOSING_ISSUES,
    OPENING_ISSUES,
    OUTLOOK_CHARS,
    RED_LINE_CHARS,
    RED_LINES,
    shorten,
    slide_title,
)
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_WORDS, VERDICTS
from components.bottom_line import view_bottom_line
from components.context import PageContext
from components.html import Markup, render_html


def _issue_items(lines: tuple[IssueLine, ...]) -> Markup:
    """One line per issue: the verdict's icon (its word is in the title) and the action title."""
    return Markup("").join(
        Markup('<li><span aria-hidden="true">{icon}</span><span class="line">{title}</span></li>').format(
            icon=VERDICTS[line.verdict][0], title=slide_title(line.title, line.label, line.verdict, line.contested)
        )
        for line in lines
    )


def _issue_list(lines: tuple[IssueLine, ...]) -> Markup:
    return Markup('<ul class="issues{wide}">{items}</ul>').format(wide=" many" if len(lines) > 3 else "", items=_issue_items(lines))


def _more(count: int) -> Markup:
    if count <= 0:
        return Markup("")
    return Markup('<p class="footnote">and {n} more issue{s}, each on its own slide</p>').format(n=count, s="" if count == 1 else "s")


def _issues(lines: tuple[IssueLine, ...], most: int) -> Markup:
    """The issues as the deck has them: one line each with a verdict (at most ``most``), then those without one,
    folded into one slide, named on one line."""
    folded = [line for line in lines if line.verdict == NO_VERDICT]
    if len(folded) < FEWEST_FOLDED:
        return _issue_list(lines[:most]) + _more(len(lines) - most)
    kept = tuple(line for line in lines if line.verdict != NO_VERDICT)
    one_sided = Markup(
        '<p class="one-sided-line"><span aria-hidden="true">{icon}</span> Only one side on record, no verdict: {names}</p>'
    ).format(icon=VERDICTS[NO_VERDICT][0], names=", ".join(line.label for line in folded))
    return _issue_list(kept[:most]) + _more(len(kept) - most) + one_sided


def opening_html(bottom: BottomLine, audit: bool = False) -> Markup:
    """The bottom line as a slide: its point as the title, the red lines, where each issue stands, the outlook."""
    parts = []
    if bottom.red_lines:
        items = Markup("").join(
            Markup('<li><b>{party}</b>: {text} <span class="how-sure">({whose})</span></li>').format(
                party=line.party_name,
                text=f"“{shorten(line.quote, RED_LINE_CHARS)}”" if line.quote.strip() else shorten(line.text, RED_LINE_CHARS),
                whose=CLAIM_TYPES[line.claim_type].whose,
            )
            for line in bottom.red_lines[:RED_LINES]
        )
        parts.append(Markup("<h3>Red lines</h3><ul>{items}</ul>").format(items=items))
    if bottom.issues:
        parts.append(Markup("<h3>Issue by issue</h3>{items}").format(items=_issues(bottom.issues, OPENING_ISSUES)))
    if bottom.outlook:
        first = bottom.outlook[0]
        how = ", ".join(part for part in (first.likelihood, CONFIDENCE_WORDS.get(first.confidence, first.confidence)) if part)
        parts.append(
            Markup('<h3>Outlook</h3><p title="{full}">{text} <span class="how-sure">({how})</span></p>').format(
                full=first.text, text=shorten(first.text, OUTLOOK_CHARS), how=how
            )
        )
    if audit:
        ids = [first.judgment_id for first in bottom.outlook[:1]] + [line.issue for line in bottom.issues]
        parts.append(Markup('<p class="footnote">Outlook and issues: {ids}</p>').format(ids=", ".join(ids)))
    counts = Markup('<p class="counts">{counts}</p>').format(counts=verdict_counts(bottom)) if bottom.issues else Markup("")
    return Markup('<section class="slide" aria-labelledby="slide-title"><h2 id="slide-title">{title}</h2>{counts}{body}</section>').format(
        title=opening_title(bottom), counts=counts, body=Markup("").join(parts)
    )


def closing_html(bottom: BottomLine, view: Frames, version_id: str, audit: bool = False) -> Markup:
    """The summary: every issue's title again, then where it all comes from and as of when (the data version's hash
    is an audit detail)."""
    briefs = view.briefs
    sources = "; ".join(
        f"{title} ({published_words(published)})" for title, published in zip(briefs["title"], briefs["published"], strict=True)
    )
    if len(briefs) > 3:
        sources = f"{len(briefs):,} briefs, the newest published {published_words(briefs['published'].max())}"
    newest = published_words(briefs["published"].max()) if not briefs.empty else None
    version = Markup("Data as of {newest}.").format(newest=newest) if newest else Markup("")
    if audit:
        version += Markup(" Data version {version}.").format(version=version_id or "unknown")
    return Markup(
        '<section class="slide" aria-labelledby="slide-title"><h2 id="slide-title">Summary and questions</h2>'
        '{issues}<p class="footnote">Sources: {sources}. {version} Every claim traces to a verbatim quote in its source.</p></section>'
    ).format(
        issues=_issues(bottom.issues, CLOSING_ISSUES),
        sources=sources or "no brief loaded",
        version=version,
    )


def draw_opening(context: PageContext) -> None:
    render_html(opening_html(view_bottom_line(context.scope), context.audit))


def draw_closing(context: PageContext) -> None:
    render_html(closing_html(view_bottom_line(context.scope), context.view, context.frames.version, context.audit))
