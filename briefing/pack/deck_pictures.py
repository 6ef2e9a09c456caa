"""The slides with pictures: the timeline and the regional map with its key in words."""

from __future__ import annotations

import io

from pptx.util import Inches, Pt

from briefing.pack.brevity import readable
from briefing.pack.layout import (
    BODY,
    BODY_HEIGHT,
    BODY_TOP,
    BODY_WIDTH,
    DETAIL,
    HEADING,
    INSET,
    LINE_HEIGHT,
    MARGIN,
    MUTED,
    SLIDE_WIDTH,
    Block,
    Line,
    paginate,
    text_height,
)
from briefing.pack.model import Event
from briefing.pack.pictures import Picture, Pictures
from briefing.pack.slides import SlideMaker, quote_notes
from briefing.vocabulary import CONFIDENCE_WORDS

CAPTION_HEIGHT = 80  # points under a picture at most for its caption


def outside_line(events: tuple[str, ...]) -> Line:
    """The events outside the picture's period, as many as three lines hold, then how many more the text lists."""
    for shown in range(len(events), 0, -1):
        more = f"; and {len(events) - shown} more, in the timeline in words" if shown < len(events) else ""
        line = Line("Outside it: " + "; ".join(events[:shown]) + more + ".", BODY, colour=MUTED, gap=2)
        if text_height([line], BODY_WIDTH - 2 * INSET) <= 2 * BODY * LINE_HEIGHT + line.gap:
            return line
    return Line(f"Outside it: {len(events)} events, in the timeline in words.", BODY, colour=MUTED, gap=2)


def timeline_title(events: tuple[Event, ...]) -> str:
    """The timeline's message from its events: the latest of the reporting period and the dated event before it,
    "Timeline: Lavrov rejects the plan, 29 January 2026, after the Abu Dhabi talks"."""
    dated = [event for event in events if event.dated]
    recent = [event for event in dated if event.period == "recent"] or dated
    if not recent:
        return "Timeline"
    last = recent[-1]
    said = last.title.split()
    title = " ".join(said[:12]).rstrip(",;:") + (" …" if len(said) > 12 else "")
    return f"Timeline: latest, {last.when}: {title}"


class PictureSlides(SlideMaker):
    """The picture slides of the deck."""

    def picture_slide(
        self,
        title: str,
        picture: Picture | None,
        missing: str,
        notes: list[str],
        key: tuple[Line, ...] = (),
        caption: tuple[Line, ...] = (),
    ) -> None:
        """The picture with its key beside it or its caption under it (the caption's first lines that fit, the
        picture sized to leave them room)."""
        slide = self.slide(title, notes)
        if picture is None:
            self.text_box(slide, MARGIN, BODY_TOP, BODY_WIDTH, BODY_HEIGHT, [Line(missing, BODY)])
            return
        area_width = BODY_WIDTH if not key else int(BODY_WIDTH * 0.6)
        caption_lines = paginate([Block(caption)], height=CAPTION_HEIGHT)[0].lines if caption else []
        caption_height = int(Pt(text_height(caption_lines, BODY_WIDTH - 2 * INSET) + 2)) + INSET if caption_lines else 0
        width, height = picture.size
        scale = min(area_width / width, (BODY_HEIGHT - caption_height) / height)
        drawn = slide.shapes.add_picture(io.BytesIO(picture.png), MARGIN, BODY_TOP, int(width * scale), int(height * scale))
        drawn.name = f"{title} picture"
        drawn._element.nvPicPr.cNvPr.set("descr", picture.alt)  # the picture's alt text in words
        if caption_lines:
            self.text_box(slide, MARGIN, BODY_TOP + drawn.height, BODY_WIDTH, caption_height, caption_lines)
        if key:
            left = MARGIN + area_width + Inches(0.2)
            box_width = SLIDE_WIDTH - MARGIN - left
            shown, rest = readable([Block((line,)) for line in key], width=box_width)  # the rest is in the notes
            self.text_box(slide, left, BODY_TOP, box_width, BODY_HEIGHT, shown)
            slide.notes_slide.notes_text_frame.text += "".join(f"\n\n{note}" for note in rest)

    def timeline(self, pictures: Pictures) -> None:
        """The timeline picture, then the events in words: recent (in the brief's reporting period), undated and
        background; no slide at all when no event is in view."""
        pack = self.pack
        if not pack.events:
            return
        notes = [
            f"{event.when}: {event.title} (status {event.status} · {event.issues_text})\n" + "\n".join(quote_notes(event.quotes))
            for event in pack.events
        ]
        if any(event.dated for event in pack.events):
            background = pack.events_in("background")
            caption: tuple[Line, ...] = (
                (Line(f"Drawn over the reporting period, {pack.reporting_period}.", BODY, colour=MUTED, gap=4),)
                if pack.reporting_period
                else ()
            )
            if background and pack.reporting_period:
                caption += (outside_line(tuple(f"{event.title}, {event.when}" for event in background)),)
            self.picture_slide(
                timeline_title(pack.events),
                pictures.timeline,
                "The timeline picture could not be drawn. " + " ".join(pictures.missing),
                notes,
                caption=caption,
            )
        blocks = []
        for period, heading in (("recent", "Recent"), ("undated", "Undated: the brief gives no date"), ("background", "Background")):
            events = pack.events_in(period)
            if events:
                blocks.append(Block((Line(heading, HEADING, bold=True, gap=10),)))
                blocks += [
                    Block(
                        (
                            Line(
                                ("[Illustrative] " if event.illustrative else "")
                                + f"{event.when} — {event.title}"
                                + (f" ({event.status})" if event.status != "occurred" else ""),
                                DETAIL,
                                gap=4,
                            ),
                        ),
                        (f"{event.when}: {event.title}", *quote_notes(event.quotes)),
                    )
                    for event in events
                ]
        recent, older = len(pack.events_in("recent")), len(pack.events_in("background"))
        counts = f"{recent} in the reporting period" + (f", {older} before it as background" if older else "")
        self.text_slides(f"Timeline in words: {counts}", blocks)

    def regional(self, pictures: Pictures) -> None:
        """The map and the impacts in words; no slide when no impact is in view."""
        pack = self.pack
        if not pack.has_impacts:
            return
        assessed = [region for region in pack.regions if region.impacts]
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
        for region in (region for region in pack.regions if region.impacts):
            lines = [Line(region.name, HEADING, bold=True)]
            if region.members:
                lines.append(Line(region.members, DETAIL, colour=MUTED, gap=0))
            lines += [
                Line(
                    f"{impact.direction_label} — {impact.assessment} ({impact.claim_label}, {CONFIDENCE_WORDS[impact.confidence]})"
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
                            f"{CONFIDENCE_WORDS[impact.confidence]})",
                            DETAIL,
                        ),
                    ),
                    quote_notes(impact.quotes),
                )
                for impact in pack.other_impacts
            ]
        said = "; ".join(f"{region.name} {region.impacts[0].direction_label.lower()}" for region in assessed)
        impacts = [*(impact for region in assessed for impact in region.impacts), *pack.other_impacts]
        summary = "; ".join(dict.fromkeys(f"{impact.region_name} {impact.direction_label.lower()}" for impact in impacts))
        if assessed:  # no map when no region it draws has an assessment under the filter: it would be blank
            self.picture_slide(
                f"Poland and the Baltic states: {said}",
                pictures.map,
                "The map could not be drawn. " + " ".join(pictures.missing),
                [note for block in blocks for note in block.notes],
                key=tuple(headlines),
            )
        self.text_slides(f"Regional impacts: {summary}", blocks)
