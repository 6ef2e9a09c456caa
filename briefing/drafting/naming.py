"""Who and what a sentence names: parties by name, alias and speaker, issues by keyword, and the names the
taxonomy lacks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing.schema import Issue, Taxonomy
from briefing.wording import STEM, STOPWORDS, WORD, stems_of


@dataclass(frozen=True)
class Hit:
    """A party or issue a sentence names, and the words that named it."""

    id: str
    words: tuple[str, ...]


def party_names(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """How a text may name each party: its name, aliases (capitals among them), speakers' names, surnames and aliases."""
    names: dict[str, list[str]] = {}
    for party in taxonomy.parties:
        own = [party.name, *party.aliases]
        for person in party.speakers:
            own += [person.name, person.name.split()[-1], *person.aliases]
        names[party.id] = [name for name in dict.fromkeys(own) if name]
    return names


def _pattern(names: list[str], flags: int = 0) -> re.Pattern[str]:
    longest_first = sorted(names, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(name) for name in longest_first)})(?!\w)", flags)


def parties_named(sentence: str, taxonomy: Taxonomy) -> list[Hit]:
    """The parties a sentence names, in the order it first names them (names are matched with their capitals:
    "US" is the country, "us" is not)."""
    hits = []
    for party_id, names in party_names(taxonomy).items():
        found = [(match.start(), match.group(0)) for match in _pattern(names).finditer(sentence)]
        if found:
            hits.append((min(found)[0], Hit(party_id, tuple(dict.fromkeys(word for _at, word in found)))))
    return [hit for _at, hit in sorted(hits, key=lambda pair: pair[0])]


def _issue_words(issue: Issue, taxonomy: Taxonomy, sentence: str) -> tuple[str, ...]:
    if issue.keywords:
        # a keyword matches at the start of a word, so "territor" meets "territories" and "truce" meets "truces"
        pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(word) for word in issue.keywords)})", re.IGNORECASE)
        return tuple(dict.fromkeys(match.group(0) for match in pattern.finditer(sentence)))
    stems = stems_of(taxonomy, issue.id) or frozenset()
    words = [word for word in WORD.findall(sentence) if word.lower() not in STOPWORDS and word.lower()[:STEM] in stems]
    return tuple(dict.fromkeys(words))


def issues_named(sentence: str, taxonomy: Taxonomy) -> list[Hit]:
    """The issues a sentence speaks to: by their keywords, or without keywords by the words of the label,
    proposition and definition (the relevance check's stems)."""
    return [Hit(issue.id, words) for issue in taxonomy.issues if (words := _issue_words(issue, taxonomy, sentence))]


# a run of capitalised words, joined by "of", "the", "and" inside it ("Senate Foreign Relations Committee"); a dot
# belongs to a word only before a letter ("U.S.")
CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z](?:[\w’'-]|\.(?=\w))*(?:\s+(?:(?:of|the|and|for)\s+)?[A-Z](?:[\w’'-]|\.(?=\w))*)*")
MONTHS = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
)
PRONOUNS = frozenset(["I", "We", "He", "She", "They", "It", "His", "Her", "Its", "Their", "Our", "My"])
WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
SENTENCE_PUNCTUATION = (".", "!", "?", "”", '"', "’")


def missing_names(text: str, taxonomy: Taxonomy) -> list[tuple[str, int]]:
    """Capitalised names in the text's sentences that name no party, speaker or role of the taxonomy, with how often
    each occurs, most frequent first: candidates for the taxonomy (or places and organisations it need not hold).
    Headings (lines without a full stop) are left out; a sentence's first word counts only where the text also
    capitalises it inside a sentence, and a word the text also writes in lower case never starts a name."""
    from briefing.drafting.text import sentences

    known = [name for names in party_names(taxonomy).values() for name in names]
    known += [person.role for party in taxonomy.parties for person in party.speakers]
    blanked = _pattern(known).sub(lambda match: " " * len(match.group(0)), text)
    lower_words = {word for word in WORD.findall(text) if word.islower()}
    runs: list[tuple[bool, list[str]]] = []
    for sentence in sentences(text):
        if not text[: sentence.paragraph_end].endswith(SENTENCE_PUNCTUATION):
            continue
        piece = blanked[sentence.start : sentence.end]
        for match in CAPITALISED.finditer(piece):
            words = re.sub(r"[’']s$", "", match.group(0)).split()
            while words and (words[0].lower() in STOPWORDS or words[0] in MONTHS | WEEKDAYS | PRONOUNS or words[0].lower() in lower_words):
                words.pop(0)
            if words and not (len(words) == 1 and len(words[0]) < 2):
                runs.append((match.start() == 0 and len(words) == 1, words))
    inside = {words[0] for at_start, words in runs if not at_start and len(words) == 1}
    counts = Counter(" ".join(words) for at_start, words in runs if not at_start or words[0] in inside)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
