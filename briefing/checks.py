"""Editorial checks: readings that probably claim more than their quotes say.

Schema validation proves that every quote is in the source; these checks look at what the quotes are used for.
They are heuristics over the words of the quote and the sentence around it (whose words it is, how firm, whether
it speaks to its issue, what it hedges; the word lists are in briefing/wording.py), documented in
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

from briefing.schema import Brief, Evidence, Issue, Judgment, Position, Taxonomy
from briefing.wording import (
    ACCORDING_TO,
    FIRST_PERSON,
    LIKELIHOOD_TERM,
    QUOTED,
    REPORTING_VERB,
    absolute_words,
    carries_hedge,
    hedges,
    speaks_to,
    stems_of,
)

Severity = Literal["warning", "error"]

# the article speaking: a summary of statements, the article itself, the author's inference or framing
ARTICLE_VOICE = (
    re.compile(r"\bFrom [^.]{0,80}?\b(?:statements?|remarks|words|perspective|point of view)\b"),
    re.compile(r"\b(?:the|this) (?:article|author|analysis|brief)\b", re.IGNORECASE),
    re.compile(r"(?:^|\.\s+)This (?:\w+ )?(?:indicates|suggests|shows|means|reveals|confirms|creates)\b"),
    re.compile(r"^(?:Historically|In this system|Therefore|Thus|Clearly),?\s"),
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][”\"’»])\s+|\n+")  # a sentence may end inside its closing quote


@dataclass(frozen=True)
class Finding:
    """One reading that a rule flags, at a record path."""

    rule: str
    severity: Severity
    location: str
    record_id: str
    message: str


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
    return _mention_pattern(tuple(names)).search(text) is not None


@functools.lru_cache(maxsize=256)  # one per party and speaker: built once, not for every span of every brief
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the names as a whole word (the alternatives in the order given, as a search for each in turn finds)."""
    return re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names) or r"(?!)")


def _subjects(names: list[str] | tuple[str, ...]) -> str:
    """A regex for the party or its speaker as a subject: a name (not a possessive) or he, she, they."""
    return rf"(?<!\w)(?:{'|'.join(re.escape(name) for name in [*names, 'He', 'She', 'They', 'he', 'she', 'they'])})(?!\w)(?!['’]s)"


def _attributed_to(text: str, names: list[str]) -> re.Match | None:
    """Where the text makes the party or its speaker the subject of a reporting verb or of a colon before speech,
    or the object of a reporting verb that follows ("…, said Lavrov")."""
    return _attribution_pattern(tuple(names)).search(text)


@functools.lru_cache(maxsize=256)
def _attribution_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    subjects = _subjects(names)
    return re.compile(rf"{subjects}[^.:“”\"]{{0,60}}?\b{REPORTING_VERB}|{subjects}\s*:|\b{REPORTING_VERB}\s+{subjects}")


def _quotation(before: str, quote: str, after: str) -> tuple[str, str] | None:
    """When the span is words in quotation marks, or holds them: those words, and the rest of the sentence."""
    sentence = before + quote + after
    start, end = len(before), len(before) + len(quote)
    for match in QUOTED.finditer(sentence):
        inner_start, inner_end = match.span(1)
        inside = inner_start <= start + 1 and end - 1 <= inner_end  # the span is (nearly all) the quoted words
        holds = start <= match.start() and match.end() <= end  # the span holds the marks and the words
        if inside or holds:
            return match.group(1), sentence[: match.start()] + " " + sentence[match.end() :]
    return None


# how a span may fail to be the party's own words; reporting of them still counts for a range or red line
ARTICLE = "the sentence is the article's own summary or inference, not the party's words"
MISATTRIBUTED = "the words in quotation marks are not attributed to the party or its speaker in their sentence"
ACCOUNT = "the span is someone's account (“according to”), not the party's words"
REPORTED = "the span tells what the party said in the article's words; the party's own words are not quoted"
COLON = "a colon followed by a capital is not direct speech, and nothing in the sentence attributes the words to the party"
UNNAMED = "neither the party nor its speaker is named in or next to the span"


def voice_of(span: Evidence, text: str, names: list[str]) -> str | None:
    """Why a span reads as someone other than the party speaking, or None when it may be the party's words.

    Direct speech is words in quotation marks attributed to the party or its speaker in their sentence; first
    person ("we", "us") after the attribution is the party's voice even without marks. A colon followed by a
    capital is not, by itself, direct speech: "Lavrov said: Kyiv must withdraw" is the article's rendering."""
    previous, before, after = sentence_around(text, span.start, span.end)
    sentence_start = before + span.quote
    for pattern in ARTICLE_VOICE:
        if pattern.search(sentence_start) or pattern.search(span.quote):
            return ARTICLE
    named = _mentions(previous + sentence_start + after, names)
    if (quotation := _quotation(before, span.quote, after)) is not None:
        return None if named and _attributed_to(quotation[1], names) else MISATTRIBUTED
    attribution = _attributed_to(sentence_start + after, names)
    speech = sentence_start[attribution.end() :] if attribution and attribution.end() <= len(sentence_start) else span.quote
    if FIRST_PERSON.search(speech) or FIRST_PERSON.search(span.quote):
        return None
    if ACCORDING_TO.search(sentence_start + after):
        return ACCOUNT
    if attribution:
        return REPORTED
    if ":" in sentence_start:
        return COLON
    return None if named else UNNAMED


def _record_text(record) -> str:
    for field in ("summary", "assessment", "text"):
        value = record.__dict__.get(field, None)
        if value:
            return value
    return record.__dict__.get("title", "")


def _hedge_findings(path: str, record, record_id: str) -> Iterator[Finding]:
    # a judgment that records its likelihood states it in ICD 203's terms: "unlikely" there is the judgment, not a hedge
    likelihood = isinstance(record, Judgment) and record.__dict__.get("likelihood", None) is not None
    quoted = [word for span in record.evidence for word in hedges(span.quote, likelihood=likelihood)]
    if not quoted:
        return
    listed = ", ".join(f"“{word}”" for word in dict.fromkeys(word.lower() for word in quoted))
    if isinstance(record, Judgment) and not likelihood and all(LIKELIHOOD_TERM.fullmatch(word) for word in quoted):
        listed += "; if it is the judgment's own likelihood, record it as likelihood"
    if record.__dict__.get("confidence", None) == "high":
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


def _issue(taxonomy: Taxonomy, issue_id: str) -> Issue | None:
    return next((issue for issue in taxonomy.issues if issue.id == issue_id), None)


def off_issue(position: Position, taxonomy: Taxonomy) -> bool:
    """True when none of the position's quotes shares a word with its issue (label, proposition, definition)."""
    stems = stems_of(taxonomy, position.issue)
    return stems is not None and not speaks_to([span.quote for span in position.evidence], stems)


def relevant(position: Position, taxonomy: Taxonomy) -> bool:
    """Whether the position's quotes speak to its issue, or an editor has answered the warning that they do not."""
    return not off_issue(position, taxonomy) or any(review.rule == "off-issue" for review in position.reviewed)


def _stance_findings(path: str, position: Position, taxonomy: Taxonomy) -> Iterator[Finding]:
    """A firm stance its quotes do not make absolute, and quotes that name nothing of the position's issue."""
    if position.stance.startswith("firm-") and not any(absolute_words(span.quote) for span in position.evidence):
        weaker = position.stance.removeprefix("firm-")
        yield Finding(
            "firm-without-absolute",
            "warning",
            f"{path}.stance",
            position.id,
            f"a {position.stance} stance needs absolute words in its quote (“never”, “any”, “unacceptable”, “not even”, "
            f"“under no circumstances”…), and its quotes have none: file it as {weaker}, or cite the absolute words",
        )
    if off_issue(position, taxonomy):
        issue = _issue(taxonomy, position.issue)
        yield Finding(
            "off-issue",
            "warning",
            f"{path}.evidence",
            position.id,
            f"its quotes name nothing of its issue ({issue.label if issue else position.issue}: no word of its label, "
            "proposition or definition): cite the words that speak to the issue, or file the record under the issue they do",
        )


def _attributed(part_evidence, text: str, names: list[str]) -> bool:
    """True when at least one span can be the party's words or reporting attributed to it."""
    return any(voice_of(span, text, names) in (None, REPORTED, ACCOUNT) for span in part_evidence)


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
        for step_number, step in enumerate(record.__dict__.get("steps", ())):
            found += _hedge_findings(f"{path}.steps[{step_number}]", step, record.id)
        if isinstance(record, Position):
            found += _position_findings(path, record, taxonomy, texts)
            found += _stance_findings(path, record, taxonomy)
        reviewed = {review.rule for review in record.__dict__.get("reviewed", ())}
        findings += [f for f in found if f.severity == "error" or f.rule not in reviewed]
    return findings
