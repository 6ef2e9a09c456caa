"""The fields of each kind of record in the coding form, with choices from the taxonomy and dates read in words."""

from __future__ import annotations

from typing import get_args

import streamlit as st

from briefing.coding import (
    date_in_words,
)
from briefing.dates import DateError
from briefing.schema import IMPACT_DIRECTIONS, EventStatus, Taxonomy
from briefing.vocabulary import CLAIM_TYPES, CONFIDENCE_LEVELS, STANCES

FIELD = "wb_f_"  # the prefix of every form widget's key: the form is emptied after a save by dropping them
CONFIDENCES = CONFIDENCE_LEVELS[::-1]  # offered the surest first
STATUSES = get_args(EventStatus)  # the schema's, in its order


def field_key(name: str) -> str:
    return FIELD + name


def stance_words(stance: str) -> str:
    return STANCES[stance].label


def claim_words(claim_type: str) -> str:
    return CLAIM_TYPES[claim_type].label


def date_field(label: str, name: str, help_text: str | None = None) -> str | None:
    """An EDTF date with its reading in words below it."""
    value = st.text_input(
        label,
        key=field_key(name),
        placeholder="e.g. 2026-01-29, 2026-01, 2026-01-23/2026-01-24",
        help=help_text
        or "EDTF, at the precision the text gives: a day, a month, a season (2022-21 is spring 2022), a year, or a range a/b.",
    ).strip()
    if value:
        try:
            st.caption(f"Reads as: **{date_in_words(value)}**")
        except DateError as error:
            st.error(str(error), icon=":material/event_busy:")
    return value or None


def _issues(taxonomy: Taxonomy) -> dict[str, str]:
    return {issue.id: issue.label for issue in taxonomy.issues}


def _parties(taxonomy: Taxonomy) -> dict[str, str]:
    return {party.id: party.name for party in taxonomy.parties}


def _position(taxonomy: Taxonomy) -> dict:
    parties, issues = _parties(taxonomy), _issues(taxonomy)
    left, middle, right = st.columns(3)
    party = left.selectbox(
        "Party", list(parties), format_func=parties.__getitem__, key=field_key("position_party"), index=None, placeholder="Choose a party"
    )
    issue = middle.selectbox(
        "Issue", list(issues), format_func=issues.__getitem__, key=field_key("position_issue"), index=None, placeholder="Choose an issue"
    )
    stance = right.selectbox(
        "Stance", list(STANCES), format_func=stance_words, key=field_key("position_stance"), index=None, placeholder="Choose a stance"
    )
    left, middle, right = st.columns(3)
    claim_type = left.radio("Claim type", list(CLAIM_TYPES), format_func=claim_words, key=field_key("position_claim_type"))
    speakers = {s.id: f"{s.name} ({s.role})" for p in taxonomy.parties if p.id == party for s in p.speakers}
    speaker = middle.selectbox(
        "Speaker",
        ["", *speakers],
        key=field_key("position_speaker"),
        format_func=lambda s: speakers.get(s, "— none —"),
        help="Whose words a stated position quotes; the party's speakers in the taxonomy.",
    )
    confidence = right.radio("Confidence", CONFIDENCES, index=1, key=field_key("position_confidence"))
    reported_by = None
    if claim_type == "reported":
        reported_by = st.text_input(
            "Reported by", key=field_key("position_reported_by"), placeholder="e.g. the article, on Lavrov's interview of 29 January 2026"
        )
    date = date_field("Date (EDTF)", "position_date")
    summary = st.text_area("Summary: the position in your words, with any caveat", key=field_key("position_summary"), height=90)
    return {
        "party": party,
        "issue": issue,
        "stance": stance,
        "claim_type": claim_type,
        "speaker": speaker or None,
        "reported_by": reported_by,
        "date": date,
        "confidence": confidence,
        "summary": summary,
    }


def _event(taxonomy: Taxonomy) -> dict:
    parties, issues = _parties(taxonomy), _issues(taxonomy)
    title = st.text_input("Title: short and neutral", key=field_key("event_title"))
    date = date_field("Date (EDTF); leave empty if the text gives none", "event_date")
    date_note = after = before = None
    if not date:
        date_note = st.text_input("What the text says of its time (date note)", key=field_key("event_date_note"))
        left, right = st.columns(2)
        with left:
            after = date_field("Not before (EDTF)", "event_after", "The earliest the text allows, if it says.")
        with right:
            before = date_field("Not after (EDTF)", "event_before", "The latest the text allows, if it says.")
    left, middle, right = st.columns(3)
    chosen_parties = left.multiselect("Parties", list(parties), format_func=parties.__getitem__, key=field_key("event_parties"))
    chosen_issues = middle.multiselect(
        "Issues (none: background)", list(issues), format_func=issues.__getitem__, key=field_key("event_issues")
    )
    status = right.selectbox("Status", STATUSES, key=field_key("event_status"))
    summary = st.text_area("Summary (optional)", key=field_key("event_summary"), height=80)
    return {
        "title": title,
        "date": date,
        "date_note": date_note,
        "after": after,
        "before": before,
        "parties": chosen_parties,
        "issues": chosen_issues,
        "status": status,
        "summary": summary,
    }


def _impact(taxonomy: Taxonomy) -> dict:
    parties, issues = _parties(taxonomy), _issues(taxonomy)
    left, middle, right = st.columns(3)
    region = left.selectbox(
        "Region (a party)",
        list(parties),
        format_func=parties.__getitem__,
        key=field_key("impact_region"),
        index=None,
        placeholder="Choose a region",
    )
    chosen_issues = middle.multiselect("Issues", list(issues), format_func=issues.__getitem__, key=field_key("impact_issues"))
    direction = right.selectbox(
        "Direction", list(IMPACT_DIRECTIONS), format_func=IMPACT_DIRECTIONS.__getitem__, key=field_key("impact_direction")
    )
    left, right = st.columns(2)
    claim_type = left.radio("Claim type", list(CLAIM_TYPES), index=2, format_func=claim_words, key=field_key("impact_claim_type"))
    confidence = right.radio("Confidence", CONFIDENCES, index=1, key=field_key("impact_confidence"))
    assessment = st.text_area(
        "Assessment: the impact in your words, with its conditions and hedges", key=field_key("impact_assessment"), height=90
    )
    return {
        "region": region,
        "issues": chosen_issues,
        "direction": direction,
        "claim_type": claim_type,
        "confidence": confidence,
        "assessment": assessment,
    }


def _judgment(taxonomy: Taxonomy) -> dict:
    issues = _issues(taxonomy)
    text = st.text_area("Judgment, faithful to the author's wording and hedging", key=field_key("judgment_text"), height=90)
    left, middle, right = st.columns(3)
    chosen_issues = left.multiselect("Issues", list(issues), format_func=issues.__getitem__, key=field_key("judgment_issues"))
    confidence = middle.radio("Confidence", CONFIDENCES, index=1, key=field_key("judgment_confidence"))
    outlook = right.selectbox(
        "Outlook (optional)",
        ["", "no-agreement", "agreement-possible"],
        key=field_key("judgment_outlook"),
        format_func=lambda o: o or "— none —",
    )
    return {"text": text, "issues": chosen_issues, "confidence": confidence, "outlook": outlook or None}


FORMS = {"position": _position, "event": _event, "impact": _impact, "judgment": _judgment}
