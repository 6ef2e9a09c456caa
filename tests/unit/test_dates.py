import datetime as dt

import pytest

from briefing.dates import PRECISION_LABELS, DateError, DateExtent, parse_date

D = dt.date


class TestPrecise:
    def test_exact_day(self):
        extent = parse_date("2026-01-29")
        assert extent == DateExtent("2026-01-29", D(2026, 1, 29), D(2026, 1, 29), "day")
        assert extent.label == "exact day"
        assert not extent.uncertain

    def test_leap_day(self):
        assert parse_date("2024-02-29").start == D(2024, 2, 29)

    def test_surrounding_whitespace_is_ignored(self):
        extent = parse_date("  2026-01-29 ")
        assert extent.edtf == "2026-01-29"
        assert extent.start == D(2026, 1, 29)


class TestImprecise:
    def test_day_range(self):
        extent = parse_date("2026-01-23/2026-01-24")
        assert (extent.start, extent.end) == (D(2026, 1, 23), D(2026, 1, 24))
        assert extent.precision == "day-range"
        assert extent.label == "day range"
        assert not extent.uncertain

    def test_month(self):
        extent = parse_date("2026-02")
        assert (extent.start, extent.end) == (D(2026, 2, 1), D(2026, 2, 28))
        assert extent.label == "month"

    def test_month_range(self):
        extent = parse_date("2026-01/2026-02")
        assert (extent.start, extent.end) == (D(2026, 1, 1), D(2026, 2, 28))
        assert extent.precision == "month-range"

    def test_season(self):
        extent = parse_date("2022-21")
        assert (extent.start, extent.end) == (D(2022, 3, 1), D(2022, 5, 31))
        assert extent.precision == "season"
        assert extent.label == "season"

    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [("2022-22", D(2022, 6, 1), D(2022, 8, 31)), ("2022-23", D(2022, 9, 1), D(2022, 11, 30))],
    )
    def test_other_seasons(self, text, start, end):
        extent = parse_date(text)
        assert (extent.start, extent.end, extent.precision) == (start, end, "season")

    def test_year(self):
        extent = parse_date("2022")
        assert (extent.start, extent.end) == (D(2022, 1, 1), D(2022, 12, 31))
        assert extent.label == "year"

    def test_year_range(self):
        extent = parse_date("2022/2023")
        assert (extent.start, extent.end, extent.precision) == (D(2022, 1, 1), D(2023, 12, 31), "year-range")

    def test_mixed_range(self):
        extent = parse_date("2026-01-29/2026-02")
        assert (extent.start, extent.end) == (D(2026, 1, 29), D(2026, 2, 28))
        assert extent.precision == "range"

    def test_season_range(self):
        # parse_date's own precision logic names season intervals "range"
        extent = parse_date("2022-21/2022-22")
        assert (extent.start, extent.end) == (D(2022, 3, 1), D(2022, 8, 31))
        assert extent.precision == "range"
        assert not extent.uncertain

    def test_uncertain_day(self):
        extent = parse_date("2026-01-29?")
        assert (extent.start, extent.end) == (D(2026, 1, 29), D(2026, 1, 29))
        assert extent.uncertain
        assert extent.precision == "day"
        assert extent.label == "exact day, uncertain"

    def test_approximate_month(self):
        extent = parse_date("2026-01~")
        assert (extent.start, extent.end, extent.uncertain) == (D(2026, 1, 1), D(2026, 1, 31), True)
        assert extent.label == "month, uncertain"

    def test_interval_with_uncertain_end(self):
        extent = parse_date("2026-01-23/2026-01-29?")
        assert (extent.start, extent.end) == (D(2026, 1, 23), D(2026, 1, 29))
        assert extent.precision == "day-range"
        assert extent.uncertain

    def test_every_precision_has_a_label(self):
        for text in ("2026-01-29", "2026-01-23/2026-01-24", "2026-01", "2026-01/2026-02", "2022-21", "2022", "2022/2023"):
            assert parse_date(text).precision in PRECISION_LABELS


class TestInvalid:
    def test_impossible_day(self):
        with pytest.raises(DateError, match=r"'2026-02-30' is not a valid EDTF date \(e\.g\. 2026-01-29"):
            parse_date("2026-02-30")

    def test_february_29_outside_a_leap_year(self):
        with pytest.raises(DateError, match=r"'2023-02-29' is not a valid EDTF date"):
            parse_date("2023-02-29")

    def test_impossible_month(self):
        with pytest.raises(DateError, match=r"'2026-13' is not a valid EDTF date"):
            parse_date("2026-13")

    def test_reversed_interval(self):
        with pytest.raises(DateError, match=r"^'2026-01-24/2026-01-23' ends before it starts$"):
            parse_date("2026-01-24/2026-01-23")

    @pytest.mark.parametrize("text", ["", "   "])
    def test_empty(self, text):
        with pytest.raises(DateError, match="^empty date$"):
            parse_date(text)

    def test_not_a_string(self):
        with pytest.raises(DateError):
            parse_date(None)

    def test_free_text(self):
        with pytest.raises(DateError, match="'late January' is not a valid EDTF date"):
            parse_date("late January")

    @pytest.mark.parametrize("text", ["2026-01-29/..", "../2026-01-29"])
    def test_open_interval(self, text):
        with pytest.raises(DateError, match="has no definite extent"):
            parse_date(text)

    def test_time_of_day_is_not_supported(self):
        with pytest.raises(DateError, match="unsupported EDTF form DateAndTime"):
            parse_date("2026-01-29T10:00:00")

    def test_is_a_value_error(self):
        # pydantic turns ValueErrors raised in validators into validation errors
        assert issubclass(DateError, ValueError)


class TestConventions:
    def test_winter_runs_december_to_february(self):
        extent = parse_date("2025-24")
        assert (extent.start, extent.end) == (dt.date(2025, 12, 1), dt.date(2026, 2, 28))

    def test_range_ending_in_an_uncertain_winter_keeps_the_whole_winter(self):
        assert parse_date("2022-21/2024-24").end == dt.date(2025, 2, 28)

    def test_range_ending_on_a_day_is_not_stretched(self):
        assert parse_date("2022-21/2026-01-24").end == dt.date(2026, 1, 24)

    @pytest.mark.parametrize(
        ("text", "start", "end", "precision"),
        [
            ("2026-XX", D(2026, 1, 1), D(2026, 12, 31), "year"),
            ("2026-01-XX", D(2026, 1, 1), D(2026, 1, 31), "month"),
            ("20XX", D(2000, 1, 1), D(2099, 12, 31), "year-range"),
        ],
    )
    def test_unspecified_digits_that_end_a_date_give_its_extent(self, text, start, end, precision):
        extent = parse_date(text)
        assert (extent.start, extent.end, extent.precision) == (start, end, precision)

    @pytest.mark.parametrize("text", ["2026-XX-15", "20X6", "2026-1X", "201X/2020"])
    def test_unspecified_digits_elsewhere_are_refused(self, text):
        with pytest.raises(DateError, match="unspecified digits"):
            parse_date(text)


class TestSameAsEdtf:
    @pytest.mark.parametrize(
        "text",
        [
            "2014",
            "2026-01",
            "2026-01-29",
            "2022-21",
            "2024-24",
            "2026-01-29?",
            "2026-01~",
            "2026-01-23/2026-01-24",
            "2022-21/2022-22",
            "2026-01-23/2026-01-29?",
            "2014/2015",
            "2022-03/2022-05",
            "2004-06-11%",
        ],
    )
    def test_level_by_level_parse_matches_parse_edtf(self, text):
        import edtf

        from briefing.dates.grammar import _parse_edtf

        reference = edtf.parse_edtf(text)
        ours = _parse_edtf(text)
        assert type(ours) is type(reference)
        assert (ours.lower_strict(), ours.upper_strict()) == (reference.lower_strict(), reference.upper_strict())


class TestFastPath:
    def test_plain_dates_and_intervals_match_the_grammar(self):
        import random

        from briefing.dates import edtf_extent

        rng = random.Random(7)
        samples = []
        for _ in range(60):
            year = rng.randint(1990, 2030)
            month = rng.randint(1, 12)
            day = rng.randint(1, 28)
            samples += [f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"]
        samples += [f"{a}/{b}" for a, b in zip(samples[::3], samples[3::3], strict=False) if a <= b]
        samples += ["2024-02-29", "2023-12", "2026-01-23/2026-01-24", "2022/2022-05", "2022-01-31/2022-02"]
        samples += [f"{year}-{season}" for year in (2019, 2022, 2024) for season in (21, 22, 23, 24)]
        samples += [
            "2022-21/2022-22",
            "2024-24/2025-21",
            "2022-21/2024-24",
            "2026-01-29?",
            "2026-01~",
            "2004-06-11%",
            "2026-01-23/2026-01-29?",
            "2021/2022-23",
        ]
        for text in samples:
            assert parse_date(text) == edtf_extent(text), text

    @pytest.mark.parametrize("text", ["2023-02-29", "2026-00", "2026-01-32", "2026-02/2026-01", "2022-21?"])
    def test_invalid_plain_dates_are_refused(self, text):
        with pytest.raises(DateError):
            parse_date(text)
