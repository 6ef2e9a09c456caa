"""Editorial checks: readings that probably claim more than their quotes say.

Schema validation proves that every quote is in the source; these checks look at what the quotes are used for.
They are heuristics over the words of the quote and the sentence around it, documented in
docs/editorial-checklist.md, and each one is tested both ways. Most give warnings (``validate --strict`` makes them
errors); a range or red line resting on the analyst's sentences alone is an error, since the negotiation space would
otherwise present the analyst's reading as the party's.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from briefing.schema import Brief, Evidence, Position, Taxonomy

Severity = Literal["warning", "error"]

HEDGE_WORDS = (
    r"indicat(?:e|es|ed|ing)|suggest(?:s|ed)?|might|could|(?:un)?likely|probably|possib(?:le|ly|ility)|potentially|"
    r"perhaps|appear(?:s|ed)?|seem(?:s|ed)?|apparently|reportedly|allegedly|if|unless|hint(?:s|ed)?"
)
HEDGE = re.compile(rf"\b(?:{HEDGE_WORDS})\b", re.IGNORECASE)
MAY = re.compile(r"\bmay\b")  # lower case only, so that the month of May is not a hedge
# words that carry a hedge or a condition into a record's own text
CARRIED = re.compile(
    rf"\b(?:{HEDGE_WORDS}|would|conditional|conditions?|hedged|uncertain|unclear|not clear|explored|provisional|almost)\b",
    re.IGNORECASE,
)

# the article speaking: a summary of statements, the article itself, the author's inference or framing
ARTICLE_VOICE = (
    re.compile(r"\bFrom [^.]{0,80}?\b(?:statements?|remarks|words|perspective|point of view)\b"),
    re.compile(r"\b(?:the|this) (?:article|author|analysis|brief)\b", re.IGNORECASE),
    re.compile(r"(?:^|\.\s+)This (?:\w+ )?(?:indicates|suggests|shows|means|reveals|confirms|creates)\b"),
    re.compile(r"^(?:Historically|In this system|Therefore|Thus|Clearly),?\s"),
)
# a named person or party as the subject of a reporting verb: the article telling what someone said
REPORTING_VERB = (
    r"(?:\w+ly )?(?:stated|said|says|described|characteri[sz]ed|critici[sz]ed|revealed|emphasi[sz]ed|emphasi[sz]ing|"
    r"rejected|dismissed|hinted|asserted|noted|argued|warned|insisted|claimed|announced|made it clear)\b"
)
FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|I|me|my)\b", re.IGNORECASE)
DIRECT_SPEECH = re.compile(r":\s+[A-Z“\"]|[“\"][^”\"]{3,}[”\"]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Finding:
    """One reading that a rule flags, at a record path."""

    rule: str
    severity: Severity
    location: str
    record_id: str
    message: str


def hedges(text: str) -> list[str]:
    """The hedge words in a text, in order (\"may\" only in lower case)."""
    found = [(match.start(), match.group(0)) for match in HEDGE.finditer(text)]
    found += [(match.start(), match.group(0)) for match in MAY.finditer(text)]
    return [word for _start, word in sorted(found)]


def carries_hedge(text: str) -> bool:
    return bool(CARRIED.search(text) or MAY.search(text))


@functools.lru_cache(maxsize=64)  # a seed's sentences, found once for all the spans that quote it
def _sentence_starts(text: str) -> tuple[int, ...]:
    return (0, *(match.end() for match in SENTENCE_END.finditer(text)))


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The previous sentence, and the text of the span's own sentence before and after the span."""
    starts = _sentence_starts(text)
    at = bisect.bisect_right(starts, start) - 1
    own = starts[at]
    previous = starts[at - 1] if at > 0 else own
    after = bisect.bisect_left(starts, end)
    following = starts[after] if after < len(starts) else len(text)
    return text[previous:own], text[own:start], text[end:following]


def names_for(position_party: str, speaker: str | None, taxonomy: Taxonomy) -> list[str]:
    """How the text may name the party or its speaker: names, aliases and speakers' surnames."""
    party = taxonomy.party(position_party)
    names = [party.name, *party.aliases]
    for person in party.speakers:
        if speaker is None or person.id == speaker:
            office = person.role.split()[-1]
            names += [person.name, person.name.split()[-1], *person.aliases, person.role, office, office.lower()]
    return [name for name in names if name]


def _mentions(text: str, names: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names)


def voice_of(span: Evidence, text: str, names: list[str]) -> str | None:
    """Why a span reads as the article speaking rather than the party, or None when it may be the party's words."""
    previous, before, after = sentence_around(text, span.start, span.end)
    sentence_start = before + span.quote
    for pattern in ARTICLE_VOICE:
        if pattern.search(sentence_start) or pattern.search(span.quote):
            return "the sentence is the article's own summary or inference, not the party's words"
    own_words = FIRST_PERSON.search(span.quote) or DIRECT_SPEECH.search(before[-3:] + span.quote)
    subjects = "|".join(re.escape(name) for name in [*names, "He", "She", "They"])
    if not own_words and re.search(rf"(?<!\w)(?:{subjects})(?!\w)[^.:]{{0,60}}?\b{REPORTING_VERB}", span.quote):
        return "the span tells what the party said in the article's words; the party's own words are not quoted"
    if not own_words and not _mentions(previous + sentence_start + after, names):
        return "neither the party nor its speaker is named in or next to the span"
    return None


def _record_text(record) -> str:
    for field in ("summary", "assessment", "text"):
        value = getattr(record, field, None)
        if value:
            return value
    return getattr(record, "title", "")


def _hedge_findings(path: str, record, record_id: str) -> Iterator[Finding]:
    quoted = [word for span in record.evidence for word in hedges(span.quote)]
    if not quoted:
        return
    listed = ", ".join(f"“{word}”" for word in dict.fromkeys(word.lower() for word in quoted))
    if getattr(record, "confidence", None) == "high":
        yield Finding(
            "hedged-quote-high-confidence",
            "warning",
            path,
            record_id,
            f"its quote hedges ({listed}) but its confidence is high: a hedge in the source keeps the confidence below high",
        )
    text = _record_text(record)
    if text and not carries_hedge(text):
        yield Finding(
            "dropped-hedge",
            "warning",
            path,
            record_id,
            f"its quote hedges ({listed}) but its text states the claim outright: carry the hedge into the text",
        )


def _attributed(part_evidence, text: str, names: list[str]) -> bool:
    """True when at least one span can be the party's words or reporting attributed to it."""
    return any(voice_of(span, text, names) is None for span in part_evidence)


def _position_findings(path: str, position: Position, taxonomy: Taxonomy, texts: dict[str, str]) -> Iterator[Finding]:
    names = names_for(position.party, position.speaker, taxonomy)
    if position.claim_type == "stated":
        for number, span in enumerate(position.evidence):
            if span.seed in texts and (why := voice_of(span, texts[span.seed], names)):
                yield Finding(
                    "stated-not-party",
                    "warning",
                    f"{path}.evidence[{number}]",
                    position.id,
                    f"a stated position is the party's own words, but {why}: file it as reported or assessment, or cite the party's words",
                )
    if position.claim_type == "assessment":
        return
    for name, part in (("red_line", position.red_line), ("acceptable_range", position.acceptable_range)):
        if part is None or (part.claim_type or position.claim_type) == "assessment":
            continue
        spans = [(span, texts[span.seed]) for span in part.evidence if span.seed is not None and span.seed in texts]
        if spans and not any(_attributed([span], text, names) for span, text in spans):
            yield Finding(
                "range-from-analyst",
                "error",
                f"{path}.{name}",
                position.id,
                f"the {name.replace('_', ' ')} of a {position.claim_type} position rests only on the "
                "analyst's sentences: cite the party's words or reporting of them, or move it to an "
                "assessment position, where it is shown as the analyst's reading",
            )


def editorial_findings(brief: Brief, taxonomy: Taxonomy, texts: dict[str, str]) -> list[Finding]:
    """Every editorial finding in one validated brief, less the warnings an editor has marked as reviewed."""
    findings: list[Finding] = []
    for field, index, record in brief.records():
        path = f"{field}[{index}]"
        if field == "editor_notes":
            continue
        found = list(_hedge_findings(path, record, record.id))
        for step_number, step in enumerate(getattr(record, "steps", ())):
            found += _hedge_findings(f"{path}.steps[{step_number}]", step, record.id)
        if isinstance(record, Position):
            found += _position_findings(path, record, taxonomy, texts)
        reviewed = {review.rule for review in getattr(record, "reviewed", ())}
        findings += [f for f in found if f.severity == "error" or f.rule not in reviewed]
    return findings
