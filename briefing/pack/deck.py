"""The pack as slides (python-pptx), the finding first: the title and the bottom line, where the parties stand, then one
slide per issue with its action title and stance strip; the key judgments, the timeline and the map as pictures; and
last, about the sources. Every quote with its source (brief, file, offsets, id) is in the speaker notes. Nothing
overflows: text is measured per box (briefing.pack.layout), and what does not fit continues on a further slide."""

from __future__ import annotations

import io
import re

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from briefing.pack.brevity import MOST_WORDS, readable
from briefing.pack.deck_matrix import MatrixSlides
from briefing.pack.fit import NOTICE, fit_bottom_line, said
from briefing.pack.layout import (
    BODY,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    DETAIL,
    FONT,
    HEADING,
    LINE_HEIGHT,
    MARGIN,
    MUTED,
    SOURCE,
    Block,
    Line,
)
from briefing.pack.model import IssueSection, PackContent
from briefing.pack.pictures import Pictures
from briefing.pack.slides import quote_notes

STRIP_HEIGHT = Inches(0.75)  # two lines: the party, then the stance's symbol and word
STRIP_GAP = Inches(0.2)
MOST_STRIP = 4  # parties side by side in the strip; more continue on a second row


def strip_height(section: IssueSection) -> int:
    """EMU the stance strip takes, with the gap below it: the same on every slide of the issue."""
    rows = -(-len(section.strip) // MOST_STRIP)
    return rows * (STRIP_HEIGHT + Inches(0.1)) + STRIP_GAP if rows else 0


LINKING = {"a", "an", "and", "any", "by", "in", "of", "on", "or", "the", "to", "with"}


def judgments_title(top: str) -> str:
    """The key judgments' slide title: the top-ranked judgment's first clause, "Key judgments: the red line …"."""
    clause = re.split(r"[:;,.](?:\s|$)", top.strip(), maxsplit=1)[0].strip()
    words = clause.split()
    while len(words) > 12 or (words and words[-1].lower() in LINKING):
        words.pop()
    clause = " ".join(words)
    return f"Key judgments: {clause[:1].lower()}{clause[1:]}" if clause else "Key judgments"


class _Deck(MatrixSlides):
    """The whole deck: the content slides on top of the pictures' and the shared slide making."""

    def bottom_line(self) -> None:
        """Slide 1, always one slide: the subject and date as the title, the bottom line as the body, condensed until
        it fits (briefing.pack.fit); what the slide leaves out is said in its notes."""
        found, pack = self.pack.bottom_line, self.pack
        blocks = [Block((Line(NOTICE, SOURCE),))] if pack.illustrative else []
        blocks += [Block((Line(f"• {title}", HEADING, bold=True, gap=8),)) for title in found.issues]
        blocks += [Block((Line(f"• Red line: {said(line)}", BODY, gap=8),)) for line in found.red_lines]
        blocks += [] if not found.empty else [Block((Line("Nothing in view under this filter.", BODY),))]
        cite = (Line(f"Sources [1]–[{len(pack.briefs)}]: last slide.", BODY, colour=MUTED, gap=12),) if pack.briefs else ()
        shown, rest = readable(blocks, most=MOST_WORDS - sum(len(line.text.split()) for line in cite))
        _, left_out = fit_bottom_line(found, pack.briefs, pack.illustrative)
        slide = self.slide(pack.title, (*rest, *left_out, *quote_notes(pack.bottom_line_quotes)))
        self.text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, [*shown, *cite])

    def strip(self, slide, section: IssueSection) -> int:
        """The stance strip under the title: one box per party, its name, symbol and word on the stance's colour; the
        height it takes."""
        width = int((BODY_WIDTH - (MOST_STRIP - 1) * Inches(0.15)) / MOST_STRIP)
        for number, part in enumerate(section.strip):
            row, column = divmod(number, MOST_STRIP)
            box = slide.shapes.add_shape(
                MSO_SHAPE.ROUNDED_RECTANGLE,
                MARGIN + column * (width + Inches(0.15)),
                BODY_TOP + row * (STRIP_HEIGHT + Inches(0.1)),
                width,
                STRIP_HEIGHT,
            )
            box.name = f"stance {part.party_name}"
            box.fill.solid()
            box.fill.fore_color.rgb = RGBColor.from_string(part.mark.colour.lstrip("#"))
            box.line.color.rgb = RGBColor.from_string("555555")
            frame = box.text_frame
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame.word_wrap = True
            for number, (text, bold) in enumerate(((part.party_name, True), (part.mark.label, False))):
                paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
                paragraph.line_spacing = Pt(BODY * LINE_HEIGHT)
                paragraph.alignment = PP_ALIGN.CENTER
                run = paragraph.add_run()
                run.text = text
                run.font.name, run.font.size, run.font.bold = FONT, Pt(BODY), bold
                run.font.color.rgb = RGBColor.from_string(part.mark.ink.lstrip("#"))
        return strip_height(section)

    def issues(self) -> None:
        """One slide per issue (continued where it is long): action title, stance strip, verdict, the positions with
        their sources as footnotes; the quotes in the notes."""
        for section in self.pack.sections:
            blocks = []
            if section.verdict is not None:
                verdict = section.verdict
                blocks.append(
                    Block(
                        (
                            Line(f"{verdict.label} · {verdict.confidence} confidence", DETAIL + 2, bold=True, gap=0),
                            Line(verdict.explanation, DETAIL, gap=2),
                        )
                    )
                )
            for position in section.positions:
                lines = [
                    Line(
                        ("[Illustrative] " if position.illustrative else "")
                        + f"{position.party_name}: {position.mark.label} — {position.summary} "
                        f"({position.claim_label}, {position.confidence} confidence, {position.date}) [{position.footnote}]",
                        DETAIL,
                        gap=8,
                    )
                ]
                quotes = position.quotes
                for label, bound in (("Red line", position.red_line), ("Acceptable range", position.range)):
                    if bound is not None:
                        note = f". {position.range_note}" if label == "Acceptable range" and position.range_note else ""
                        lines.append(Line(f"    {label} ({bound.whose}): {bound.text}{note}", DETAIL, gap=2))
                        quotes += bound.quotes
                blocks.append(Block(tuple(lines), quote_notes(quotes)))
            sources = [
                f"[{number}] {('[Illustrative] ' if brief.illustrative else '')}{brief.title}, published {brief.published}"
                for number, brief in enumerate(self.pack.briefs, start=1)
                if number in section.footnotes
            ]
            if sources:
                blocks.append(Block(tuple(Line(text, SOURCE, colour=MUTED, gap=10 if n == 0 else 0) for n, text in enumerate(sources))))
            in_strip = sum(len(f"{part.party_name} {part.mark.label}".split()) for part in section.strip)
            room = Emu(BODY_HEIGHT - strip_height(section) - Inches(0.05)).pt
            shown, notes = readable(blocks, height=room, most=MOST_WORDS - in_strip)
            slide = self.slide(section.title, notes)
            top = BODY_TOP + self.strip(slide, section)
            self.text_box(slide, MARGIN, top, BODY_WIDTH, BODY_HEIGHT - (top - BODY_TOP), shown)

    def judgments(self) -> None:
        if not self.pack.judgments:
            return
        blocks = [
            Block(
                (
                    Line(
                        ("[Illustrative] " if judgment.illustrative else "") + f"{number}. {judgment.text} (analyst's assessment, "
                        f"{judgment.confidence} confidence) [{judgment.footnote}]",
                        DETAIL + 2,
                        gap=8,
                    ),
                ),
                quote_notes(judgment.quotes),
            )
            for number, judgment in enumerate(self.pack.judgments, start=1)
        ]
        self.text_slides(judgments_title(self.pack.judgments[0].text), blocks)


def build_deck(pack: PackContent, pictures: Pictures | None = None) -> bytes:
    """The pack as a .pptx file."""
    pictures = pictures or Pictures(missing=("No pictures were asked for.",))
    deck = _Deck(pack)
    deck.bottom_line()
    deck.matrix()
    deck.issues()
    deck.judgments()
    deck.timeline(pictures)
    deck.regional(pictures)
    deck.ladders()
    deck.matrix_annex()
    deck.about()
    out = io.BytesIO()
    deck.presentation.save(out)
    return out.getvalue()
