"""The form that codes the chosen passage: a new position, event, impact or judgment, or the passage as evidence
for an existing record, a red line or an acceptable range. Choices come from the taxonomy; a date is read back in
words as it is typed; validation's errors and editorial warnings are shown before anything can be saved."""

from __future__ import annotations

import re

import streamlit as st

from briefing.coding import (
    KINDS,
    PART_INFIX,
    Addition,
    evidence_span,
    existing_records,
    new_part,
    new_record,
    record_ids,
    record_label,
    review,
    suggest_id,
)
from briefing.editing import Access, Snapshot
from briefing.frames import RECORD_TABLES, Frames
from briefing.passages import Passage
from briefing.recordwriter import append_item
from briefing.schema import Taxonomy
from briefing.vocabulary import CLAIM_TYPES, RANK
from components import workbench
from components.passage_panel import set_passage
from components.record_fields import FIELD, FORMS, claim_words, field_key, stance_words

CLEAR_KEY = "wb_clear_form"
ACTIONS = {
    "position": "New position",
    "event": "New event",
    "impact": "New impact",
    "judgment": "New judgment",
    "evidence": "Evidence for a record",
    "red_line": "Red line",
    "acceptable_range": "Acceptable range",
}
ORDINAL = list(RANK)  # the stances on the ordinal scale, lowest first
KIND_OF_FIELD = {field: kind for kind, (field, _prefix, _keys) in KINDS.items()}  # "positions" -> "position"


def clear_after_save() -> None:
    """Empty the form after a save; runs before any of its widgets is drawn."""
    if st.session_state.pop(CLEAR_KEY, False):
        for key in [key for key in st.session_state if str(key).startswith(FIELD)]:
            del st.session_state[key]


def _new_record(kind: str, taxonomy: Taxonomy, passage: Passage, taken: set[str]) -> Addition:
    values = FORMS[kind](taxonomy)
    suggested = suggest_id(kind, values, taken)
    typed = st.text_input("Record id", key=field_key(f"{kind}_id"), placeholder=suggested, help="Left empty, the id shown is used.").strip()
    record_id = typed or suggested
    record = new_record(kind, {**values, "id": record_id}, evidence_span(record_id, passage, taken | {record_id}))
    return Addition((KINDS[kind][0],), record, record_id, f"new {kind}")


def _existing(action: str, document: dict, passage: Passage, taken: set[str]) -> Addition | None:
    if action == "evidence":
        records = {f"{field}[{index}]": (field, index, record) for field, index, record in existing_records(document)}
    else:
        records = {
            f"positions[{index}]": ("positions", index, record)
            for index, record in enumerate(document.get("positions") or [])
            if isinstance(record, dict)
        }
    if not records:
        st.info("This brief has no record of that kind yet: code the passage as a new one first.")
        return None
    choice = st.selectbox(
        "Record" if action == "evidence" else "Position",
        list(records),
        key=field_key(f"{action}_record"),
        format_func=lambda place: record_label(KIND_OF_FIELD[records[place][0]], records[place][2]),
    )
    field, index, record = records[choice]
    record_id = record["id"]
    if action == "evidence":
        span = evidence_span(record_id, passage, taken)
        return Addition((field, index, "evidence"), span, record_id, f"evidence for {record_id}")
    span = evidence_span(record_id, passage, taken, PART_INFIX[action])
    name = "red line" if action == "red_line" else "acceptable range"
    if isinstance(record.get(action), dict):
        st.caption(f"The passage is added to the evidence of this position's {name}.")
        return Addition((field, index, action, "evidence"), span, record_id, f"{name} evidence for {record_id}")
    claim_type = None
    if action == "red_line":
        text = st.text_area("Red line: what the party says it will not accept", key=field_key("red_line_text"), height=70)
        values = {"text": text}
    else:
        left, right = st.columns(2)
        low = left.selectbox("Lowest stance it could live with", ORDINAL, format_func=stance_words, key=field_key("range_low"))
        high = right.selectbox("Highest", ORDINAL, format_func=stance_words, key=field_key("range_high"), index=len(ORDINAL) - 1)
        note = st.text_input("Note: what the text shows of its flexibility", key=field_key("range_note"))
        values = {"low": low, "high": high, "note": note}
    claim_type = st.selectbox(
        "Whose words the evidence is",
        ["", *CLAIM_TYPES],
        key=field_key(f"{action}_claim_type"),
        format_func=lambda c: claim_words(c) if c else "— as the position —",
    )
    part = new_part(action, {**values, "claim_type": claim_type or None}, span)
    return Addition((field, index), part, record_id, f"new {name} for {record_id}", key=action)


def coding_form(access: Access, frames: Frames, opened: workbench.Opened, passage: Passage, taxonomy: Taxonomy) -> None:
    """The form for the chosen passage, its review, and the save button."""
    document = opened.snapshot.document
    taken = set(frames.evidence["id"]) | record_ids(document)
    for table in RECORD_TABLES:
        taken |= set(frames.table(table)["id"])
    taken |= {frame_id.partition(":")[2] for frame_id in taken if ":" in frame_id}  # an id several briefs share, as written
    action = st.radio("Code the passage as", list(ACTIONS), format_func=ACTIONS.__getitem__, key=field_key("action"), horizontal=True)
    addition = _new_record(action, taxonomy, passage, taken) if action in KINDS else _existing(action, document, passage, taken)
    if addition is None:
        return
    result = review(document, addition, taxonomy, frames.seed_texts)
    if result.errors:
        # "positions[27].party: field required" reads "party: field required" in the form that has the field
        errors = [re.sub(r"^\w+\[\d+\]\.", "", error) for error in result.errors[:12]]
        st.warning("Not ready to save:\n\n" + "\n".join(f"- {error}" for error in errors), icon=":material/rule:")
    for warning in result.warnings:
        st.warning(f"Editorial warning: {warning}", icon=":material/report:")
    if st.button(
        "Save to the brief",
        key="wb_save",
        type="primary",
        disabled=bool(result.errors),
        icon=":material/save:",
        help="Validates the whole corpus with this change first; nothing invalid is written.",
    ):
        saved = workbench.save(access, opened.snapshot.file, addition.edit, action=addition.action, record=addition.record)
        if saved is not None:
            warned = f" Editorial warnings: {'; '.join(saved.warnings)}" if saved.warnings else ""
            workbench.notice(
                "success",
                f"Saved {addition.action} `{addition.record}` to `{opened.snapshot.file}`. Undo it under “Trail and undo”.{warned}",
            )
            st.session_state[CLEAR_KEY] = True
            set_passage(None)
            st.rerun()


def taxonomy_additions(access: Access, taxonomy_file: Snapshot) -> None:
    """Add a party or an issue to data/taxonomy.yaml, saved like a record."""
    with st.expander("Add a party or an issue to the taxonomy", icon=":material/playlist_add:"):
        kind = st.radio("Add", ["party", "issue"], key="wb_tax_kind", horizontal=True)
        new_id = st.text_input("Id", key="wb_tax_id", placeholder="e.g. moldova").strip()
        if kind == "party":
            name = st.text_input("Name", key="wb_tax_name")
            party_kind = st.selectbox("Kind", ["state", "organisation", "group"], key="wb_tax_party_kind")
            entry, field = {"id": new_id, "name": name.strip(), "kind": party_kind}, "parties"
        else:
            label = st.text_input("Label", key="wb_tax_label")
            definition = st.text_area("Definition", key="wb_tax_definition", height=70)
            entry, field = {"id": new_id, "label": label.strip(), "definition": definition.strip()}, "issues"
        if st.button(f"Add the {kind} to the taxonomy", key="wb_tax_add", icon=":material/add:"):
            saved = workbench.save(
                access, taxonomy_file.file, lambda text: append_item(text, (field,), entry), action=f"new {kind}", record=new_id
            )
            if saved is not None:
                workbench.notice("success", f"Added the {kind} `{new_id}` to `{taxonomy_file.file}`.")
                st.rerun()
