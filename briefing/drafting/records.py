"""A proposal as the record an analyst would paste into a brief: the fields `draft` can fill, quotes only as evidence
(`fill` adds offsets and ids), and ``null`` for what only the analyst can write (a summary, a title, an event's
status, an impact's direction, who reported a reported position). A null fails validation, so a pasted
proposal cannot pass `validate` until the analyst has written those fields."""

from __future__ import annotations

import re

from briefing.drafting.propose import Proposal
from briefing.schema import Taxonomy


def _speaker(proposal: Proposal, taxonomy: Taxonomy) -> str | None:
    """The party's speaker the quote names (by name, surname or alias), if one."""
    if proposal.party is None:
        return None
    for person in taxonomy.party(proposal.party).speakers:
        names = [person.name, person.name.split()[-1], *person.aliases]
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", proposal.quote) for name in names):
            return person.id
    return None


def as_record(proposal: Proposal, taxonomy: Taxonomy, record_id: str) -> dict[str, object]:
    evidence = [{"quote": proposal.quote}]
    issues = list(proposal.issues)
    if proposal.kind == "position":
        record: dict[str, object] = {
            "id": record_id,
            "party": proposal.party,
            "issue": issues[0] if issues else None,
            "stance": proposal.stance,
            "claim_type": proposal.claim_type,
        }
        if (speaker := _speaker(proposal, taxonomy)) is not None:
            record["speaker"] = speaker
        if proposal.claim_type == "reported":
            record["reported_by"] = None
        record |= {"date": proposal.date, "confidence": proposal.confidence, "summary": None, "evidence": evidence}
        return record
    if proposal.kind == "event":
        parties = [proposal.party] if proposal.party else []
        return {
            "id": record_id,
            "title": None,
            "date": proposal.date,
            "parties": parties,
            "issues": issues,
            "status": None,
            "evidence": evidence,
        }
    return {
        "id": record_id,
        "region": proposal.region,
        "issues": issues,
        "direction": None,
        "assessment": None,
        "claim_type": "assessment",
        "confidence": proposal.confidence,
        "evidence": evidence,
    }


def record_ids(proposals: list[Proposal], prefix: str = "") -> list[str]:
    """An id per proposal, by the brief-format conventions (pos-<party>-<issue>, evt-, imp-<region>-), made unique."""
    ids: list[str] = []
    for proposal in proposals:
        issue = proposal.issues[0] if proposal.issues else "background"
        base = {
            "position": f"pos-{proposal.party}-{issue}",
            "event": f"evt-{proposal.party or 'event'}-{issue}",
        }.get(proposal.kind, f"imp-{proposal.region}-{issue}")
        candidate, number = f"{prefix}{base}", 2
        while candidate in ids:
            candidate, number = f"{prefix}{base}-{number}", number + 1
        ids.append(candidate)
    return ids
