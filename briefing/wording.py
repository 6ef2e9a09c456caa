"""The words the editorial checks read (briefing/checks.py): hedges about the evidence, a judgment's likelihood terms,
reporting verbs, quotation, absolute words, and what an issue is about. Lists, not grammar: each rule built on them
is a heuristic, documented in docs/editorial-checklist.md and tested both ways."""

from __future__ import annotations

import re

from briefing.schema import Issue, Taxonomy

# hedges about the evidence: the source doubting, inferring or reporting what it cannot vouch for
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
# the estimative terms of ICD 203 and their usual synonyms: how probable a judgment's event is, which the judgment
# states as its own likelihood; they are not a doubt about the evidence
LIKELIHOOD_TERM = re.compile(
    r"\b(?:almost no chance|remote(?:ly)?|(?:very |highly )?(?:un)?likely|(?:highly )?improbabl[ey]|"
    r"roughly even (?:chance|odds)|(?:highly )?probabl[ey]|almost certain(?:ly)?|nearly certain(?:ly)?)\b",
    re.IGNORECASE,
)

# a verb by which the article tells what someone said or did; "according to" names whose account it is
REPORTING_VERB = (
    r"(?:\w+ly )?(?:says|said|saying|told|tells|stated|states|demands|demanded|demanding|refuses|refused|rejects|"
    r"rejected|asks|asked|confirmed|confirms|insisted|insists|warned|warns|described|describes|characteri[sz]ed|"
    r"critici[sz]ed|revealed|emphasi[sz]ed|emphasi[sz]ing|dismissed|denied|denies|hinted|asserted|noted|argued|"
    r"claimed|announced|added|declared|repeated|reiterated|urged|accused|called for|made it clear)\b"
)
ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
# first person, as the party's own words use it; "US" in capitals is the country, not "us"
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?|I|me|[Mm]y)\b")
QUOTED = re.compile(r"[“\"«]([^”\"»]{3,})[”\"»]")  # words in quotation marks: straight, curly or guillemets

# words that make a stance absolute: "firm" needs one of them in the quote
ABSOLUTE = re.compile(
    r"\b(?:never|any|none|nothing|no room|under no circumstances|in no case|unacceptable|inadmissible|not even|"
    r"categorical(?:ly)?|complete(?:ly)?|entire(?:ly)?|absolute(?:ly)?|total(?:ly)?|fully|outright|"
    r"out of the question|non-negotiable|at all|whatever|irreversibl[ey]|must)\b|\b100 ?%",
    re.IGNORECASE,
)

# words too common to say what an issue is about
# fmt: off
STOPWORDS = frozenset((
    "a", "an", "and", "any", "are", "as", "at", "be", "by", "for", "from", "how", "in", "including", "into",
    "is", "it", "its", "of", "on", "or", "such", "that", "the", "their", "them", "they", "this", "to",
    "what", "whether", "which", "who", "with", "chiefly", "other", "others", "part", "parts", "takes",
    "take", "current", "also", "more",
))
# fmt: on
WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]+")
STEM = 6  # two words share a stem when they share their first six letters: "neutrality", "neutralization"


def hedges(text: str, likelihood: bool = False) -> list[str]:
    """The hedge words in a text, in order ("may" only in lower case); with ``likelihood``, a judgment's own
    likelihood terms ("unlikely", "very likely") are left out: they say how probable its event is."""
    found = [(match.start(), match.end(), match.group(0)) for match in HEDGE.finditer(text)]
    found += [(match.start(), match.end(), match.group(0)) for match in MAY.finditer(text)]
    if likelihood:
        terms = [(match.start(), match.end()) for match in LIKELIHOOD_TERM.finditer(text)]
        found = [hit for hit in found if not any(start <= hit[0] and hit[1] <= end for start, end in terms)]
    return [word for _start, _end, word in sorted(found)]


def carries_hedge(text: str) -> bool:
    return bool(CARRIED.search(text) or MAY.search(text))


def absolute_words(text: str) -> list[str]:
    """The words of a text that make a stance absolute ("never", "unacceptable", "not even", "100%")."""
    return [match.group(0) for match in ABSOLUTE.finditer(text)]


def _stems(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    # the word pattern stops at an apostrophe, so "Ukraine's" gives "ukraine" (a lone "s" is too short to match)
    return {word[:STEM] for word in WORD.findall(text.lower()) if word not in STOPWORDS and word not in ignore}


def _party_words(taxonomy: Taxonomy) -> frozenset[str]:
    """Every word of a party's name or alias: they name who, not what an issue is about."""
    names = [name for party in taxonomy.parties for name in (party.name, *party.aliases)]
    return frozenset(word for name in names for word in WORD.findall(name.lower()))


def issue_stems(issue: Issue, taxonomy: Taxonomy) -> frozenset[str]:
    """The stems of an issue's own words: its label, proposition and definition (and keywords, should the taxonomy
    gain them), less the parties' names."""
    parts = [issue.label, getattr(issue, "proposition", None) or "", issue.definition, *getattr(issue, "keywords", ())]
    return frozenset(_stems(" ".join(parts), _party_words(taxonomy)))


# the stems of each issue of the taxonomies in use, found once: a check runs for every position of every brief
_ISSUE_STEMS: dict[int, tuple[Taxonomy, dict[str, frozenset[str]]]] = {}


def stems_of(taxonomy: Taxonomy, issue_id: str) -> frozenset[str] | None:
    """The stems of one issue of a taxonomy (None for an issue it lacks), found once per taxonomy."""
    held = _ISSUE_STEMS.get(id(taxonomy))
    if held is None or held[0] is not taxonomy:  # the taxonomy is kept with its entry, so its id is not reused
        if len(_ISSUE_STEMS) > 16:
            _ISSUE_STEMS.clear()
        held = _ISSUE_STEMS[id(taxonomy)] = (taxonomy, {issue.id: issue_stems(issue, taxonomy) for issue in taxonomy.issues})
    return held[1].get(issue_id)


def speaks_to(quotes: list[str], stems: frozenset[str]) -> bool:
    """True when the quotes share at least one content word (by its stem) with an issue's stems."""
    return any(word[:STEM] in stems for quote in quotes for word in WORD.findall(quote.lower()))
