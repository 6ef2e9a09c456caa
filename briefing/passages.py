"""A passage of a seed text chosen in the browser or typed as a quote, as exact Python string offsets.

A browser counts text in UTF-16 code units, where a character outside the Basic Multilingual Plane (most emoji,
some CJK) counts twice; Python counts code points. The selection comes back from the browser in code units and is
converted here, then checked against the text it says it selected.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from briefing.locate import Difference, closest, occurrences, snippet

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=8)  # one seed is selected in many times
def _astral(text: str) -> tuple[int, ...]:
    """The code-point indices of the characters that take two UTF-16 code units."""
    return tuple(match.start() for match in _ASTRAL.finditer(text))


def to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset of a Python string index."""
    return index + bisect.bisect_left(_astral(text), index)


def from_utf16(text: str, units: int, round_up: bool = False) -> int:
    """The Python string index of a UTF-16 offset; one that falls inside a surrogate pair moves to the character's
    start, or past it with ``round_up``. Offsets outside the text are clamped to it."""
    astral = _astral(text)
    units = max(0, units)
    low, high = 0, len(astral)
    while low < high:  # how many two-unit characters lie wholly before the offset
        middle = (low + high) // 2
        if astral[middle] + middle + 2 <= units:  # the pair of astral[middle] starts at its index plus the pairs before
            low = middle + 1
        else:
            high = middle
    index = units - low
    if low < len(astral) and astral[low] < index:  # inside the pair of astral[low]
        index = astral[low] + (1 if round_up else 0)
    return min(index, len(text))


@dataclass(frozen=True)
class Passage:
    """Characters ``start`` to ``end`` (end exclusive) of one seed."""

    seed: str
    start: int
    end: int
    quote: str


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace a mouse selection often takes in at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def from_selection(seed: str, text: str, start_units: int, end_units: int, selected: str | None = None) -> Passage | None:
    """The passage a browser selection covers, or None when it is empty or does not match the text it reports.

    ``selected`` is the browser's own string of the selection: if the converted offsets do not give it back (the
    page showed another text), the selection is not trusted.
    """
    start = from_utf16(text, min(start_units, end_units))
    end = from_utf16(text, max(start_units, end_units), round_up=True)
    if selected is not None and text[start:end] != selected:
        return None
    start, end = trimmed(text, start, end)
    if start >= end:
        return None
    return Passage(seed, start, end, text[start:end])


@dataclass(frozen=True)
class Located:
    """Where a typed quote is in a seed: its passages, or the nearest passage when it is nowhere."""

    passages: tuple[Passage, ...] = ()
    near: Difference | None = None
    message: str = ""


def locate_quote(seed: str, text: str, quote: str, limit: int = 20) -> Located:
    """Find a typed or pasted quote the way ``fill`` does: exact occurrences, else a near match to suggest."""
    if not quote:
        return Located(message="Type or paste the source's exact words.")
    starts = occurrences(text, quote, limit=limit)
    if starts:
        passages = tuple(Passage(seed, start, start + len(quote), quote) for start in starts)
        if len(starts) == 1:
            return Located(passages, message=f"Found at characters {starts[0]}–{starts[0] + len(quote)}.")
        shown = f"{len(starts)}{'+' if len(starts) == limit else ''}"
        return Located(passages, message=f"The quote occurs {shown} times; choose the one you mean, or lengthen the quote.")
    found = closest(text, quote)
    if found is None:
        return Located(message="The quote is not in the source text, and no passage resembles it.")
    advice = "use the source's wording if it is the passage you mean" if found.near else "compare the two"
    return Located(near=found, message=f"The quote is not in the source text; {found.describe(text, quote, passage=False)}; {advice}.")


def context(text: str, passage: Passage) -> str:
    """The passage in brackets with some text either side, on one line."""
    return snippet(text, passage.start, passage.end)
