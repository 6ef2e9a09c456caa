"""One vocabulary for every view, the pack and the slides: the words, symbols and colours of stances, claim types,
confidence levels, regional impacts and verdicts.

A page never invents its own wording or colour for any of these; it looks them up here. Each colour has one meaning:

- the purple–orange diverging scale (ColorBrewer PuOr, safe for the common colour-vision deficiencies) is for
  stances only: orange against, purple for, grey only on conditions;
- the map's impacts have their own red–blue scale (ColorBrewer RdBu ends), never orange or purple;
- issues have no colour of their own: they are named in words;
- the negotiation space's zone of possible agreement is green, and a gap is a grey dotted band.

Colour never works alone: every stance has a symbol and a word, every impact an arrow and a word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StanceWords:
    """One stance: its place on the ordinal scale (None for unclear), one word, a symbol, a fill and its ink."""

    id: str
    rank: int | None
    word: str  # the one wording, read against the issue's proposition: "Firmly against" a general ceasefire
    symbol: str
    colour: str
    ink: str  # text colour on the fill, 4.5:1 or better
    direction: str  # against, for, conditional or unclear: what the rule compares to call a cell contested

    @property
    def label(self) -> str:
        """Symbol and word, e.g. '✖✖ Firmly against'."""
        return f"{self.symbol} {self.word}"


STANCES: dict[str, StanceWords] = {
    stance.id: stance
    for stance in (
        StanceWords("firm-rejection", -2, "Firmly against", "✖✖", "#b35806", "#ffffff", "against"),
        StanceWords("rejection", -1, "Against", "✖", "#f1a340", "#000000", "against"),
        StanceWords("conditional", 0, "Only on conditions", "◐", "#d9d9d9", "#000000", "conditional"),
        StanceWords("support", 1, "For", "✔", "#998ec3", "#000000", "for"),
        StanceWords("firm-support", 2, "Firmly for", "✔✔", "#542788", "#ffffff", "for"),
        StanceWords("ambiguous", None, "Unclear", "?", "#fff2ae", "#000000", "unclear"),
    )
}
# the ordinal scale: a stance's place on it, and the stance at a place
RANK = {key: stance.rank for key, stance in STANCES.items() if stance.rank is not None}
STANCE_AT = {rank: key for key, rank in RANK.items()}
NO_STANCE = StanceWords("none", None, "No recorded position", "", "#ffffff", "#555555", "none")


def stance(stance_id: str | None) -> StanceWords:
    """The words and colours of a stance; NO_STANCE for a cell without one. An unknown id is an error naming it."""
    if stance_id is None:
        return NO_STANCE
    try:
        return STANCES[stance_id]
    except KeyError:
        raise KeyError(f"unknown stance {stance_id!r}; stances: {', '.join(STANCES)}") from None


def word_at(rank: int) -> str:
    """The word for a place on the stance scale: 'Only on conditions' at 0."""
    return STANCES[STANCE_AT[rank]].word


@dataclass(frozen=True)
class ClaimWords:
    """One claim type: its letter on the matrix, its label, and how a reader is told whose words they are."""

    id: str
    letter: str
    label: str
    whose: str  # after a speaker or party: "Lavrov, 29 January 2026 (own words)"


CLAIM_TYPES: dict[str, ClaimWords] = {
    claim.id: claim
    for claim in (
        ClaimWords("stated", "S", "Stated by the party", "own words"),
        ClaimWords("reported", "R", "Reported by others", "as reported"),
        ClaimWords("assessment", "A", "Analyst's assessment", "analyst's reading"),
    )
}
CLAIM_ORDER = {claim: order for order, claim in enumerate(CLAIM_TYPES)}  # the party's own words first


def claim_legend() -> str:
    """The one key to whose words a record holds, tying the matrix's letter, the label and the words after a name:
    "S · Stated by the party (own words); R · Reported by others (as reported); A · Analyst's assessment (analyst's
    reading)". Every view and the pack say it this way."""
    return "; ".join(f"{claim.letter} · {claim.label} ({claim.whose})" for claim in CLAIM_TYPES.values())


# claim types whose words are the party's, its own or reported of it: a range or a red line of these is the party's;
# the analyst's reading of one is shown beside it, never counted as its place nor put in a title
PARTY_CLAIMS = ("stated", "reported")

# confidence, weakest first: the one order every view and rule uses
CONFIDENCE_LEVELS = ("low", "medium", "high")
CONFIDENCE_WORDS = {"low": "low confidence", "medium": "medium confidence", "high": "high confidence"}


@dataclass(frozen=True)
class ImpactWords:
    """One reading of a region's impact: arrow, words and the map's own colour."""

    id: str
    icon: str
    word: str
    colour: str


IMPACTS: dict[str, ImpactWords] = {
    impact.id: impact
    for impact in (
        ImpactWords("worsens", "▼", "worse off", "#b2182b"),
        ImpactWords("improves", "▲", "better off", "#2166ac"),
        ImpactWords("mixed", "◆", "mixed effect", "#7f7f7f"),
        ImpactWords("uncertain", "?", "effect uncertain", "#bdbdbd"),
        ImpactWords("differ", "≠", "mixed readings", "#4d4d4d"),
        ImpactWords("none", "–", "no assessment under this filter", "#ffffff"),
    )
}

# issues are named, not coloured: every issue mark is drawn in this one neutral ink
ISSUE_INK = "#3d3d3d"
# the negotiation space: the zone of possible agreement, and a gap between places
AGREEMENT_ZONE = "#1b7837"
GAP = "#6b6b6b"

# a verdict's symbol is never a stance's or an impact's: "✖" says "against" and nothing else, so no overlap is the
# empty intersection of the parties' ranges ("∅"), an overlap their intersection ("∩"), touching ranges that meet at
# one point ("⋈"), and no verdict yet an ellipsis
VERDICTS = {
    "overlap": ("∩", "Overlap", "a zone of possible agreement"),
    "touching": ("⋈", "Touching", "a single point all could accept"),
    "no-intersection": ("∅", "No overlap", "no point all could accept"),
    "insufficient": ("…", "No verdict", "not enough parties placed"),
    "depends": ("⇄", "Depends", "on which report holds: the contested records give different outcomes"),
}
