"""Text on a slide, measured: a line holds as many characters as its box is wide at CHAR_WIDTH of the font size
each, and takes LINE_HEIGHT of the font size; blocks that do not fit continue on a further page."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

CHAR_WIDTH = 0.55  # of the font size: wider than Arial's average letter, so a measured line is never too long
LINE_HEIGHT = 1.2  # of the font size, set as each paragraph's exact line spacing
FONT = "Arial"
SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
INSET = Inches(0.1)  # python-pptx's default inner margin of a text box, left and right (top and bottom: half)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.0)
BODY_TOP = Inches(1.4)
FOOTER_TOP, FOOTER_HEIGHT = Inches(6.95), Inches(0.4)
BODY_HEIGHT = FOOTER_TOP - BODY_TOP - Inches(0.1)
BODY_WIDTH = SLIDE_WIDTH - 2 * MARGIN
TITLE_SIZES = (28, 24, 20)
TITLE, HEADING, BODY, DETAIL, QUOTE, SOURCE, FOOTER = 28, 20, 18, 14, 15, 11, 10
INK, MUTED, ACCENT = "1A1A1A", "444444", "1A1A1A"  # titles in ink: purple and orange mean stances only
TABLE_SIZE = 12
TABLE_SIZES = (18, 16, 14, 12, 11, 10, 9)  # slide 2 sets the matrix in the largest of these at which it fits whole
MOST_ISSUE_COLUMNS = 4  # the annex's matrix: a wider one continues on a further slide, the party column repeated
MOST_SLIDE_COLUMNS = 8  # issues slide 2 shows side by side; more, and the whole matrix is also in the annex


@dataclass(frozen=True)
class Line:
    """One paragraph of a text box."""

    text: str
    size: int = BODY
    bold: bool = False
    italic: bool = False
    colour: str = INK
    gap: int = 6  # points of space before the paragraph


@dataclass(frozen=True)
class Block:
    """Lines kept on one slide when they fit, and the speaker notes that go with them."""

    lines: tuple[Line, ...]
    notes: tuple[str, ...] = ()


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def chars_per_line(width: int, size: float) -> int:
    """How many characters of this font size a line of `width` EMU holds."""
    return max(1, int(Emu(width).pt / (size * CHAR_WIDTH)))


def wrapped(text: str, width: int, size: float) -> list[str]:
    """The text broken into the lines a box of `width` EMU shows (at least one line, even when empty)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, chars_per_line(width, size), break_on_hyphens=False) or [""]
    return lines


def text_height(lines, width: int) -> float:
    """Points the paragraphs take in a box of `width` EMU (inner margins already taken off)."""
    return sum(len(wrapped(line.text, width, line.size)) * line.size * LINE_HEIGHT + line.gap for line in lines)


def paginate(blocks: list[Block], width: int = BODY_WIDTH - 2 * INSET, height: float = Emu(BODY_HEIGHT - INSET).pt) -> list[Page]:
    """The blocks laid out on as many pages as they need: a block that fits stays whole, one that is longer than a
    page is split between lines, and a paragraph longer than a page between its words."""
    pages = [Page()]
    used = 0.0

    def new_page() -> None:
        nonlocal used
        pages.append(Page())
        used = 0.0

    for block in blocks:
        needed = text_height(block.lines, width)
        if used + needed > height and pages[-1].lines and needed <= height:
            new_page()
        touched = [pages[-1]]
        for line in block.lines:
            remaining: Line | None = line
            while remaining is not None:
                size_of_line = remaining.size * LINE_HEIGHT
                free = int((height - used - remaining.gap) // size_of_line)
                broken = wrapped(remaining.text, width, remaining.size)
                if len(broken) <= free:
                    pages[-1].lines.append(remaining)
                    used += text_height([remaining], width)
                    remaining = None
                elif free >= 1 and len(broken) > 1:
                    pages[-1].lines.append(
                        Line(" ".join(broken[:free]), remaining.size, remaining.bold, remaining.italic, remaining.colour, remaining.gap)
                    )
                    remaining = Line(" ".join(broken[free:]), remaining.size, remaining.bold, remaining.italic, remaining.colour, 0)
                    new_page()
                    touched.append(pages[-1])
                elif pages[-1].lines:
                    new_page()
                    touched.append(pages[-1])
                else:  # a single word wider than the box: textwrap breaks it, so this is unreachable in practice
                    raise ValueError(f"cannot fit {remaining.text[:40]!r} on a slide")
        for page in {id(page): page for page in touched}.values():
            page.notes.extend(note for note in block.notes if note not in page.notes)
    return [page for page in pages if page.lines or page.notes]


def table_widths(issues: int, party: int = Inches(2.2)) -> list[int]:
    return [party] + [int((BODY_WIDTH - party) / issues)] * issues


def row_height(texts, widths, bold: bool = False, size: float = TABLE_SIZE) -> int:
    """EMU a table row needs: its tallest cell's lines, with the cell's inner margins."""
    measured = size * (1.05 if bold else 1)  # bold letters are wider
    lines = max(len(wrapped(text, width - 2 * INSET, measured)) for text, width in zip(texts, widths, strict=True))
    return int(Pt(math.ceil(lines * size * LINE_HEIGHT)) + 2 * Inches(0.05))


def fill_cell(cell, text: str, bold: bool = False, size: float = TABLE_SIZE) -> None:
    cell.margin_left = cell.margin_right = INSET
    cell.margin_top = cell.margin_bottom = Inches(0.05)
    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.line_spacing = Pt(size * LINE_HEIGHT)
    run = paragraph.add_run()
    run.text = text
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    # neutral fills over the template's blue table style: on a slide, colour means a stance (the deck fills those cells)
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string("EEEEEE" if bold else "FFFFFF")
    run.font.color.rgb = RGBColor.from_string(INK)
