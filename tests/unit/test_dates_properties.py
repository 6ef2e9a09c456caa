"""Every EDTF string has an answer: edtf's own strict extent (or a documented difference), or a DateError.

The strings are built from the grammar's parts (years, months, days, seasons, the qualifiers ? ~ %, unspecified
digits X, intervals with open and unknown ends, sets, long years, significant digits, times) and, to reach what
those miss, from random text in the EDTF alphabet. edtf itself is the reference: `edtf.parse_edtf` at all levels
and its objects' `lower_strict()` / `upper_strict()`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import edtf
import pytest
from edtf.parser.parser_classes import Interval, Season, UncertainOrApproximate
from hypothesis import event, example, given
from hypothesis import strategies as st

from briefing.dates import PRECISION_LABELS, DateError, _plain_extent, edtf_extent, parse_date

D = dt.date
PROJECT = Path(__file__).resolve().parents[2]
# docs/brief-format.md, "Dates": northern winter (24, and 28 at level 2) and southern summer (30) run from December
# to the end of February; edtf makes each December alone. Every other extent is edtf's own.
WRAPPING_SEASONS = {24, 28, 30}
MARKS = "?~%"


def _two(number: int) -> str:
    return f"{number:02d}"


# Hypothesis favours the first and the edge values of a strategy, so plausible parts are drawn far more often than odd
# ones (repeating a branch in one_of or a value in sampled_from weights it); the odd ones still come up every run.
YEARS = st.one_of(
    *[st.integers(1900, 2100).map(str)] * 4,
    st.integers(1, 9999).map(lambda year: f"{year:04d}"),
    st.sampled_from(["0000", "-0001", "-2026", "9999"]),
)
MONTHS = st.one_of(*[st.integers(1, 12).map(_two)] * 4, st.sampled_from(["00", "13", "20"]))
DAYS = st.one_of(*[st.integers(1, 28).map(_two)] * 4, st.integers(29, 31).map(_two), st.just("00"))
MARK = st.sampled_from(MARKS)


@st.composite
def dates(draw) -> str:
    """Year, month, day with unspecified digits (a suffix or anywhere), qualifiers left or right of any part,
    a whole-date qualifier and significant digits."""
    parts = [draw(YEARS)]
    parts += [draw(strategy) for strategy in (MONTHS, DAYS)[: draw(st.sampled_from([2, 2, 1, 0]))]]
    hide = draw(st.sampled_from(["none"] * 6 + ["suffix", "suffix", "anywhere"]))
    if hide != "none":
        digits = [(index, offset) for index, part in enumerate(parts) for offset, char in enumerate(part) if char.isdigit()]
        if hide == "suffix":
            hidden = digits[len(digits) - draw(st.integers(1, len(digits))) :]
        else:
            hidden = draw(st.lists(st.sampled_from(digits), min_size=1, max_size=len(digits), unique=True))
        chars = [list(part) for part in parts]
        for index, offset in hidden:
            chars[index][offset] = "X"
        parts = ["".join(part) for part in chars]
    parts[0] += draw(st.sampled_from([""] * 9 + ["S2"]))
    marks = draw(st.sampled_from([0, 0, 0, 1, 1, 2]))
    places = st.tuples(st.integers(0, len(parts) - 1), st.booleans(), MARK)
    for index, after, mark in draw(st.lists(places, min_size=marks, max_size=marks)):
        parts[index] = parts[index] + mark if after else mark + parts[index]
    return "-".join(parts) + draw(st.sampled_from(["", "", "", "", *MARKS]))


@st.composite
def seasons(draw) -> str:
    """Level 1 seasons (21-24), level 2 ones (25-41) and a few numbers beyond, qualified or not."""
    text = f"{draw(YEARS)}-{draw(st.one_of(st.integers(21, 24), st.integers(21, 41), st.integers(19, 43)))}"
    text += draw(st.sampled_from([""] * 7 + ["^a", "^S", "^北"]))
    return text + draw(st.sampled_from(["", "", "", "", *MARKS]))


@st.composite
def well_formed_dates(draw) -> str:
    """Dates the grammar accepts: a plausible day, month or year with at most one qualifier where EDTF allows one, or
    unspecified digits that end it; most strings of dates() are malformed, so these keep the extents compared."""
    year, month, day = draw(st.integers(1000, 2999)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    parts = [str(year), _two(month), _two(day)][: draw(st.integers(1, 3))]
    form = draw(st.sampled_from(["plain", "whole", "left", "right", "unspecified"]))
    if form == "whole":
        return "-".join(parts) + draw(MARK)
    if form in ("left", "right"):
        index = draw(st.integers(0, len(parts) - 1 if form == "left" else max(0, len(parts) - 2)))
        mark = draw(MARK)
        parts[index] = mark + parts[index] if form == "left" else parts[index] + mark
    if form == "unspecified":
        hidden = draw(st.sampled_from(["X", "XX", "XXX"] if len(parts) == 1 else ["XX"]))
        parts[-1] = parts[-1][: len(parts[-1]) - len(hidden)] + hidden
        if len(parts) == 3 and draw(st.booleans()):
            parts[1] = "XX"
    return "-".join(parts)


LONG_YEARS = st.one_of(
    st.builds(lambda sign, digits: f"Y{sign}{digits}", st.sampled_from(["", "-"]), st.integers(10_000, 10**9)),
    st.builds(lambda base, exponent: f"Y{base}E{exponent}", st.integers(1, 99), st.integers(1, 9)),
    st.just("Y170000002S3"),
)
TIMES = st.builds(
    lambda date, hour, zone: f"{date}T{hour:02d}:30:00{zone}", dates(), st.integers(0, 24), st.sampled_from(["", "Z", "+01:00", "-05"])
)
SINGLES = st.one_of(well_formed_dates(), well_formed_dates(), dates(), dates(), seasons(), LONG_YEARS, TIMES)
ENDS = st.one_of(well_formed_dates(), well_formed_dates(), dates(), seasons(), st.just(".."), st.just(""))
INTERVALS = st.builds(lambda lower, separator, upper: f"{lower}{separator}{upper}", ENDS, st.sampled_from(["/", "/", "/", " / "]), ENDS)
SET_ITEMS = st.one_of(
    dates(), st.builds(lambda a, b: f"{a}..{b}", YEARS, YEARS), st.builds(lambda a: f"..{a}", YEARS), st.builds(lambda a: f"{a}..", YEARS)
)
SETS = st.builds(
    lambda brackets, items: brackets[0] + ", ".join(items) + brackets[1],
    st.sampled_from(["[]", "{}"]),
    st.lists(SET_ITEMS, min_size=1, max_size=3),
)
RAW = st.text(alphabet="0123456789X-/?~%.[]{},^SYETZ: ", min_size=1, max_size=24)
EDTF_STRINGS = st.one_of(SINGLES, SINGLES, INTERVALS, INTERVALS, SETS, RAW)  # repeated: drawn twice as often


def edtf_reference(text: str):
    """(edtf's object or None, its strict bounds as days or None) for the text, as edtf itself reads it."""
    with contextlib.redirect_stdout(io.StringIO()):  # edtf prints when one of its own objects fails
        try:
            node = edtf.parse_edtf(text)
        except Exception:
            return None, None
        try:
            lower, upper = node.lower_strict(), node.upper_strict()
            return node, (D(*lower[:3]), D(*upper[:3]))
        except Exception:
            return node, None


def documented_bounds(node, bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """edtf's bounds with the differences docs/brief-format.md documents applied."""
    start, end = bounds
    last = node.upper if isinstance(node, Interval) else node
    while isinstance(last, UncertainOrApproximate):
        last = last.date
    if isinstance(last, Season) and int(last.season) in WRAPPING_SEASONS:
        end = D(end.year + 1, 3, 1) - dt.timedelta(days=1)
    return start, end


def _outcome(parse, text: str):
    try:
        return parse(text)
    except DateError:
        return DateError


def check(text: str) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        try:
            extent, message = parse_date(text), None
        except DateError as error:
            extent, message = None, str(error)
    assert printed.getvalue() == "", f"parsing {text!r} printed {printed.getvalue()!r}"
    node, bounds = edtf_reference(text)
    stripped = text.strip()
    fast = _outcome(_plain_extent, stripped) if stripped else None
    if fast is not None:  # the fast path, where it answers, answers as the grammar does
        assert fast == _outcome(edtf_extent, stripped), text
    if extent is None:
        event("refused" if node is None else "edtf reads it; refused with a reason")
        assert message and "\n" not in message and "Traceback" not in message
        if bounds is not None and bounds[0] <= bounds[1]:
            assert "is not a valid EDTF date" not in message, f"{text!r} is valid EDTF; say what is unsupported: {message}"
        return
    event(f"extent: {extent.precision}")
    assert bounds is not None, f"{text!r} gave {extent} where edtf gives no extent"
    assert (extent.start, extent.end) == documented_bounds(node, bounds), text
    assert extent.start <= extent.end
    assert extent.precision in PRECISION_LABELS and extent.label
    assert extent.uncertain == any(mark in text for mark in MARKS), text


@given(EDTF_STRINGS)
# named examples: the issue's own date, and strings on which edtf's objects fail, print or leave the calendar
@example("2026-01?-29")
@example("2026-XX/2027")
@example("?1950S2-01")
@example("2026-1X")
@example("9999-24")
@example("0000")
@example("٢٠٢٦")
@example("2026 / 2027")
@example("2026-24?/2027")
@example("../..")
@example("[..2020]")
@example("2023-02-29")
@example("0000-0X:")
@example("/..")
@example("9999-12")
def test_every_edtf_string_gives_edtfs_extent_or_a_date_error(text):
    check(text)


class TestSameAsEdtfOrDocumented:
    """Hand-picked strings of each level, against edtf's own bounds."""

    @pytest.mark.parametrize(
        "text",
        [
            "2026",
            "2026-01",
            "2026-01-29",
            "2026-01-29?",
            "2026-01~",
            "2004-06-11%",
            "2026-01-23/2026-01-24",
            "2022-21",
            "2022-21?/2022-22",
            "2026-01-29~/2026-02?",
            "2026-01?-29",
            "?2026-01-29",
            "2026-?01-29",
            "2026-01-~29",
            "2026?-01",
            "?2026",
            "2026-~01-~29",
            "2026-01?-29/2026-02",
            "2026?-01-29/2027",
            "201X",
            "20XX?",
            "2026-XX",
            "2026-01-XX~",
            "2026-XX-XX",
            "201X-XX",
            "2026-25",
            "2026-29",
            "2026-32",
            "2026-33",
            "2026-36",
            "2026-37",
            "2026-39",
            "2026-40",
            "2026-41",
            "2026-24",
            "2026-28",
            "2026-30",
        ],
    )
    def test_extent(self, text):
        extent = parse_date(text)
        node, bounds = edtf_reference(text)
        assert (extent.start, extent.end) == documented_bounds(node, bounds)

    @pytest.mark.parametrize("season", sorted(WRAPPING_SEASONS))
    def test_winter_runs_december_to_february_where_edtf_gives_december(self, season):
        extent = parse_date(f"2023-{season}")
        assert (extent.start, extent.end) == (D(2023, 12, 1), D(2024, 2, 29))
        _node, bounds = edtf_reference(f"2023-{season}")
        assert bounds == (D(2023, 12, 1), D(2023, 12, 31))

    def test_the_differences_are_documented(self):
        doc = (PROJECT / "docs" / "brief-format.md").read_text(encoding="utf-8")
        dates = doc[doc.index("## Dates") : doc.index("### Undated events")]
        for season in sorted(WRAPPING_SEASONS):
            assert f"`{season}`" in dates, season
        assert "end of February" in dates


class TestLevelTwo:
    @pytest.mark.parametrize(
        ("text", "label"),
        [
            ("2026-01?-29", "exact day, year and month uncertain"),  # a mark right of a part: that part and those left of it
            ("2026-?01-29", "exact day, month uncertain"),  # a mark left of a part: that part alone
            ("?2026-01-29", "exact day, year uncertain"),
            ("2026-01-~29", "exact day, day uncertain"),
            ("2026?-01", "month, year uncertain"),
            ("?2026", "year, uncertain"),  # every part there is: as 2026?
            ("2026-~01-~29", "exact day, month and day uncertain"),
            ("2026-01?-29/2026-02", "range, uncertain"),
        ],
    )
    def test_partial_qualification_is_carried_into_the_label(self, text, label):
        extent = parse_date(text)
        assert extent.uncertain
        assert extent.label == label

    def test_the_issues_date_is_that_day(self):
        extent = parse_date("2026-01?-29")
        assert (extent.start, extent.end, extent.precision) == (D(2026, 1, 29), D(2026, 1, 29), "day")
        assert extent.uncertain_parts == ("year", "month")

    @pytest.mark.parametrize(
        ("text", "precision", "start", "end"),
        [
            ("2026-33", "quarter", D(2026, 1, 1), D(2026, 3, 31)),
            ("2026-38", "four-months", D(2026, 5, 1), D(2026, 8, 31)),
            ("2026-41", "half-year", D(2026, 7, 1), D(2026, 12, 31)),
            ("2026-31", "season", D(2026, 3, 1), D(2026, 5, 31)),  # southern autumn
        ],
    )
    def test_level_two_seasons(self, text, precision, start, end):
        extent = parse_date(text)
        assert (extent.precision, extent.start, extent.end) == (precision, start, end)


class TestRefusedWithAReason:
    @pytest.mark.parametrize(
        ("text", "reason", "instead"),
        [
            ("2026-01-29/..", "open end", "give both ends"),
            ("../2026-01-29", "open end", "after: and before:"),
            ("2026-01-29/", "unknown end", "give both ends"),
            ("/2026", "unknown end", "give both ends"),
            ("[2020, 2022]", "set of dates", "as an interval (2020/2022)"),
            ("{2020, 2022}", "set of dates", "as an interval"),
            ("1950S2", "significant digits", "1900/1999"),
            ("Y170000002", "year written with Y", "leave the date out"),
            ("Y17E7", "year written with Y", "leave the date out"),
            ("-0500", "before year 1", "leave the date out"),
            ("0000", "before year 1", "leave the date out"),
            ("2026-01-29T10:00:00Z", "time of day", "write the day alone, '2026-01-29'"),
            ("2001-21^a", "qualifies a season", "write the season alone"),
            ("2026-XX-15", "unspecified digits", "write the year, the month or an interval"),
            ("201X/2020", "unspecified digits (X) in an interval", "2010/2020"),
            ("9999-24", "year 10000", "9999-12"),
        ],
    )
    def test_what_and_what_to_write_instead(self, text, reason, instead):
        with pytest.raises(DateError) as raised:
            parse_date(text)
        assert reason in str(raised.value)
        assert instead in str(raised.value)
        assert edtf_reference(text)[0] is not None, "edtf's grammar accepts it: the refusal is the dashboard's"

    @pytest.mark.parametrize("value", [2026, None, ["2026"], {"date": "2026"}, 20.26, b"2026"])
    def test_anything_but_text_is_a_date_error(self, value):
        with pytest.raises(DateError, match="a date is EDTF text, not"):
            parse_date(value)

    def test_text_longer_than_any_date(self):
        with pytest.raises(DateError, match="longer than any date"):
            parse_date("2026-01-29/" * 20)
