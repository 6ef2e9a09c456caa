"""The columns of every table of the frames, in order: the YAML field names, and what the views derive."""

# fmt: off
COLUMNS: dict[str, tuple[str, ...]] = {
    "briefs": (
        "id", "title", "published", "seeds", "seed_files", "seed_sha256", "references", "file", "author",
        "provenance", "illustrative", "bottom_line", "bottom_line_evidence"
    ),
    "positions": (
        "id", "brief", "brief_published", "party", "party_name", "issue", "issue_label", "stance", "stance_label",
        "stance_symbol", "stance_rank", "summary", "speaker", "speaker_name", "reported_by", "date", "date_start",
        "date_end", "date_precision", "claim_type", "claim_label", "confidence", "evidence", "red_line",
        "red_line_claim_type", "red_line_evidence", "range_low", "range_high", "range_note", "range_claim_type",
        "range_evidence", "relevant"
    ),
    "events": (
        "id", "brief", "title", "date", "date_start", "date_end", "date_precision", "after", "before", "date_note",
        "parties", "party_names", "issues", "issue_labels", "status", "summary", "evidence"
    ),
    "impacts": (
        "id", "brief", "region", "region_name", "issues", "issue_labels", "direction", "direction_label",
        "assessment", "claim_type", "claim_label", "confidence", "evidence"
    ),
    "judgments": (
        "id", "brief", "text", "issues", "issue_labels", "confidence", "outlook", "likelihood", "rank", "evidence"
    ),
    "ladders": (
        "id", "brief", "party", "party_name", "title", "claim_type", "claim_label", "ladder_confidence",
        "ladder_evidence", "step", "tier", "tier_label", "text", "issues", "issue_labels", "confidence", "evidence"
    ),
    "notes": (
        "id", "brief", "text", "evidence"
    ),
    "evidence": (
        "id", "brief", "record_kind", "record_id", "role", "seed", "start", "end", "quote", "issues", "parties",
        "claim_type"
    ),
}
# fmt: on
