"""A slide's body as a briefer reads it from across the room: at most MOST_WORDS words in type of at least BODY points,
whole blocks first; what does not fit goes to the speaker notes (never to a continuation slide), and the slide says
how many items the notes add."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from pptx.util import Emu

from briefing.pack.layout import BODY, BODY_HEIGHT, BODY_WIDTH, INSET, MUTED, Block, Line, text_height

MOST_WORDS = 60  # of body on one slide
ROOM = 10  # words left on a slide for a block's first line, shortened, when the whole block does not fit


def words(lines: Sequence[Line]) -> int:
    return sum(len(line.text.split()) for line in lines)


def large(line: Line) -> Line:
    """The line in slide type: never under BODY points, its small gaps kept small."""
    return dataclasses.replace(line, size=max(line.size, BODY), gap=min(max(line.gap, 2), 12))


def shortened(line: Line, most: int) -> Line:
    """The line's first `most` words and an ellipsis (the whole of it is in the notes): its whole sentences where
    they keep at least half of them, else its words, never ending inside an opened quotation."""
    said = line.text.split()
    if len(said) <= most:
        return line
    kept = " ".join(said[:most])
    # whole sentences where they keep at least half the words: a sentence cut off reads as a mistake from the back
    end = max(kept.rfind(". "), kept.rfind("? "), kept.rfind("! "))
    if end > 0 and len(kept[: end + 1].split()) >= most // 2 and _quotes_closed(kept[: end + 1]):
        return dataclasses.replace(line, text=kept[: end + 1] + " …")
    for opening, closing in (("“", "”"), ('"', '"')):  # never an opened quotation left unclosed: cut before it
        open_at = kept.rfind(opening)
        if open_at > 0 and (kept.count(opening) > kept.count(closing) if opening != closing else kept.count(opening) % 2):
            kept = kept[:open_at]
    return dataclasses.replace(line, text=kept.rstrip(" ,;:—") + " …")


def _quotes_closed(text: str) -> bool:
    return text.count("“") <= text.count("”") and text.count('"') % 2 == 0


def heading(line: Line) -> bool:
    """A heading of a few words ("Recent", "Wider region"), not a bold line that says something of its own."""
    return line.bold and ":" not in line.text and len(line.text.split()) <= 6 and not line.text.startswith("•")


def pointer(count: int) -> Line:
    noun = "item" if count == 1 else "items"
    return Line(f"{count} more {noun} in the speaker notes.", BODY, colour=MUTED, gap=12)


def readable(
    blocks: Sequence[Block], height: float | None = None, width: int = BODY_WIDTH, most: int = MOST_WORDS
) -> tuple[list[Line], tuple[str, ...]]:
    """The lines one slide shows and its speaker notes: whole blocks in slide type while they fit in `height` points
    and `most` words (the first block shortened if even it does not), then a pointer to the notes; the notes hold each
    shown block's own notes and the full text and notes of every block left out."""
    room = height if height is not None else Emu(BODY_HEIGHT - INSET).pt
    inner = width - 2 * INSET

    def fits(lines: Sequence[Line]) -> bool:
        return words(lines) <= most and text_height(lines, inner) <= room

    shown: list[Line] = []
    notes: list[str] = []
    left_out = 0
    for index, block in enumerate(blocks):
        lines = [large(line) for line in block.lines]
        tail = [pointer(1)] if index < len(blocks) - 1 else []  # room for the pointer when blocks remain
        if not left_out and fits(shown + lines + tail):
            shown += lines
            notes += block.notes
            continue
        budget = most - words(shown) - words([pointer(len(blocks))])
        if not left_out and lines and (not shown or budget >= ROOM):  # its first line, shortened, the whole in the notes
            lead = [line for line in lines[:2] if heading(line)][:1]  # a block's heading comes with its first line
            rest = lines[len(lead) :] or lines
            first = shortened(rest[0], budget - words(lead))
            while not fits([*shown, *lead, first, pointer(len(blocks))]) and len(first.text.split()) > 4:
                first = shortened(first, len(first.text.split()) - 5)
            if not shown or fits([*shown, *lead, first, pointer(len(blocks))]):
                shown += [*lead, first] if rest is not lines else [first]
        notes.append("\n".join(line.text for line in block.lines))
        notes += block.notes
        if any(line.text.strip() for line in block.lines):
            left_out += 1
    while len(shown) > 1 and left_out and heading(shown[-1]):  # never a heading without its lines
        shown.pop()
    if left_out:
        shown.append(pointer(left_out))
    return shown, tuple(notes)
