"""The regional map's key, in words beside a swatch of each reading and confidence."""

from __future__ import annotations

from markupsafe import Markup

from briefing.figures.regional_map import CONFIDENCE_OPACITY, NEIGHBOUR_FILL, rgba
from briefing.regions import DIFFER, NONE
from briefing.vocabulary import CONFIDENCE_LEVELS, CONFIDENCE_WORDS, IMPACTS

_SWATCH = Markup(
    '<span aria-hidden="true" style="display:inline-block;width:1.6rem;height:0.9rem;margin-right:0.45rem;'
    'vertical-align:middle;border:1px solid #333;background:{background}"></span>'
)


_ROW = Markup('<li style="list-style:none;margin:0 0 0.2rem 0">{swatch}{words}</li>')


def _swatch(background: str) -> Markup:
    return _SWATCH.format(background=background)


def map_legend() -> Markup:
    """The map's key in words: colour says the reading (the map's own red and blue, never a stance's colours), solidity
    the confidence, hatching a group's impact."""
    readings = [
        (IMPACTS[reading].colour, f"{IMPACTS[reading].icon} {IMPACTS[reading].word.capitalize()}{gloss}")
        for reading, gloss in (
            ("worsens", ": the brief assesses the region's security worsens"),
            ("improves", ": its security improves"),
            ("mixed", ": one assessment sees gains and losses"),
            ("uncertain", ""),
            (DIFFER, ": the region's impacts point different ways"),
            (NONE, ""),
        )
    ]
    confidence = [
        (rgba(IMPACTS["worsens"].colour, CONFIDENCE_OPACITY[level]), CONFIDENCE_WORDS[level].capitalize())
        for level in reversed(CONFIDENCE_LEVELS)  # the surest first
    ]
    hatch = "repeating-linear-gradient(-45deg,#333 0 2px,transparent 2px 7px)"
    rows = [
        *(_ROW.format(swatch=_swatch(colour), words=words) for colour, words in readings),
        Markup('<li style="list-style:none;margin:0.5rem 0 0.2rem 0">{words}</li>').format(
            words="How solid the shading is says how sure the brief is:"
        ),
        *(_ROW.format(swatch=_swatch(colour), words=words) for colour, words in confidence),
        _ROW.format(
            swatch=_swatch(hatch),
            words="Hatched, dashed outline, one label: an impact on the Baltic states as a group, not an assessment of each state",
        ),
        _ROW.format(swatch=_swatch(NEIGHBOUR_FILL), words="Grey, named: neighbours drawn for context, not assessed"),
    ]
    return Markup(
        '<div role="group" aria-label="Map key"><p style="margin:0 0 0.3rem 0"><strong>Map key</strong></p>'
        '<ul style="padding:0;margin:0">{rows}</ul></div>'
    ).format(rows=Markup("").join(rows))
