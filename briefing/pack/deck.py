"""The pack as slides (python-pptx): title, sources, key judgments, the matrix as a table, the timeline and the map as
pictures, one slide per issue with its verdict and quotes. Every quote's source is in the speaker notes. Nothing
overflows: text is measured per box (briefing.pack.layout), and what does not fit continues on a further slide."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Inches, Pt

from briefing.negotiation import VERDICT_ICONS
from briefing.pack.layout import (
    ACCENT,
    BODY,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    DETAIL,
    FONT,
    FOOTER,
    FOOTER_HEIGHT,
    FOOTER_TOP,
    HEADING,
    INSET,
    LINE_HEIGHT,
    MARGIN,
    MOST_ISSUE_COLUMNS,
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
    fill_cell,
    paginate,
    row_height,
    table_widths,
    text_height,
)
from briefing.pack.model import PackContent, Quote
from briefing.pack.pictures import Picture, Pictures
from briefing.schema import STANCES


def quote_notes(quotes: tuple[Quote, ...]) -> tuple[str, ...]:
    """Each quote and its source (brief, seed file, offsets and evidence id), as the speaker notes give them."""
    return tuple(f"“{quote.text}”\n— {quote.source_line}" for quote in quotes)


def quote_lines(quotes: tuple[Quote, ...]) -> tuple[Line, ...]:
    lines: list[Line] = []
    for quote in quotes:
        lines.append(Line(f"“{quote.text}”", QUOTE, italic=True, gap=4))
        lines.append(Line(f"— {quote.seed_file}, characters {quote.start}–{quote.end}", SOURCE, colour=MUTED, gap=0))
    return tuple(lines)


class _Deck:
    def __init__(self, pack: PackContent):
        self.pack = pack
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        self.blank = self.presentation.slide_layouts[6]

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
        self.text_box(
            slide, MARGIN, TITLE_TOP, SLIDE_WIDTH - 2 * MARGIN, TITLE_HEIGHT, [Line(shown, size, bold=True, colour=ACCENT, gap=0)]
        )
        number = len(self.presentation.slides)
        self.text_box(
            slide,
            MARGIN,
            FOOTER_TOP,
            SLIDE_WIDTH - 2 * MARGIN,
            FOOTER_HEIGHT,
            [Line(f"Briefing pack · data version {self.pack.version} · slide {number}", FOOTER, colour=MUTED, gap=0)],
        )
        slide.notes_slide.notes_text_frame.text = "\n\n".join([title, *notes]) if shown != title else "\n\n".join(notes)
        return slide

    @staticmethod
    def text_box(slide, left, top, width, height, lines: list[Line]):
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
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
        return box

    def text_slides(self, title: str, blocks: list[Block]) -> None:
        for number, page in enumerate(paginate(blocks)):
            slide = self.slide(title if number == 0 else f"{title} (continued)", page.notes)
            self.text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, page.lines)

    def title_slide(self) -> None:
        pack = self.pack
        notes = [f"{brief.title}: {', '.join(brief.seed_files)} (sha256 {', '.join(brief.seed_sha256)})" for brief in pack.briefs]
        slide = self.slide("Briefing pack", ["Sources of this pack:", *notes])
        self.text_box(
            slide,
            MARGIN,
            BODY_TOP,
            BODY_WIDTH,
            BODY_HEIGHT,
            paginate(
                [
                    Block(
                        (
                            Line(pack.filter_line, HEADING),
                            Line(f"Data version {pack.version} · generated {pack.generated}", BODY, colour=MUTED),
                            Line(
                                f"{len(pack.briefs)} brief(s) · {len(pack.quotes)} quotes, each verbatim at the character offsets given in "
                                "the speaker notes",
                                DETAIL,
                                colour=MUTED,
                                gap=18,
                            ),
                        )
                    )
                ]
            )[0].lines,
        )

    def sources(self) -> None:
        self.text_slides(
            "Sources",
            [
                Block(
                    (
                        Line(("[Illustrative] " if brief.illustrative else "") + brief.title, DETAIL + 2, bold=True),
                        Line(
                            f"Published {brief.published} · source text {', '.join(brief.seed_files)}. {brief.provenance}".strip(),
                            DETAIL,
                            colour=MUTED,
                            gap=2,
                        ),
                    ),
                    notes=(f"{brief.title}: sha256 {', '.join(brief.seed_sha256)}",),
                )
                for brief in self.pack.briefs
            ],
        )

    def editors_notes(self) -> None:
        if self.pack.notes:
            self.text_slides("Editor's notes", [Block((Line(note.text, BODY),), quote_notes(note.quotes)) for note in self.pack.notes])

    def judgments(self) -> None:
        blocks = [
            Block(
                (
                    Line(f"• {judgment.text}", BODY),
                    Line(f"Analyst's assessment · confidence {judgment.confidence}", DETAIL, colour=MUTED, gap=2),
                ),
                quote_notes(judgment.quotes),
            )
            for judgment in self.pack.judgments
        ] or [Block((Line("No key judgment under this filter."),))]
        self.text_slides("Key judgments", blocks)

    def matrix(self) -> None:
        """The matrix as a table, at most MOST_ISSUE_COLUMNS issues and as many parties as fit on a slide."""
        matrix = self.pack.matrix
        legend = (
            "Stance: "
            + " · ".join(f"{symbol} {label}" for _rank, label, symbol in STANCES.values())
            + ". Claim types: stated = the party's own words; reported = attributed by others; assessment = the "
            "analyst's reading. Each cell shows the record that speaks for it, by the rule every view uses."
        )
        if not matrix.rows:
            self.text_slides("Position matrix", [Block((Line("No position under this filter."),))])
            return
        for first in range(0, len(matrix.headers), MOST_ISSUE_COLUMNS):
            headers = matrix.headers[first : first + MOST_ISSUE_COLUMNS]
            rows = [(name, cells[first : first + MOST_ISSUE_COLUMNS]) for name, cells in matrix.rows]
            widths = table_widths(len(headers))
            header_height = row_height(["Party", *headers], widths, bold=True)
            chunk: list[tuple[str, tuple[str, ...]]] = []
            used = header_height
            chunks = []
            for name, cells in rows:
                height = row_height([name, *cells], widths)
                if chunk and used + height > BODY_HEIGHT:
                    chunks.append(chunk)
                    chunk, used = [], header_height
                chunk.append((name, cells))
                used += height
            chunks.append(chunk)
            for number, chunk in enumerate(chunks):
                title = "Position matrix" if first == number == 0 else "Position matrix (continued)"
                slide = self.slide(title, [legend])
                heights = [header_height] + [row_height([name, *cells], widths) for name, cells in chunk]
                shape = slide.shapes.add_table(len(chunk) + 1, len(headers) + 1, MARGIN, BODY_TOP, sum(widths), sum(heights))
                table = shape.table
                for column, width in enumerate(widths):
                    table.columns[column].width = width
                for row, height in enumerate(heights):
                    table.rows[row].height = height
                for column, text in enumerate(["Party", *headers]):
                    fill_cell(table.cell(0, column), text, bold=True)
                for row, (name, cells) in enumerate(chunk, start=1):
                    fill_cell(table.cell(row, 0), name, bold=True)
                    for column, text in enumerate(cells, start=1):
                        fill_cell(table.cell(row, column), text)

    def picture_slide(self, title: str, picture: Picture | None, missing: str, notes: list[str], key: tuple[Line, ...] = ()) -> None:
        slide = self.slide(title, notes)
        if picture is None:
            self.text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, [Line(missing, BODY)])
            return
        area_width = BODY_WIDTH if not key else int(BODY_WIDTH * 0.6)
        width, height = picture.size
        scale = min(area_width / width, BODY_HEIGHT / height)
        slide.shapes.add_picture(io.BytesIO(picture.png), MARGIN, BODY_TOP, int(width * scale), int(height * scale))
        slide.shapes[-1].name = f"{title} picture"
        slide.shapes[-1]._element.nvPicPr.cNvPr.set("descr", picture.alt)  # the picture's alt text in words
        if key:
            left = MARGIN + area_width + Inches(0.2)
            box_width = SLIDE_WIDTH - MARGIN - left
            page = paginate([Block(tuple(key))], width=box_width - 2 * INSET)[0]  # the key is short; the rest is in the notes
            self.text_box(slide, left, BODY_TOP, box_width, BODY_HEIGHT, page.lines)

    def timeline(self, pictures: Pictures) -> None:
        pack = self.pack
        notes = [
            f"{event.when}: {event.title} (status {event.status} · {event.issues_text})\n" + "\n".join(quote_notes(event.quotes))
            for event in pack.events
        ]
        if any(event.dated for event in pack.events):
            self.picture_slide(
                "Timeline", pictures.timeline, "The timeline picture could not be drawn. " + " ".join(pictures.missing), notes
            )
        undated = [event for event in pack.events if not event.dated]
        if undated or not pack.events:
            blocks = [
                Block(
                    (Line(f"{event.title}", BODY, bold=True), Line(event.when, DETAIL, colour=MUTED, gap=2)),
                    (f"{event.when}: {event.title}", *quote_notes(event.quotes)),
                )
                for event in undated
            ]
            self.text_slides(
                "Timeline: undated events" if pack.events else "Timeline", blocks or [Block((Line("No event under this filter."),))]
            )

    def regional(self, pictures: Pictures) -> None:
        pack = self.pack
        headlines = [
            Line("Map key", DETAIL, bold=True, gap=0),
            Line(
                "Colour: the brief's assessed impact · solid shading: higher confidence · hatched: an impact on "
                "the Baltic states as a group · grey: neighbours, not assessed.",
                DETAIL,
                colour=MUTED,
                gap=2,
            ),
        ]
        if pictures.map is not None:
            headlines.append(Line(pictures.map.alt, DETAIL, gap=8))
        blocks = []
        for region in pack.regions:
            lines = [Line(region.name, HEADING, bold=True)]
            if region.members:
                lines.append(Line(region.members, DETAIL, colour=MUTED, gap=0))
            lines += [
                Line(
                    f"{impact.direction_label} — {impact.assessment} ({impact.claim_label}, confidence {impact.confidence})"
                    + (f" [{impact.region_name}]" if impact.region_name != region.name else ""),
                    DETAIL,
                )
                for impact in region.impacts
            ] or [Line("No impact under this filter.", DETAIL)]
            blocks.append(Block(tuple(lines), tuple(note for impact in region.impacts for note in quote_notes(impact.quotes))))
        if pack.other_impacts:
            blocks.append(Block((Line("Wider region", HEADING, bold=True),)))
            blocks += [
                Block(
                    (
                        Line(
                            f"{impact.region_name}: {impact.direction_label} — {impact.assessment} ({impact.claim_label}, "
                            f"confidence {impact.confidence})",
                            DETAIL,
                        ),
                    ),
                    quote_notes(impact.quotes),
                )
                for impact in pack.other_impacts
            ]
        self.picture_slide(
            "Poland and the Baltic states",
            pictures.map,
            "The map could not be drawn. " + " ".join(pictures.missing),
            [note for block in blocks for note in block.notes],
            key=tuple(headlines),
        )
        self.text_slides("Regional impacts", blocks)

    def issues(self) -> None:
        for verdict in self.pack.verdicts:
            lines = [
                Line(f"{VERDICT_ICONS[verdict.kind]} {verdict.label} · confidence {verdict.confidence}", HEADING, bold=True, gap=0),
                Line(verdict.explanation, DETAIL + 2),
            ]
            if verdict.cautions:
                lines.append(Line("Uncertain: " + "; ".join(verdict.cautions) + ".", DETAIL, gap=2))
            lines.append(
                Line(
                    f"Rests on: {', '.join(verdict.rests_on) or 'nothing'}."
                    + (f" Contested by: {', '.join(verdict.contested_by)}." if verdict.contested_by else ""),
                    SOURCE,
                    colour=MUTED,
                    gap=2,
                )
            )
            blocks = [Block(tuple(lines))]
            for position in (p for p in self.pack.positions if p.issue == verdict.issue):
                party = [
                    Line(
                        ("[Illustrative] " if position.illustrative else "") + f"{position.party_name}: {position.symbol} "
                        f"{position.stance_label} ({position.claim_label}, confidence {position.confidence}, {position.date})",
                        DETAIL + 2,
                        bold=True,
                        gap=10,
                    ),
                    Line(position.summary, DETAIL, gap=2),
                ]
                quotes = position.quotes
                for label, bound in (("Red line", position.red_line), ("Acceptable range", position.range)):
                    if bound is not None:
                        note = f". {position.range_note}" if label == "Acceptable range" and position.range_note else ""
                        party.append(Line(f"{label} ({bound.whose}): {bound.text}{note}", DETAIL, gap=2))
                        quotes += bound.quotes
                blocks.append(Block(tuple(party)))
                # a red line often rests on the very words of the stance: one span is shown once, every id in the notes
                spans: dict[tuple[str, int, int], list[Quote]] = {}
                for quote in quotes:
                    spans.setdefault((quote.seed_file, quote.start, quote.end), []).append(quote)
                blocks += [Block(quote_lines(tuple(same[:1])), quote_notes(tuple(same))) for same in spans.values()]
            self.text_slides(verdict.issue_label, blocks)

    def ladders(self) -> None:
        if not self.pack.ladders:
            return
        blocks = []
        for ladder in self.pack.ladders:
            blocks.append(
                Block(
                    (
                        Line(f"{ladder.party_name}: {ladder.title}", HEADING, bold=True),
                        Line(f"{ladder.claim_label} · confidence {ladder.confidence}", DETAIL, colour=MUTED, gap=0),
                    ),
                    quote_notes(ladder.quotes),
                )
            )
            blocks += [
                Block((Line(f"{step.tier_label}: {step.text} (confidence {step.confidence})", DETAIL),), quote_notes(step.quotes))
                for step in ladder.steps
            ]
        self.text_slides("Escalation ladders", blocks)


def build_deck(pack: PackContent, pictures: Pictures | None = None) -> bytes:
    """The pack as a .pptx file."""
    pictures = pictures or Pictures(missing=("No pictures were asked for.",))
    deck = _Deck(pack)
    deck.title_slide()
    deck.sources()
    deck.editors_notes()
    deck.judgments()
    deck.matrix()
    deck.timeline(pictures)
    deck.regional(pictures)
    deck.issues()
    deck.ladders()
    out = io.BytesIO()
    deck.presentation.save(out)
    return out.getvalue()
