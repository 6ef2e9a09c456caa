"""Making slides: a titled slide with its footer and notes, a text box measured to fit, text continued onto further
slides, and quotes with their sources."""

from __future__ import annotations

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from briefing.pack.brevity import readable
from briefing.pack.layout import (
    ACCENT,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    FONT,
    FOOTER,
    FOOTER_HEIGHT,
    FOOTER_TOP,
    INSET,
    LINE_HEIGHT,
    MARGIN,
    MUTED,
    QUOTE,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    SOURCE,
    TITLE_HEIGHT,
    TITLE_SIZES,
    TITLE_TOP,
    Block,
    Line,
    chars_per_line,
    paginate,
    text_height,
)
from briefing.pack.model import PackContent, Quote


def quote_notes(quotes: tuple[Quote, ...]) -> tuple[str, ...]:
    """Each quote and its source (brief, seed file, offsets and evidence id), as the speaker notes give them."""
    return tuple(f"“{quote.text}”\n— {quote.source_line}" for quote in quotes)


def quote_lines(quotes: tuple[Quote, ...]) -> tuple[Line, ...]:
    lines: list[Line] = []
    for quote in quotes:
        lines.append(Line(f"“{quote.text}”", QUOTE, italic=True, gap=4))
        lines.append(Line(f"— {quote.seed_file}, characters {quote.start}–{quote.end}", SOURCE, colour=MUTED, gap=0))
    return tuple(lines)


class SlideMaker:
    """A presentation of blank slides, each titled, footed with the pack's title and the slide number, and noted."""

    def __init__(self, pack: PackContent):
        self.pack = pack
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        self.blank = self.presentation.slide_layouts[5]  # "Title Only": its title placeholder is slide.shapes.title

    def slide(self, title: str, notes: list[str] | tuple[str, ...] = ()):
        slide = self.presentation.slides.add_slide(self.blank)
        size = next(
            (
                s
                for s in TITLE_SIZES
                if text_height([Line(title, s, gap=0)], SLIDE_WIDTH - 2 * MARGIN - 2 * INSET) <= Emu(TITLE_HEIGHT - INSET).pt
            ),
            TITLE_SIZES[-1],
        )
        limit = chars_per_line(SLIDE_WIDTH - 2 * MARGIN - 2 * INSET, size) * 2
        shown = title if len(title) <= limit else title[: limit - 1].rstrip() + "…"  # the whole title is in the notes
        heading = slide.shapes.title  # the layout's title placeholder, so outlines and screen readers find the title
        heading.left, heading.top, heading.width, heading.height = MARGIN, TITLE_TOP, SLIDE_WIDTH - 2 * MARGIN, TITLE_HEIGHT
        heading.name = "Title"
        self.fill(heading.text_frame, [Line(shown, size, bold=True, colour=ACCENT, gap=0)])
        heading.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        number = len(self.presentation.slides)
        self.text_box(
            slide,
            MARGIN,
            FOOTER_TOP,
            SLIDE_WIDTH - 2 * MARGIN,
            FOOTER_HEIGHT,
            [Line(f"{self.pack.title} · slide {number}", FOOTER, colour=MUTED, gap=0)],
        )
        slide.notes_slide.notes_text_frame.text = "\n\n".join([title, *notes]) if shown != title else "\n\n".join(notes)
        return slide

    @staticmethod
    def text_box(slide, left, top, width, height, lines: list[Line]):
        box = slide.shapes.add_textbox(left, top, width, height)
        SlideMaker.fill(box.text_frame, lines)
        return box

    @staticmethod
    def fill(frame, lines: list[Line]) -> None:
        """Lines into a text frame, each paragraph in its own size and spacing, as measured."""
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.space_before = Pt(line.gap)
            paragraph.line_spacing = Pt(line.size * LINE_HEIGHT)  # exact, as measured: a multiple would scale the font's own
            run = paragraph.add_run()
            run.text = line.text
            run.font.name = FONT
            run.font.size = Pt(line.size)
            run.font.bold = line.bold
            run.font.italic = line.italic
            run.font.color.rgb = RGBColor.from_string(line.colour)
            paragraph.alignment = PP_ALIGN.LEFT

    def text_slides(self, title: str, blocks: list[Block], notes: tuple[str, ...] = ()) -> None:
        """One slide: the body in slide type (briefing.pack.brevity), everything else in its speaker notes."""
        shown, rest = readable(blocks)
        slide = self.slide(title, (*notes, *rest))
        self.text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, shown)

    def annex_slides(self, title: str, blocks: list[Block]) -> None:
        """The analyst's annex: every line in its measured size, continued onto further slides as needed."""
        for number, page in enumerate(paginate(blocks)):
            slide = self.slide(title if number == 0 else f"{title} (continued)", page.notes)
            self.text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, page.lines)
