"""Where the parties stand, as slide tables: slide 2 holds the whole matrix, its issues under their short names and its
type as large as lets it fit; a matrix too big for one slide is shown in part there and whole in the annex at the end."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from briefing.pack.deck_annex import AnnexSlides
from briefing.pack.layout import (
    BODY,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    FONT,
    INSET,
    LINE_HEIGHT,
    MARGIN,
    MOST_ISSUE_COLUMNS,
    MOST_SLIDE_COLUMNS,
    MUTED,
    TABLE_SIZE,
    TABLE_SIZES,
    Block,
    Line,
    chars_per_line,
    fill_cell,
    row_height,
    table_widths,
)
from briefing.pack.model import Mark, Matrix
from briefing.readings import cell_key

Row = tuple[str, tuple[str, ...], tuple[Mark | None, ...]]  # party name, cells, marks
NARROW_PARTY = Inches(1.6)  # the party column of slide 2's matrix
NARROWEST_PARTY = Inches(1.0)  # when the issues' words need the room
WIDEST_ISSUE = Inches(3.5)  # an issue column of slide 2, so one or two issues do not stretch across the slide
TITLE = "Where the parties stand"
LEGEND = f"Each cell shows the stance of the record that speaks for it, by the rule every view uses; {cell_key()}."


def rows_that_fit(headers: tuple[str, ...], rows: list[Row], widths: list[int], size: float, height: int) -> int:
    """How many of the rows, under the header row, a table of `height` EMU holds at this type size."""
    used = row_height(["Party", *headers], widths, bold=True, size=size)
    for count, (name, cells, _marks) in enumerate(rows):
        used += row_height([name, *cells], widths, size=size)
        if used > height:
            return count
    return len(rows)


def words_fit(headers: tuple[str, ...], rows: list[Row], widths: list[int], size: float) -> bool:
    """Whether every word of the table fits its column's line at this type size, so none is broken between letters."""
    texts = [("Party", *headers)] + [(name, *cells) for name, cells, _marks in rows]
    return all(
        len(word) <= chars_per_line(width - 2 * INSET, size * 1.05)
        for line in texts
        for text, width in zip(line, widths, strict=True)
        for word in text.split()
    )


def labelled(matrix: Matrix) -> tuple[str, ...]:
    """Each issue's header: its label (the filter's name for it) over the taxonomy's short proposition when that differs."""
    shorts = matrix.shorts or matrix.headers
    return tuple(
        label if short.casefold() == label.casefold() else f"{label}\n{short}" for label, short in zip(matrix.headers, shorts, strict=True)
    )


class MatrixSlides(AnnexSlides):
    """Slide 2, the matrix whole when it fits, and the annex's matrix when it does not."""

    matrix_in_annex = False

    def rows(self, first: int = 0, last: int | None = None) -> list[Row]:
        matrix = self.pack.matrix
        return [(name, cells[first:last], marks[first:last]) for (name, cells), marks in zip(matrix.rows, matrix.marks, strict=True)]

    def table(self, slide, headers: tuple[str, ...], rows: list[Row], widths: list[int], size: float, top: int = BODY_TOP) -> None:
        """The table; a header "Ceasefire\nGeneral ceasefire" is the issue's label over its proposition, set smaller."""
        heights = [row_height(["Party", *headers], widths, bold=True, size=size)]
        heights += [row_height([name, *cells], widths, size=size) for name, cells, _marks in rows]
        table = slide.shapes.add_table(len(rows) + 1, len(headers) + 1, MARGIN, top, sum(widths), sum(heights)).table
        for column, width in enumerate(widths):
            table.columns[column].width = width
        for row_number, height in enumerate(heights):
            table.rows[row_number].height = height
        for column, text in enumerate(["Party", *headers]):
            label, _, short = text.partition("\n")
            fill_cell(table.cell(0, column), label, bold=True, size=size)
            if short:
                paragraph = table.cell(0, column).text_frame.add_paragraph()
                paragraph.line_spacing = Pt(max(size - 4, 9) * LINE_HEIGHT)
                run = paragraph.add_run()
                run.text = short
                run.font.name, run.font.size, run.font.bold = FONT, Pt(max(size - 4, 9)), False
                run.font.color.rgb = RGBColor.from_string(MUTED)
        for row_number, (name, cells, marks) in enumerate(rows, start=1):
            fill_cell(table.cell(row_number, 0), name, bold=True, size=size)
            for column, (text, mark) in enumerate(zip(cells, marks, strict=True), start=1):
                cell = table.cell(row_number, column)
                fill_cell(cell, text, size=size)
                if mark is not None:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(mark.colour.lstrip("#"))
                    cell.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(mark.ink.lstrip("#"))

    def matrix(self) -> None:
        """Slide 2: every party and issue in one table, in the largest type at which it fits; else as much as fits at
        the smallest, a line saying the whole matrix is in the annex, and the annex slides at the end."""
        matrix = self.pack.matrix
        if not matrix.rows:
            self.text_slides(TITLE, [Block((Line("No position under this filter."),))])
            return
        rows = self.rows(0, MOST_SLIDE_COLUMNS)
        whole = len(matrix.headers) <= MOST_SLIDE_COLUMNS
        size = None
        # the label over the proposition, else the label alone, each with a wide then a narrow party column; the
        # propositions alone as a last resort before the annex
        for named in (labelled(matrix), matrix.headers, matrix.shorts or matrix.headers):
            for party in (NARROW_PARTY, NARROWEST_PARTY):
                headers = named[:MOST_SLIDE_COLUMNS]
                widths = [party] + [min(width, WIDEST_ISSUE) for width in table_widths(len(headers), party)[1:]]
                fits = (s for s in TABLE_SIZES if words_fit(headers, rows, widths, s))
                size = next((s for s in fits if rows_that_fit(headers, rows, widths, s, BODY_HEIGHT) == len(rows)), None)
                if size is not None or not whole:
                    break
            if size is not None or not whole:
                break
        if not whole:
            size = None
        apart = [v.issue_label for v in self.pack.verdicts if v.kind == "no-intersection"]
        gist = f"no overlap on {', '.join(apart)}" if apart else "no issue without overlap"
        slide = self.slide(f"{TITLE}: {gist}" if len(apart) <= 3 else f"{TITLE}: no overlap on {len(apart)} issues", [LEGEND])
        if size is not None:
            self.table(slide, headers, rows, widths, size)
            return
        size, note_height = TABLE_SIZES[-1], Inches(0.8)  # two lines of slide type
        shown = max(1, rows_that_fit(headers, rows, widths, size, BODY_HEIGHT - note_height))
        left_out = [f"{len(rows) - shown} more parties"] if shown < len(rows) else []
        left_out += [f"{len(matrix.headers) - len(headers)} more issues"] if not whole else []
        self.table(slide, headers, rows[:shown], widths, size)
        said = f"Not all on one slide ({' and '.join(left_out)})" if left_out else "In narrow columns here"
        line = Line(f"{said}: the whole matrix is in the annex, at the end.", BODY, colour=MUTED, gap=0)
        self.text_box(slide, MARGIN, BODY_TOP + BODY_HEIGHT - note_height, BODY_WIDTH, note_height, [line])
        self.matrix_in_annex = True

    def matrix_annex(self) -> None:
        """The whole matrix in the annex, MOST_ISSUE_COLUMNS issues a slide under their full names, continued where
        the rows are many; only when slide 2 could not show it whole."""
        if not self.matrix_in_annex:
            return
        matrix = self.pack.matrix
        for first in range(0, len(matrix.headers), MOST_ISSUE_COLUMNS):
            headers = labelled(matrix)[first : first + MOST_ISSUE_COLUMNS]
            rows = self.rows(first, first + MOST_ISSUE_COLUMNS)
            widths = table_widths(len(headers))
            while rows:
                shown = max(1, rows_that_fit(headers, rows, widths, TABLE_SIZE, BODY_HEIGHT))
                slide = self.slide(f"Annex: {TITLE[0].lower()}{TITLE[1:]}", [LEGEND])
                self.table(slide, headers, rows[:shown], widths, TABLE_SIZE)
                rows = rows[shown:]
