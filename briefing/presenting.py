"""Briefing mode's slides, built from a filtered view: the steps (an opening, one slide per issue, a closing) and,
per issue, its point as the title, where each party stands, one quote each and the key judgments that fit.

A slide holds what a 1280×720 projector shows at 24 px without scrolling: about BODY_LINES lines of LINE_CHARS
characters below its title (the type grows with the screen's height, so a larger screen holds the same). The quotes
share their lines in columns, one per party; the judgments take the lines left, the first always, the next while
they fit whole. A quote or judgment longer than its share is cut at a sentence or word end and marked "…"; the full
text stays with it, for the hover and the audit details. Which judgments come first is briefing.bottom_line's rule, what a party's
cell says is briefing.readings' (through the negotiation verdict); nothing here decides anew.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing.bottom_line import issue_title, ranked_judgments
from briefing.dates import human_date
from briefing.frames import Frames, each_row
from briefing.labels import record_label
from briefing.negotiation import IssueVerdict, issue_verdict
from briefing.periods import Window, brief_period, event_period
from briefing.readings import cell_readings
from briefing.vocabulary import CONFIDENCE_WORDS, VERDICTS, StanceWords, stance

OPENING, CLOSING = "opening", "closing"
MOST_JUDGMENTS = 3
LINE_CHARS = 100  # a line of body text, at most 45em wide (measured: about 100 characters)
TITLE_LINE_CHARS = 55  # a line of the title, in its larger type
BODY_LINES = 11  # measured at 1280×720: title, verdict, stance strip, footnote and the page's bar take the rest
QUOTE_CHARS = 420  # the quotes' share, split between the parties
QUOTE_WIDTH = 0.9  # quotes are set a little smaller than the body
VERDICT_WIDTH = 0.75  # the verdict line is set smaller still: a line holds more characters
QUOTE_COLUMNS = 3  # up to this many parties, each has a column: its stance over its quote; past it, a band of
# stances and the first QUOTE_COLUMNS parties' quotes in a list (the rest are one click away, in the matrix)
LISTED_QUOTE_CHARS = 130
BAND_WIDTH = 0.62  # the band's chips are bold, padded and spaced: a line holds fewer characters
JUDGMENT_LINES = 3  # the fewest lines kept for the key judgments
TITLE_LINES = 2  # an action title longer than this says the verdict alone: a list of ten parties is no title
FEWEST_QUOTE_CHARS = 90  # below this a quote says too little: the parties past it keep their stance, not a quote
RECENT_EVENTS, BACKGROUND_EVENTS = 2, 1  # in the footnote, each title cut to EVENT_CHARS
EVENT_CHARS = 70


def shorten(text: str, limit: int) -> str:
    """The text if it fits, else its longest run of whole sentences that does, else its words up to the limit, "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    sentence = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "), cut.rfind("; "))
    if sentence >= limit // 2:
        return text[: sentence + 1].rstrip(";") + " …" if text[sentence] == ";" else text[: sentence + 1]
    return text[: max(cut.rfind(" "), limit // 2)].rstrip(" ,:;—–-") + "…"


@dataclass(frozen=True)
class PartyQuote:
    """One party on the slide: its stance, and the first quote of its headline record with who said it and when."""

    party: str
    party_name: str
    stance: StanceWords
    contested: bool
    text: str  # as shown: shortened to the slide's share; empty past the first QUOTE_COLUMNS of many parties
    full: str  # verbatim, for the hover and the audit details
    said_by: str  # "Lavrov, 29 January 2026 (own words)": briefing.labels' one rule
    brief: str
    brief_title: str
    seed: str
    start: int
    end: int
    evidence_id: str
    record_id: str
    reported_by: str = ""

    @property
    def symbol_and_words(self) -> str:
        """The chip's text: "✖✖ Russia: firmly against"."""
        return f"{self.stance.symbol} {self.party_name}: {self.stance.word.lower()}"


@dataclass(frozen=True)
class SlideJudgment:
    text: str
    full: str
    confidence: str  # "medium confidence"
    likelihood: str
    judgment_id: str
    brief: str


@dataclass(frozen=True)
class IssueSlide:
    issue: str
    label: str
    title: str
    verdict: IssueVerdict
    parties: tuple[PartyQuote, ...]
    judgments: tuple[SlideJudgment, ...]
    judgments_left_out: int
    recent: tuple[str, ...]  # "Abu Dhabi talks, 23–24 January 2026"
    background: tuple[str, ...]


def slide_issues(view: Frames, chosen: tuple[str, ...]) -> list[str]:
    """The issues briefing mode steps through: the filter's, else every issue with a position in view."""
    known = list(view.issues["id"])
    if chosen:
        return [issue for issue in chosen if issue in known]
    placed = set(view.positions["issue"])
    return [issue for issue in known if issue in placed]


def issue_verdicts(view: Frames, issues: Iterable[str], verdicts: Sequence[IssueVerdict] | None = None) -> dict[str, IssueVerdict]:
    """Each issue's verdict, taken from ``verdicts`` (the view's, from briefing.negotiation.view_verdicts, computed once
    for the deck, the bottom line and every slide) where it is there, else computed (an issue with no position in view)."""
    known = {verdict.issue: verdict for verdict in verdicts or ()}
    return {issue: known[issue] if issue in known else issue_verdict(view.positions, issue, view.judgments) for issue in issues}


def slide_steps(issues: list[str]) -> tuple[str, ...]:
    return (OPENING, *issues, CLOSING)


def party_quotes(frames: Frames, view: Frames, issue: str) -> tuple[PartyQuote, ...]:
    """Each party's stance and its headline record's first quote, cut to its share of the slide."""
    readings = cell_readings(view.positions[view.positions["issue"] == issue])
    if readings.empty:
        return ()
    heads = view.positions.set_index("id").loc[readings["headline"]]
    many = len(readings) > QUOTE_COLUMNS
    share = LISTED_QUOTE_CHARS if many else max(QUOTE_CHARS // len(readings), FEWEST_QUOTE_CHARS)
    found = []
    for number, (reading, head) in enumerate(zip(each_row(readings), each_row(heads), strict=True)):
        spans = frames.evidence_rows(reading.evidence[:1])
        span = spans[0] if spans else None
        quote = span.quote if span else ""
        shown = "" if many and number >= QUOTE_COLUMNS else shorten(quote, share)
        found.append(
            PartyQuote(
                party=reading.party,
                party_name=reading.party_name,
                stance=stance(reading.stance),
                contested=bool(reading.contested),
                text=shown,
                full=quote,
                said_by=record_label(head),
                brief=reading.brief,
                brief_title=frames.brief_titles.get(reading.brief, reading.brief),
                seed=span.seed if span else "",
                start=span.start if span else 0,
                end=span.end if span else 0,
                evidence_id=span.id if span else "",
                record_id=reading.headline,
                reported_by=head.reported_by if isinstance(head.reported_by, str) else "",
            )
        )
    return tuple(found)


def lines_of(text: str, per_line: float) -> int:
    return max(1, -(-len(text) // max(int(per_line), 1)))


def quote_lines(parties: tuple[PartyQuote, ...]) -> int:
    """Lines the stances and quotes take: in columns, the longest column and the line saying who said it; for many
    parties, the band of stances and a line or two per quote listed."""
    if not parties:
        return 1
    if len(parties) > QUOTE_COLUMNS:
        band = lines_of("".join(f"{p.symbol_and_words}  [≠] " for p in parties), LINE_CHARS * BAND_WIDTH)
        return band + sum(lines_of(f"{p.party_name}: “{p.text}” {p.said_by}", LINE_CHARS) for p in parties if p.text)
    column = LINE_CHARS / len(parties) / QUOTE_WIDTH
    return max(lines_of(f"“{party.text}”", column) + lines_of(party.said_by, column / 0.75) for party in parties)


def slide_title(title: str, label: str, verdict: str, contested: bool) -> str:
    """The action title if it fits TITLE_LINES, else the issue and its verdict alone."""
    if lines_of(title, TITLE_LINE_CHARS) <= TITLE_LINES:
        return title
    return f"{label}: {VERDICTS[verdict][1].lower()}" + (" (contested)" if contested else "")


def verdict_line(verdict: IssueVerdict) -> str:
    """The slide's verdict line in the words every view uses (the verdict's own label) and its confidence."""
    return f"{verdict.icon} {verdict.label} · {CONFIDENCE_WORDS[verdict.confidence]}"


def reading_lines(verdict: IssueVerdict) -> tuple[str, ...]:
    """A verdict that depends on which report holds, one line per outcome to say aloud, in the words every view uses:
    "Touching if Financial Times, 23–24 January 2026 (as reported, low confidence) holds: Russia only on conditions"
    (briefing.negotiation's readings, never re-derived)."""
    return tuple(reading.words for reading in verdict.readings)


def slide_judgments(view: Frames, issue: str, lines: int = BODY_LINES) -> tuple[tuple[SlideJudgment, ...], int]:
    """The key judgments on an issue in bottom_line's order, as many of the first three as fit in ``lines`` (the
    first always, cut if it must be), and how many were left out."""
    top, rest = ranked_judgments(view, (issue,), most=MOST_JUDGMENTS)
    chosen: list[SlideJudgment] = []
    room = max(lines, JUDGMENT_LINES - 1)
    for row in each_row(top.iloc[:MOST_JUDGMENTS]):
        text = " ".join(row.text.split())
        needed = lines_of(text + " (medium confidence)", LINE_CHARS)
        if chosen and needed > room:
            break
        shown = text if needed <= room else shorten(text, room * LINE_CHARS - 25)
        room -= lines_of(shown + " (medium confidence)", LINE_CHARS)
        likelihood = getattr(row, "likelihood", None)
        chosen.append(
            SlideJudgment(
                text=shown,
                full=text,
                confidence=CONFIDENCE_WORDS.get(row.confidence, row.confidence),
                likelihood=likelihood if isinstance(likelihood, str) else "",
                judgment_id=row.id,
                brief=row.brief,
            )
        )
    return tuple(chosen), len(top) + len(rest) - len(chosen)


def issue_events(view: Frames, issue: str, period: Window | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The issue's dated events in words, latest first: those inside the reporting period, and the background
    before it (at most RECENT_EVENTS and BACKGROUND_EVENTS)."""
    events = view.events[view.events["issues"].map(lambda issues: issue in issues) & view.events["date_start"].notna()]
    events = events.sort_values("date_end", ascending=False, kind="stable")
    recent: list[str] = []
    background: list[str] = []
    for row in each_row(events):
        words = f"{shorten(row.title, EVENT_CHARS)}, {human_date(row.date)}"
        (recent if event_period(row.date_start, row.date_end, period) == "recent" else background).append(words)
    return tuple(recent[:RECENT_EVENTS]), tuple(background[:BACKGROUND_EVENTS])


def issue_slide(frames: Frames, view: Frames, issue: str, verdicts: Sequence[IssueVerdict] | None = None) -> IssueSlide:
    """One issue's slide: the verdict's action title, each party's stance and quote, the judgments that fit, events
    (``verdicts``: the view's, if already computed)."""
    label = frames.issue_labels.get(issue, issue)
    verdict = issue_verdicts(view, (issue,), verdicts)[issue]
    title = slide_title(issue_title(verdict, label), label, verdict.verdict, verdict.contested)
    parties = party_quotes(frames, view, issue)
    # the lines past the one each that BODY_LINES keeps for the title and the verdict (set at VERDICT_WIDTH)
    verdict_lines = lines_of("Negotiation space: " + verdict_line(verdict), LINE_CHARS / VERDICT_WIDTH)
    verdict_lines += sum(lines_of(line, LINE_CHARS / VERDICT_WIDTH) for line in reading_lines(verdict))
    title_lines = lines_of(title, TITLE_LINE_CHARS) - 1 + verdict_lines - 1
    left = BODY_LINES - quote_lines(parties) - title_lines
    while left < JUDGMENT_LINES and len(parties) > QUOTE_COLUMNS and sum(1 for p in parties if p.text) > 1:
        last = max(number for number, party in enumerate(parties) if party.text)  # many parties: one quote fewer
        parties = (*parties[:last], replace(parties[last], text=""), *parties[last + 1 :])
        left = BODY_LINES - quote_lines(parties) - title_lines
    judgments, left_out = slide_judgments(view, issue, left)
    recent, background = issue_events(view, issue, brief_period(view.events, view.briefs))
    return IssueSlide(
        issue=issue,
        label=label,
        title=title,
        verdict=verdict,
        parties=parties,
        judgments=judgments,
        judgments_left_out=left_out,
        recent=recent,
        background=background,
    )


OPENING_ISSUES = 4  # issue lines on the opening slide; the rest are named by count (each has its own slide)
CLOSING_ISSUES = 8
RED_LINES = 2
RED_LINE_CHARS = 150
OUTLOOK_CHARS = 260
