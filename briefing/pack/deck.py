"""The pack as slides (python-pptx): title, sources, key judgments, the matrix as a table, the timeline and the map as
pictures, one slide per issue with its verdict and quotes. Every quote's source is in the speaker notes. Nothing
overflows: text is measured per box (briefing.pack.layout), and what does not fit continues on a further slide."""

from __future__ import annotations

import io

from briefing.negotiation import VERDICT_ICONS
from briefing.pack.deck_pictures import PictureSlides
from briefing.pack.layout import (
    BODY,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    DETAIL,
    HEADING,
    MARGIN,
    MOST_ISSUE_COLUMNS,
    MUTED,
    SOURCE,
    Block,
    Line,
    fill_cell,
    paginate,
    row_height,
    table_widths,
)
from briefing.pack.model import PackContent, Quote
from briefing.pack.pictures import Pictures
from briefing.pack.slides import quote_lines, quote_notes
from briefing.schema import STANCES


class _Deck(PictureSlides):
    """The whole deck: the content slides on top of the pictures' and the shared slide making."""

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
