"""Finding quotes in seed texts: exact places, the one meant among several, and near misses explained."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

# Characters a copy often changes on the way from the source to a brief, folded for near matches only:
# exact matching never folds anything, because offsets must point at the seed's own characters.
_FOLDED = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
CONTEXT = 30  # characters shown either side of an occurrence


def occurrences(text: str, quote: str, limit: int | None = None) -> list[int]:
    """Every start offset of ``quote`` in ``text`` (the first ``limit`` of them), overlapping ones included."""
    found: list[int] = []
    start = text.find(quote) if quote else -1
    while start != -1 and (limit is None or len(found) < limit):
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def nearest(starts: list[int], anchors: list[int]) -> int | None:
    """The occurrence closest to the record's other spans, or None when there are none or two are equally close."""
    if not anchors or not starts:
        return None
    ranked = sorted((min(abs(start - anchor) for anchor in anchors), start) for start in starts)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def snippet(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The span in brackets with some context either side, on one line."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    shown = f"{'…' if start > width else ''}{before}[{text[start:end]}]{after}{'…' if end + width < len(text) else ''}"
    return shown.replace("\r", "").replace("\n", " ⏎ ")


def character(char: str) -> str:
    """A character made unmistakable: '’' (U+2019 RIGHT SINGLE QUOTATION MARK)."""
    if not char:
        return "the end of the text"
    name = unicodedata.name(char, "")
    return f"{char!r} (U+{ord(char):04X}{' ' + name if name else ''})"


@functools.lru_cache(maxsize=4)  # a brief's missing quotes are usually all in the same seed: fold it once
def _fold(text: str) -> tuple[str, list[int], list[int]]:
    """Text with quotation marks, dashes and case folded and whitespace runs made one space.

    Returns the folded text and, for each folded character, the start and end offsets of what it came from.
    """
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            end = index + 1
            while end < len(text) and text[end].isspace():
                end += 1
            folded.append(" ")
            starts.append(index)
            ends.append(end)
            index = end
            continue
        for piece in _FOLDED.get(char, char).lower():
            folded.append(piece)
            starts.append(index)
            ends.append(index + 1)
        index += 1
    return "".join(folded), starts, ends


@dataclass(frozen=True)
class Difference:
    """Where a quote first parts from a passage of the seed."""

    start: int  # the passage in the seed
    end: int
    offset: int  # index into the quote of the first differing character
    seed_char: str
    quote_char: str
    near: bool  # the passage differs only in quotation marks, dashes, whitespace or case

    def describe(self, text: str, quote: str, passage: bool = True) -> str:
        kind = "a near match (it differs only in quotation marks, dashes, spaces or case)" if self.near else "the nearest passage"
        lead = quote[max(0, self.offset - 20) : self.offset]
        where = f"after {('…' if self.offset > 20 else '') + lead!r}" if lead else "at the first character"
        shown = f": {shorten(text[self.start : self.end])!r}" if passage else ""
        return (
            f"{kind} is at {self.start}-{self.end}{shown}; they first differ {where}: "
            f"the seed has {character(self.seed_char)} where the quote has {character(self.quote_char)}"
        )


def shorten(text: str, most: int = 160) -> str:
    """Long text cut in the middle, so a message stays readable."""
    text = text.replace("\r", "").replace("\n", " ⏎ ")
    return text if len(text) <= most else f"{text[: most // 2]} … {text[-most // 2 :]}"


def _first_difference(passage: str, quote: str) -> int:
    for index, (a, b) in enumerate(zip(passage, quote, strict=False)):
        if a != b:
            return index
    return min(len(passage), len(quote))


def _difference(text: str, quote: str, start: int, end: int, near: bool) -> Difference:
    passage = text[start:end]
    offset = _first_difference(passage, quote)
    return Difference(start, end, offset, passage[offset : offset + 1], quote[offset : offset + 1], near)


def near_matches(text: str, quote: str, limit: int = 5) -> list[Difference]:
    """Passages equal to the quote once quotation marks, dashes, whitespace and case are folded."""
    folded_text, starts, ends = _fold(text)
    folded_quote = _fold(quote)[0].strip()
    found = []
    for position in occurrences(folded_text, folded_quote, limit=limit):
        last = position + len(folded_quote) - 1
        found.append(_difference(text, quote, starts[position], ends[last], near=True))
    return found


def _longest_found(text: str, piece, most: int) -> tuple[int, int]:
    """(length, offset in text) of the longest ``piece(length)`` that occurs in text, for lengths up to ``most``."""
    low, high, best = 0, most, (0, -1)
    while low < high:  # a piece that occurs has all its shorter pieces occurring too, so halving works
        middle = (low + high + 1) // 2
        found = text.find(piece(middle))
        if found == -1:
            high = middle - 1
        else:
            low, best = middle, (middle, found)
    return best


def nearest_passage(text: str, quote: str) -> Difference | None:
    """The passage sharing the longest beginning or ending with the quote, or None if nothing much is shared."""
    prefix, prefix_at = _longest_found(text, lambda length: quote[:length], len(quote))
    suffix, suffix_at = _longest_found(text, lambda length: quote[len(quote) - length :], len(quote))
    if max(prefix, suffix) < min(12, max(1, len(quote) // 2)):
        return None
    start = prefix_at if prefix >= suffix else max(0, suffix_at + suffix - len(quote))
    return _difference(text, quote, start, min(len(text), start + len(quote)), near=False)


def closest(text: str, quote: str) -> Difference | None:
    """A near match if there is one, else the nearest passage, else None."""
    near = near_matches(text, quote, limit=1)
    return near[0] if near else nearest_passage(text, quote)


def explain_missing(text: str, quote: str) -> str:
    """Why a quote is not in the seed: the nearest passage and the first character that differs."""
    found = closest(text, quote)
    return found.describe(text, quote) if found else "no passage of the seed resembles it"
