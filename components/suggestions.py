"""The workbench's suggestions: what `draft` proposes for the sentences of the open text no record cites yet.

Accepting a suggestion chooses its sentence as the passage and fills the coding form with its fields, which the
analyst then checks, completes (a summary in their own words) and saves like any record; dismissing it hides it
for this brief (briefing/drafting/dismissed.py keeps the dismissals outside data/). A suggestion is never saved by
itself.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from briefing.drafting import Proposal, propose
from briefing.drafting.dismissed import add_dismissed, load_dismissed
from briefing.passages import Passage
from briefing.schema import Taxonomy
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_WORDS, STANCES
from components import workbench
from components.passage_panel import set_passage
from components.record_fields import field_key
from components.workbench import Opened

DISMISSED_KEY = "wb_dismissed"  # per brief file: the suggestions the analyst dismissed
SHOWN = 12  # suggestions listed at a time; the rest follow as these are accepted or dismissed


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs={Taxonomy: lambda taxonomy: taxonomy.model_dump_json()})
def _proposals(text: str, taxonomy: Taxonomy, published: dt.date | None) -> list[Proposal]:
    return propose(text, taxonomy, published)


def suggestion_key(proposal: Proposal) -> str:
    return f"{proposal.kind}:{proposal.party or proposal.region}:{proposal.start}-{proposal.end}"


def pending(proposals: list[Proposal], cited: pd.DataFrame, dismissed: set[str]) -> list[Proposal]:
    """The proposals on sentences no evidence span of the text touches, less those dismissed."""
    spans = list(zip(cited["start"], cited["end"], strict=True))
    return [p for p in proposals if suggestion_key(p) not in dismissed and not any(a < p.end and p.start < z for a, z in spans)]


def prefill(proposal: Proposal) -> dict[str, object]:
    """The coding form's field values for a suggestion (keys as the form's widgets name them)."""
    issues = list(proposal.issues)
    if proposal.kind == "position":
        values: dict[str, object] = {
            "position_party": proposal.party,
            "position_issue": issues[0] if issues else None,
            "position_stance": proposal.stance,
            "position_claim_type": proposal.claim_type,
            "position_confidence": proposal.confidence,
            "position_date": proposal.date or "",
        }
    elif proposal.kind == "event":
        values = {"event_date": proposal.date or "", "event_parties": [proposal.party] if proposal.party else [], "event_issues": issues}
    else:
        values = {"impact_region": proposal.region, "impact_issues": issues, "impact_confidence": proposal.confidence}
    return {field_key("action"): proposal.kind, **{field_key(name): value for name, value in values.items()}}


def suggestion_label(proposal: Proposal, taxonomy: Taxonomy) -> str:
    """E.g. "Position · Russia · Ceasefire · ✖✖ Firmly against · as reported · high confidence"."""
    names = {party.id: party.name for party in taxonomy.parties}
    labels = {issue.id: issue.label for issue in taxonomy.issues}
    parts = [proposal.kind.capitalize(), names.get(proposal.party or proposal.region or "", "no party named")]
    parts.append(", ".join(labels.get(issue, issue) for issue in proposal.issues) or "no issue named")
    if proposal.stance:
        parts.append(STANCES[proposal.stance].label)
    if proposal.claim_type:
        parts.append(CLAIM_TYPES[proposal.claim_type].label)
    if proposal.confidence:
        parts.append(CONFIDENCE_WORDS[proposal.confidence])
    return " · ".join(parts)


def _published(value: object) -> dt.date | None:
    """The brief's publication date, which gives a year to the text's dates without one."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _accept(proposal: Proposal, seed: str) -> None:
    set_passage(Passage(seed, proposal.start, proposal.end, proposal.quote))
    for key, value in prefill(proposal).items():
        st.session_state[key] = value


def _dismiss(file: str, key: str) -> None:
    st.session_state.setdefault(DISMISSED_KEY, {}).setdefault(file, set()).add(key)
    add_dismissed(workbench.layout().root, file, key)


def suggestions_for(opened: Opened, evidence: pd.DataFrame, taxonomy: Taxonomy) -> list[Proposal]:
    """The open text's suggestions still pending: on sentences no record cites, not dismissed for this brief."""
    published = _published(opened.snapshot.document.get("published"))
    file = opened.snapshot.file
    dismissed = st.session_state.get(DISMISSED_KEY, {}).get(file, set()) | load_dismissed(workbench.layout().root, file)
    return pending(_proposals(opened.text, taxonomy, published), evidence[evidence["seed"] == opened.seed], dismissed)


def suggestions_panel(opened: Opened, found: list[Proposal], taxonomy: Taxonomy) -> None:
    """The suggestions for the open text, each with its reasons, to accept into the form or dismiss."""
    with st.expander(f"Suggestions from the text ({len(found)})", icon=":material/lightbulb:", expanded=False):
        st.caption(
            "Proposed by `draft` for sentences no record cites yet: a proposal, not data. Accept fills the form with "
            "its passage and fields for you to check; dismiss hides it for this brief, also in later sessions. Their "
            "sentences are outlined with a dashed line in the text above."
        )
        for number, proposal in enumerate(found[:SHOWN]):
            with st.container(border=True, key=f"wb_suggestion_{number}"):
                st.markdown(f"**{suggestion_label(proposal, taxonomy)}**")
                st.text(proposal.quote if len(proposal.quote) <= 220 else proposal.quote[:219] + "…")
                why = "; ".join(f"{field}: {', '.join(words)}" for field, words in proposal.reasons.items() if words)
                st.caption(f"Why: {why}")
                left, right = st.columns(2)
                left.button("Accept", key=f"wb_accept_{number}", on_click=_accept, args=(proposal, opened.seed), icon=":material/check:")
                hide = (opened.snapshot.file, suggestion_key(proposal))
                right.button("Dismiss", key=f"wb_dismiss_{number}", on_click=_dismiss, args=hide, icon=":material/close:")
        if len(found) > SHOWN:
            st.caption(f"{len(found) - SHOWN} more follow as these are accepted or dismissed.")
