"""Slide 1's bottom line, fitted to one slide: the whole of it when it fits, else condensed step by step (smaller
action titles, the outlook and then the brief's own bottom line said in the notes, the sources by number, smaller
type), and as a last resort the lines that fit with a count of those the notes carry. Measured as every text box of
the deck is (briefing.pack.layout), so nothing overflows."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.util import Emu

from briefing.pack.layout import BODY, BODY_HEIGHT, BODY_WIDTH, DETAIL, HEADING, INSET, MUTED, SOURCE, Line, text_height
from briefing.pack.model import Brief, Finding, Said

MOST_LARGE_TITLES = 4  # issues whose action titles slide 1 shows in the heading size
NOTICE = "Some of this pack comes from an illustrative brief: those items are marked [Illustrative]."


def said(line: Said) -> str:
    """A line of the bottom line with its label and its footnote."""
    return ("[Illustrative] " if line.illustrative else "") + line.text + (f" [{line.footnote}]" if line.footnote else "")


def fits(lines: Sequence[Line]) -> bool:
    return text_height(lines, BODY_WIDTH - 2 * INSET) <= Emu(BODY_HEIGHT - INSET).pt


def labelled(heading: str, lines: Sequence[Said], size: int) -> tuple[Line, ...]:
    if not lines:
        return ()
    return (Line(heading, DETAIL, bold=True, colour=MUTED, gap=12), *(Line(f"• {said(line)}", size, gap=4) for line in lines))


def spoken(heading: str, lines: Sequence[str]) -> str:
    """Lines the slide leaves out, as its notes give them."""
    return f"{heading} (in these notes, not on the slide):\n" + "\n".join(f"• {line}" for line in lines)


def pointer(parts: tuple[str, ...]) -> tuple[Line, ...]:
    """A line telling the briefer that these parts of the bottom line are in the speaker notes."""
    if not parts:
        return ()
    words = " and ".join(parts)
    return (Line(f"{words[:1].upper()}{words[1:]}: in the speaker notes.", DETAIL, colour=MUTED, gap=10),)


def fit_bottom_line(found: Finding, briefs: Sequence[Brief], illustrative: bool) -> tuple[list[Line], tuple[str, ...]]:
    """The lines slide 1 shows, and the notes that say what it leaves out."""
    notice = (Line(NOTICE, SOURCE, colour=MUTED, gap=0),) if illustrative else ()
    analyst = (Line(said(found.analyst), BODY, gap=6),) if found.analyst else ()
    empty = (Line("Nothing in view under this filter.", BODY),) if found.empty else ()
    sources = tuple(
        Line(
            f"[{n}] {'[Illustrative] ' if brief.illustrative else ''}{brief.title}, published {brief.published}",
            SOURCE,
            colour=MUTED,
            gap=0,
        )
        for n, brief in enumerate(briefs, start=1)
    )
    if sources:
        sources = (Line(sources[0].text, SOURCE, colour=MUTED, gap=12), *sources[1:])
    listed = f"Sources [1]–[{len(briefs)}]: the briefs listed on the last slide, About the sources."
    by_number = (Line(listed, SOURCE, colour=MUTED, gap=12),) if briefs else ()

    def issues(size: int) -> tuple[Line, ...]:
        return tuple(Line(f"• {title}", size, bold=True, gap=8 if size == HEADING else 4) for title in found.issues)

    large = HEADING if len(found.issues) <= MOST_LARGE_TITLES else DETAIL + 2
    outlook_note = spoken("Outlook", [said(line) for line in found.outlook]) if found.outlook else ""
    analyst_note = spoken("The brief's bottom line", [said(found.analyst)]) if found.analyst else ""
    red, outlook = labelled("Red lines", found.red_lines, DETAIL + 2), labelled("Outlook", found.outlook, DETAIL + 2)
    no_outlook = pointer(("the outlook",) if found.outlook else ())
    neither = pointer((("the brief's own bottom line",) if found.analyst else ()) + (("the outlook",) if found.outlook else ()))
    tries: list[tuple[tuple[Line, ...], tuple[str, ...]]] = [
        (notice + analyst + issues(large) + red + outlook + empty + sources, ()),
        (notice + analyst + issues(DETAIL + 2) + red + outlook + empty + sources, ()),
        (notice + analyst + issues(DETAIL + 2) + red + no_outlook + empty + sources, (outlook_note,)),
        (notice + issues(DETAIL + 2) + red + neither + empty + sources, (analyst_note, outlook_note)),
        (notice + issues(DETAIL + 2) + red + neither + empty + by_number, (analyst_note, outlook_note)),
    ]
    small_red = labelled("Red lines", found.red_lines, DETAIL)
    tries.append((notice + issues(DETAIL) + small_red + neither + empty + by_number, (analyst_note, outlook_note)))
    for lines, notes in tries:
        if fits(lines):
            return list(lines), tuple(note for note in notes if note)
    # more issues and red lines than a slide holds: those that fit, and how many more the notes give
    candidates = issues(DETAIL) + small_red
    for keep in range(len(candidates), -1, -1):
        shown = candidates[:keep]
        if shown and not shown[-1].text.startswith("• "):
            continue  # never a heading without its lines
        rest = [line.text[2:] for line in candidates[keep:] if line.text.startswith("• ")]
        more = (Line(f"… and {len(rest)} more: in the speaker notes.", DETAIL, colour=MUTED),) if rest else ()
        if fits(notice + shown + more + by_number) or keep == 0:
            notes = (spoken("The rest of the bottom line", rest) if rest else "", analyst_note, outlook_note)
            return list(notice + shown + more + by_number), tuple(note for note in notes if note)
    raise AssertionError("unreachable: keep == 0 always returns")
