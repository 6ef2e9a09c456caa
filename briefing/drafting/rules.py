"""The rules that fill a proposal's fields from its sentence. Each returns its value and the words that decided it.

Claim type reuses the editorial checks' reading of whose words a sentence is (briefing/checks.py ``voice_of``, on
the word lists of briefing/wording.py), so a proposal never gets a claim type `validate` would then warn about:

- **stated**: words in quotation marks, or first person ("unacceptable to us"), attributed to the party or its
  speaker in their sentence;
- **reported**: a reporting verb with the party or its speaker as subject ("Lavrov rejected…"), or "according to";
- **assessment**: anything else, the article's own words.

Confidence: a hedge in the sentence (briefing/wording.py ``hedges``: "might", "could", "reportedly"…) keeps it
below high: two or more hedges give low, one gives medium; none gives high for stated and reported, medium for the
article's own assessment.

Stance, from this lexicon (first match wins, in this order):

- rejection words (``REJECTION``: "reject", "dismiss", "unacceptable", "not accept", "oppose", "shut the door", "denied",
  "illegitimate", "refuse", "criticised", "threat", "hostile", "exclude", "rules out") give **rejection**;
- condition words (``CONDITION``: "only if", "on condition", "provided that", "as long as", "in exchange for",
  "unless") give **conditional**;
- support words (``SUPPORT``: "support", "seek", "sought", "call for", "propose", "insist", "demand", "want",
  "welcome", "agree", "ready", "request", "recognize") give **support**;
- with absolute words as well (briefing/wording.py ``absolute_words``: "never", "any", "unacceptable",
  "completely", "must"…), rejection and support become **firm-rejection** and **firm-support**, as the
  `firm-without-absolute` check asks;
- none of them: **ambiguous**.

Events: a sentence with its own date and an event word (``EVENT_WORDS``: "held", "talks", "interview",
"signed", "announced", "rejected", "submitted", "hearing", "strikes", "invasion", "denied", "circulated"…).
Impacts: a sentence naming a region of the regional view (briefing/regions.py ``REGIONAL_PANELS`` and their
members).
"""

from __future__ import annotations

import re

from briefing.checks import ACCOUNT, REPORTED, voice_of
from briefing.schema import Evidence
from briefing.wording import ACCORDING_TO, QUOTED, REPORTING_VERB, absolute_words, hedges

REJECTION = re.compile(
    r"\b(?:reject\w*|dismiss\w*|unacceptable|(?:not|never) accept\w*|oppos\w+|shut the door|den(?:y|ied|ies)|illegitimate|refus\w+|"
    r"critici[sz]\w*|threat\w*|hostile|exclud\w+|rules? out|ruled out|against)\b",
    re.IGNORECASE,
)
CONDITION = re.compile(r"\b(?:only if|on (?:the )?condition|provided that|as long as|in exchange for|unless)\b", re.IGNORECASE)
SUPPORT = re.compile(
    r"\b(?:support\w*|seek\w*|sought|call(?:s|ed)? for|propos\w+|insist\w*|demand\w*|want\w*|welcom\w+|agree[ds]?|"
    r"ready|request\w*|recogni[sz]\w*)\b",
    re.IGNORECASE,
)
EVENT_WORDS = re.compile(
    r"\b(?:held|hold|met|meet(?:ing|s)?|talks|interview|signed|sign(?:ing)?|announc\w+|reject\w+|submitted|"
    r"hearing|strikes?|struck|attack\w*|invasion|invaded|denied|circulated|launched|visited|concluded|stated|"
    r"proposed|agreed|summit)\b",
    re.IGNORECASE,
)
FIRST_PERSON_SPEECH = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?|I|me|[Mm]y)\b")


def claim_type(text: str, start: int, end: int, names: list[str]) -> tuple[str, list[str]]:
    """Whose words the sentence at start-end is, for a party named by these names, and the words that tell."""
    sentence = text[start:end]
    span = Evidence(id="draft", start=start, end=end, quote=sentence)
    voice = voice_of(span, text, names)
    quoted = [match.group(0) for match in QUOTED.finditer(sentence)]
    first_person = FIRST_PERSON_SPEECH.findall(sentence)
    if voice is None and (quoted or first_person):
        return "stated", [*quoted, *first_person]
    if voice in (REPORTED, ACCOUNT):
        found = ACCORDING_TO.search(sentence) or re.search(rf"\b{REPORTING_VERB}", sentence)
        return "reported", [found.group(0)] if found else [voice]
    return "assessment", [voice or "no quotation and no reporting verb"]


def confidence(sentence: str, claim: str) -> tuple[str, list[str]]:
    """How sure a reading can be, from the sentence's hedges."""
    found = hedges(sentence)
    if len(found) >= 2:
        return "low", found
    if found:
        return "medium", found
    return ("high" if claim in ("stated", "reported") else "medium"), []


def stance(sentence: str) -> tuple[str, list[str]]:
    """A stance from the lexicon above, with the words that gave it."""
    absolute = absolute_words(sentence)
    for pattern, name in ((REJECTION, "rejection"), (CONDITION, "conditional"), (SUPPORT, "support")):
        words = [match.group(0) for match in pattern.finditer(sentence)]
        if words:
            if name != "conditional" and absolute:
                return f"firm-{name}", [*words, *absolute]
            return name, words
    return "ambiguous", []


def event_words(sentence: str) -> list[str]:
    return [match.group(0) for match in EVENT_WORDS.finditer(sentence)]
