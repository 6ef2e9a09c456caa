"""Briefing mode's one-sided slide: the issues without a verdict, folded into one, each with the stance of every
party on record; the issue a link names is marked."""

from __future__ import annotations

from briefing.deck import OneSidedIssue, OneSidedSlide, one_sided_slide
from briefing.vocabulary import VERDICTS
from components.context import PageContext
from components.data import Scope, view_cache
from components.html import Markup, render_html
from components.negotiation import view_verdicts_of
from components.present import stance_chip

MOST_SHOWN = 10  # two columns of five fill a 1280×720 slide; the rest are named in the footnote
COLUMNS_FROM = 5


@view_cache
def _one_sided(scope: Scope, folded: tuple[str, ...]) -> OneSidedSlide:
    return one_sided_slide(scope.view, folded, view_verdicts_of(scope))


def _chips(issue: OneSidedIssue) -> Markup:
    return Markup(" ").join(
        stance_chip(
            party.stance,
            party.party_name,
            Markup(' <span class="badge">contested</span>') if party.contested else "",
            tag="span",
        )
        for party in issue.parties
    )


def shown_issues(slide: OneSidedSlide, marked: str | None) -> tuple[tuple[OneSidedIssue, ...], tuple[OneSidedIssue, ...]]:
    """The issues listed on the slide (the marked one always among them) and the rest, named in the footnote."""
    if len(slide.issues) <= MOST_SHOWN:
        return slide.issues, ()
    shown = list(slide.issues[: MOST_SHOWN - 1])
    rest = list(slide.issues[MOST_SHOWN - 1 :])
    chosen = next((issue for issue in rest if issue.issue == marked), rest[0])
    rest.remove(chosen)
    return (*shown, chosen), tuple(rest)


def one_sided_html(slide: OneSidedSlide, marked: str | None = None, audit: bool = False) -> Markup:
    """The folded issues as a slide: the title, the verdict they share, one line per issue with its parties' stances."""
    shown, rest = shown_issues(slide, marked)
    items = Markup("").join(
        Markup('<li{current}><span class="issue">{label}</span> {chips}{id}</li>').format(
            current=Markup(' class="marked" aria-current="true"') if issue.issue == marked else "",
            label=issue.label,
            chips=_chips(issue),
            id=Markup(' <span class="how-sure">{id}</span>').format(id=issue.issue) if audit else "",
        )
        for issue in shown
    )
    notes = [Markup("Each issue's quotes are in the position matrix; a verdict needs two parties placed on the scale.")]
    if rest:
        notes.append(Markup("Also without a verdict: {names}.").format(names=", ".join(issue.label for issue in rest)))
    return Markup(
        '<section class="slide" aria-labelledby="slide-title"><h2 id="slide-title">{title}</h2>'
        '<p class="verdict">Negotiation space: {icon} {verdict}</p><ul class="one-sided{many}">{items}</ul>'
        '<p class="footnote">{notes}</p></section>'
    ).format(
        title=slide.title,
        icon=VERDICTS["insufficient"][0],
        verdict=slide.verdict,
        many=" many" if len(shown) > COLUMNS_FROM else "",
        items=items,
        notes=Markup(" ").join(notes),
    )


def draw_one_sided(context: PageContext, folded: tuple[str, ...], marked: str | None) -> None:
    render_html(one_sided_html(_one_sided(context.scope, folded), marked, context.audit))
