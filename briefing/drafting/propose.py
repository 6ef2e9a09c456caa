"""Proposals: the records a source text suggests, each with its exact quote, offsets and the reasons for each field.

A proposal is never data. ``draft`` prints or writes proposals to a drafts file marked as such; nothing reads a
proposal until an analyst has copied it into a brief, where it is validated like every record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from briefing.checks import names_for
from briefing.drafting.dates import dateline, dates_in
from briefing.drafting.naming import Hit, issues_named, parties_named
from briefing.drafting.rules import claim_type, confidence, event_words, stance
from briefing.drafting.text import Sentence, sentences
from briefing.regions import REGIONAL_PANELS
from briefing.schema import Taxonomy

PRONOUN = re.compile(r"(?:He|She|They|His|Her|Their)\b")


@dataclass(frozen=True)
class Proposal:
    """One proposed record; ``reasons`` names, per field, the words of the quote that decided it."""

    kind: str
    party: str | None
    issues: tuple[str, ...]
    region: str | None
    claim_type: str | None
    stance: str | None
    confidence: str | None
    date: str | None
    quote: str
    start: int
    end: int
    reasons: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        values = asdict(self)
        values["issues"] = list(self.issues)
        return values


def regions_of(taxonomy: Taxonomy) -> set[str]:
    """The regions of the regional view the taxonomy holds: its panels and their members."""
    known = {party.id: party for party in taxonomy.parties}
    regions = {region for region in REGIONAL_PANELS if region in known}
    return regions | {member for region in list(regions) for member in known[region].members}


def _date(text: str, sentence: Sentence, published: dt.date | None) -> tuple[str | None, list[str], bool]:
    """The sentence's own date, else the last date earlier in its paragraph; and whether it was its own."""
    own = dates_in(sentence.quote(text), published)
    if own:
        return own[0].edtf, [own[0].words], True
    before = dates_in(text[sentence.paragraph_start : sentence.start], published)
    if before:
        return before[-1].edtf, [f"{before[-1].words} (earlier in its paragraph)"], False
    return None, [], False


def _issue_reasons(issues: list[Hit]) -> list[str]:
    return [f"{hit.id}: {', '.join(hit.words)}" for hit in issues]


def _proposal(kind: str, sentence: Sentence, quote: str, issues: tuple[str, ...], date: str | None, reasons: dict, **fields) -> Proposal:
    values: dict = {"party": None, "region": None, "claim_type": None, "stance": None, "confidence": None, **fields}
    return Proposal(kind, issues=issues, date=date, quote=quote, start=sentence.start, end=sentence.end, reasons=reasons, **values)


def propose_sentence(
    text: str, sentence: Sentence, taxonomy: Taxonomy, published: dt.date | None, previous: Sentence | None = None
) -> list[Proposal]:
    """The proposals one sentence gives: a position per party it names (regions included) when it speaks to an
    issue, an event when it is dated and has an event word, an impact per region it names (its issues, else those
    named earlier in its paragraph)."""
    quote = sentence.quote(text)
    parties, issues = parties_named(quote, taxonomy), issues_named(quote, taxonomy)
    if (pronoun := PRONOUN.match(quote)) and previous is not None:
        # "He made it clear…": the subject is the party the previous sentence names first
        carried = parties_named(previous.quote(text), taxonomy)[:1]
        said = [Hit(hit.id, (f"{pronoun.group(0)} (named in the previous sentence: {', '.join(hit.words)})",)) for hit in carried]
        parties = said + [hit for hit in parties if hit.id not in {c.id for c in carried}]
    date, date_words, own_date = _date(text, sentence, published)
    ids = tuple(hit.id for hit in issues)
    regions = regions_of(taxonomy)
    found: list[Proposal] = []
    if issues:
        for party in parties:
            # the checks' own names for the party: its names, aliases, speakers and their offices ("foreign minister")
            claim, claim_words = claim_type(text, sentence.start, sentence.end, names_for(party.id, None, taxonomy))
            sure, sure_words = confidence(quote, claim)
            leaning, leaning_words = stance(quote)
            reasons = {"party": list(party.words), "issues": _issue_reasons(issues), "claim_type": claim_words}
            reasons |= {"confidence": sure_words, "stance": leaning_words, "date": date_words}
            fields = {"party": party.id, "claim_type": claim, "stance": leaning, "confidence": sure}
            found.append(_proposal("position", sentence, quote, ids, date, reasons, **fields))
    if own_date and (verbs := event_words(quote)):
        first = parties[0] if parties else None
        reasons = {"party": list(first.words) if first else [], "issues": _issue_reasons(issues), "date": date_words, "kind": verbs}
        found.append(_proposal("event", sentence, quote, ids, date, reasons, party=first.id if first else None))
    if not issues and any(hit.id in regions for hit in parties):
        # "read the statement as a sign…": an impact's issue may be named earlier in its paragraph
        earlier = issues_named(text[sentence.paragraph_start : sentence.start], taxonomy)
        issues, ids = earlier, tuple(hit.id for hit in earlier)
        issue_reasons = [f"{reason} (earlier in its paragraph)" for reason in _issue_reasons(earlier)]
    else:
        issue_reasons = _issue_reasons(issues)
    for region in (hit for hit in parties if hit.id in regions):
        sure, sure_words = confidence(quote, "assessment")
        reasons = {"region": list(region.words), "issues": issue_reasons, "confidence": sure_words, "date": date_words}
        found.append(_proposal("impact", sentence, quote, ids, date, reasons, region=region.id, claim_type="assessment", confidence=sure))
    return found


def propose(text: str, taxonomy: Taxonomy, published: dt.date | None = None) -> list[Proposal]:
    """Every proposal of a source text, in the order of its sentences; each quote is the text at its offsets.
    Without a publication date, the dateline the text prints near its top ("30/01/2026") gives dates their year."""
    published = published or dateline(text)
    cut = sentences(text)
    found = [
        proposal
        for index, sentence in enumerate(cut)
        for proposal in propose_sentence(text, sentence, taxonomy, published, cut[index - 1] if index else None)
    ]
    for proposal in found:
        assert text[proposal.start : proposal.end] == proposal.quote, "a proposal's quote is the text at its offsets"
    return found
