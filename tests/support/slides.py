"""Reading a deck opened with python-pptx: a slide's title, text and notes, its tables, and every text box whose text is
taller than the box (the slides' own measure, briefing.pack.layout). Shared by the unit tests of the deck and the browser
tests of the deck drawn with its pictures."""

from __future__ import annotations

import re

from pptx.util import Emu

from briefing.pack.layout import CHAR_WIDTH, INSET, LINE_HEIGHT


def title(slide) -> str:
    return slide.shapes.title.text_frame.text


def slide_text(slide) -> str:
    parts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    parts += [cell.text for shape in slide.shapes if shape.has_table for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def lines_needed(text: str, width_pt: float, size_pt: float) -> int:
    """Lines a paragraph takes at CHAR_WIDTH of its size per character, wrapped between words."""
    per_line = max(1, int(width_pt / (size_pt * CHAR_WIDTH)))
    lines, length = 1, 0
    for word in text.split():
        while len(word) > per_line:  # a word longer than the line is broken, as the slide breaks it
            lines += 1 if length else 0
            word, length = word[per_line:], 0
            lines += 1
        if length and length + 1 + len(word) > per_line:
            lines, length = lines + 1, len(word)
        else:
            length += (1 if length else 0) + len(word)
    return lines


def overflowing(presentation) -> list[str]:
    """Every text box whose paragraphs, at their font size and spacing, are taller than the box."""
    found = []
    for number, slide in enumerate(presentation.slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            width = Emu(shape.width - 2 * INSET).pt
            height = Emu(shape.height - INSET).pt
            needed = 0.0
            for paragraph in shape.text_frame.paragraphs:
                size = paragraph.runs[0].font.size.pt if paragraph.runs else 18
                gap = paragraph.space_before.pt if paragraph.space_before is not None else 0
                needed += gap + lines_needed(paragraph.text, width, size) * size * LINE_HEIGHT
            if needed > height:
                found.append(f"slide {number} ({title(slide)}): {needed:.0f} pt of text in {height:.0f} pt")
    return found


def tables_of(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]
