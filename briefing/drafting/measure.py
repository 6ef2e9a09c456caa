"""How well ``draft`` does on a brief encoded by hand: recall of its records, and proposals against records.

A record is found when a proposal quotes one of the sentences its evidence cites and names its party and one of
its issues: a position's party and issue; for an event one of its parties (or any, for an event without parties)
and one of its issues (or any, for background); an impact's region and one of its issues; a judgment's or
ladder's issues. Editor's notes are not records of the source's claims and are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.drafting.propose import Proposal
from briefing.drafting.text import sentence_index, sentences
from briefing.schema import Brief


@dataclass(frozen=True)
class Measure:
    records: int
    found: int
    proposals: int
    missed: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.records if self.records else 0.0

    @property
    def ratio(self) -> float:
        """Proposals per record."""
        return self.proposals / self.records if self.records else 0.0

    def words(self) -> str:
        return (
            f"recall {self.found} of {self.records} records ({self.recall:.0%}); "
            f"{self.proposals} proposals for {self.records} records ({self.ratio:.2f}×)"
        )


def _who_and_what(record) -> tuple[set[str] | None, set[str]]:
    """The parties (None: any) and issues (empty: any) a proposal must name to find the record."""
    if hasattr(record, "party") and hasattr(record, "issue"):
        return {record.party}, {record.issue}
    if hasattr(record, "region"):
        return {record.region}, set(record.issues)
    if hasattr(record, "parties"):
        return (set(record.parties) or None), set(record.issues)
    issues = set(getattr(record, "issues", ()))
    for step in getattr(record, "steps", ()):
        issues |= set(step.issues)
    return None, issues


def finds(proposal: Proposal, parties: set[str] | None, issues: set[str]) -> bool:
    named = {proposal.party, proposal.region} - {None}
    return (parties is None or bool(named & parties)) and (not issues or bool(set(proposal.issues) & issues))


def measure(brief: Brief, text: str, proposals: list[Proposal]) -> Measure:
    """Recall of the brief's records (on one seed's text) by the proposals, and how many proposals were made."""
    cut = sentences(text)
    by_sentence: dict[int | None, list[Proposal]] = {}
    for proposal in proposals:
        by_sentence.setdefault(sentence_index(cut, proposal.start), []).append(proposal)
    records = found = 0
    missed = []
    for field_name, _index, record in brief.records():
        if field_name == "editor_notes":
            continue
        records += 1
        cited = {sentence_index(cut, span.start) for span in record.evidence}
        for step in getattr(record, "steps", ()):
            cited |= {sentence_index(cut, span.start) for span in step.evidence}
        parties, issues = _who_and_what(record)
        if any(finds(p, parties, issues) for index in cited for p in by_sentence.get(index, [])):
            found += 1
        else:
            missed.append(record.id)
    return Measure(records, found, len(proposals), tuple(missed))
