"""The overview's opening: the bottom line of the filter in view (red lines, one action title per issue, the
outlook) and the key judgments that matter most, in the reader's words; ids only with the audit details."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from briefing.bottom_line import BottomLine, IssueLine, Outlook, bottom_line, ranked_judgments
from briefing.deck import opening_title
from briefing.frames import each_row
from briefing.markdown import markdown_escape
from briefing.verdict_readings import readings_words
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_WORDS, VERDICTS
from components.assets import stylesheet
from components.context import PageContext
from components.data import Scope, view_cache
from components.evidence import evidence_quotes
from components.html import render_html
from components.negotiation import view_verdicts_of
from components.pages import BY_NAME
from components.provenance import ILLUSTRATIVE_BADGE, markdown_badge

BOTTOM_LINE_KEY = "bottom-line"  # the box's key: its element carries the class st-key-bottom-line
NEGOTIATION = BY_NAME["negotiation"]
_BOX_STYLE = stylesheet("bottom_line.css")  # the issue lines are links, drawn at reading size
LEAD_HELP = "The findings below that settle something, in one sentence; the same sentence titles briefing mode's first slide."


@view_cache
def view_bottom_line(scope: Scope) -> BottomLine:
    """The bottom line of the view, the same for the overview and briefing mode's opening and summary; the verdicts
    from the negotiation space's own cache: at a thousand briefs they take seconds to compute."""
    return bottom_line(scope.view, scope.selection.issues, view_verdicts_of(scope))


@view_cache
def view_key_judgments(scope: Scope) -> tuple[pd.DataFrame, pd.DataFrame]:
    return ranked_judgments(scope.view)


def _illustrative(context: PageContext, brief: str) -> str:
    return " " + markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) if brief in context.frames.illustrative_briefs else ""


def _audit(context: PageContext, *ids: str) -> str:
    return (" · " + ", ".join(f"`{i}`" for i in ids)) if context.audit and ids else ""


def quotes_help(context: PageContext, evidence_ids) -> str | None:
    """The verbatim passages a line rests on, for its tooltip: the proof one hover away."""
    spans = context.frames.evidence_rows(evidence_ids)
    return "\n\n".join(f"“{markdown_escape(span.quote)}”" for span in spans) or None


def likelihood_words(likelihood: str | None, confidence: str) -> str:
    """Likelihood and confidence side by side, never merged: "Almost no chance · high confidence"; a likelihood the
    judgment does not state is left out, not announced as missing."""
    words = f"{likelihood} · {CONFIDENCE_WORDS[confidence]}" if likelihood else CONFIDENCE_WORDS[confidence]
    return words[0].upper() + words[1:]


def _red_lines(context: PageContext, line: BottomLine) -> None:
    st.markdown("**Red lines**")
    if not line.red_lines:
        st.markdown("No party states a red line under this filter.")
        return
    for red in line.red_lines:
        st.markdown(
            f"- **{markdown_escape(red.party_name)}** · {markdown_escape(red.issue_label or red.issue)}: "
            f"{markdown_escape(red.said)} *({CLAIM_TYPES[red.claim_type].whose})*"
            + _illustrative(context, red.brief)
            + _audit(context, *red.evidence),
            help=quotes_help(context, red.evidence),
        )


def _issue_lines(context: PageContext, issues: tuple[IssueLine, ...], heading: str) -> None:
    """One linked line per issue: its action title and the verdict's confidence."""
    if not issues:
        return
    st.markdown(f"**{heading}**")
    for issue in issues:
        icon, _word, gloss = VERDICTS[issue.verdict]
        illustrative = any(brief in context.frames.illustrative_briefs for brief in issue.briefs)
        marks = " " + markdown_badge("Illustrative", ILLUSTRATIVE_BADGE) if illustrative else ""
        title = issue.plain_title or issue.title  # "touching (a single point all could accept)": no bare jargon
        rest = title.removeprefix(issue.label)  # the title after the issue's name, which is set in bold
        st.page_link(
            NEGOTIATION.script,
            label=f"{icon} **{markdown_escape(issue.label)}**{markdown_escape(rest)} · {CONFIDENCE_WORDS[issue.confidence]}{marks}"
            + _audit(context, *issue.rests_on),
            help=(markdown_escape(readings_words(issue.readings)) if issue.readings else f"{gloss.capitalize()}.")
            + " Open the negotiation space under this filter for each party's place and the records it rests on.",
            query_params=context.link_params(),
        )


def _outlook(context: PageContext, outlook: tuple[Outlook, ...]) -> None:
    if not outlook:
        return
    st.markdown("**Outlook**")
    for item in outlook:
        st.markdown(
            f"{markdown_escape(item.text)}  \n*{likelihood_words(item.likelihood, item.confidence)}*"  # only what is stated
            + _illustrative(context, item.brief)
            + _audit(context, item.judgment_id),
            help=quotes_help(context, item.evidence),
        )


def bottom_line_box(context: PageContext) -> BottomLine:
    """The finding first: what the filter in view comes to, in words a briefer can say aloud."""
    line = view_bottom_line(context.scope)
    with st.container(border=True, key=BOTTOM_LINE_KEY):
        render_html(_BOX_STYLE)
        st.markdown("## Bottom line")
        if line.empty:
            st.markdown("Nothing in the briefs matches this filter. Clear or widen it in the sidebar.")
            return line
        # the point in one sentence to say aloud, by the rule that titles briefing mode's opening slide: the
        # analyst's own bottom line where a brief gives one, else the findings that settle something
        if line.analyst:
            st.markdown(
                f"**{markdown_escape(line.analyst)}**" + _illustrative(context, line.analyst_brief or ""),
                help=quotes_help(context, line.analyst_evidence),
            )
        elif line.issues:
            st.markdown(f"**{markdown_escape(opening_title(line))}.**", help=LEAD_HELP)
        # the verdicts first, then the red lines and the outlook; issues where only one party is placed last, since
        # "no verdict" is worth less of the reader's first minute
        decided = tuple(issue for issue in line.issues if issue.verdict != "insufficient")
        _issue_lines(context, decided, "Where the parties stand")
        _red_lines(context, line)
        _outlook(context, line.outlook)
        _issue_lines(context, tuple(issue for issue in line.issues if issue not in decided), "No verdict yet")
    return line


def _judgment(context: PageContext, row, number: int, with_quotes: bool) -> None:
    """One key judgment in reading type; its likelihood, confidence and issues beneath; its passages on request."""
    issues = ", ".join(row.issue_labels) or "all issues"
    st.markdown(
        f"**{number}.** {markdown_escape(row.text)}  \n*{likelihood_words(row.likelihood, row.confidence)} · {markdown_escape(issues)}*"
        + _illustrative(context, row.brief)
        + _audit(context, row.id)
    )
    if not with_quotes:
        return
    # lazy: the quotes are drawn only while open, so a rerun sends one element per judgment instead of four
    passages = st.expander("The passages it rests on", key=f"judgment_{row.brief}_{row.id}", on_change="rerun")
    if passages.open:
        with passages:
            evidence_quotes(context, row.evidence, claim_label="Analyst's assessment")


def key_judgments(context: PageContext) -> None:
    """The ranked key judgments in full; all of them behind one expander."""
    top, rest = view_key_judgments(context.scope)
    if top.empty:
        st.info("No key judgment matches the current filter.")
        return
    with st.container(key="key-judgments"):
        for number, row in enumerate(each_row(top), start=1):
            _judgment(context, row, number, with_quotes=True)
        if not len(rest):
            return
        everything = st.expander(f"All {len(top) + len(rest)} key judgments", key="all_key_judgments", on_change="rerun")
        if everything.open:
            with everything:
                for number, row in enumerate(each_row(pd.concat([top, rest])), start=1):
                    _judgment(context, row, number, with_quotes=False)
                    evidence_quotes(context, row.evidence, claim_label="Analyst's assessment")
