"""Offsets of a browser selection: UTF-16 code units in, Python string indices out, equal to text[start:end]."""

from __future__ import annotations

import pytest

from briefing.passages import Passage, from_selection, from_utf16, locate_quote, to_utf16

# emoji outside the BMP (two UTF-16 units each, one a flag of two such characters), accents precomposed and
# combining, a CJK character, and line breaks
TEXT = "Zełenski 😀 said: “no café”.\nKraków agreed 🇵🇱 — e\u0301tude 東京.\n\nThe end 🎉"


def units(text: str, index: int) -> int:
    """The UTF-16 offset a browser reports for a Python index, computed independently of the code under test."""
    return len(text[:index].encode("utf-16-le")) // 2


class TestConversion:
    def test_every_index_round_trips(self):
        for index in range(len(TEXT) + 1):
            assert to_utf16(TEXT, index) == units(TEXT, index)
            assert from_utf16(TEXT, units(TEXT, index)) == index

    def test_every_selection_gives_text_start_to_end(self):
        for start in range(len(TEXT)):
            for end in range(start + 1, len(TEXT) + 1):
                passage = from_selection("s", TEXT, units(TEXT, start), units(TEXT, end), TEXT[start:end])
                if not TEXT[start:end].strip():
                    assert passage is None
                    continue
                assert passage is not None
                assert passage.quote == TEXT[passage.start : passage.end] == TEXT[start:end].strip()

    def test_a_backwards_selection_counts_the_same(self):
        start, end = TEXT.index("Kraków"), TEXT.index("東京") + 2
        forward = from_selection("s", TEXT, units(TEXT, start), units(TEXT, end), TEXT[start:end])
        backward = from_selection("s", TEXT, units(TEXT, end), units(TEXT, start), TEXT[start:end])
        assert forward == backward == Passage("s", start, end, "Kraków agreed 🇵🇱 — e\u0301tude 東京")

    def test_an_offset_inside_a_surrogate_pair_takes_the_whole_character(self):
        emoji = TEXT.index("😀")
        inside = units(TEXT, emoji) + 1
        assert from_utf16(TEXT, inside) == emoji
        assert from_utf16(TEXT, inside, round_up=True) == emoji + 1

    def test_offsets_past_the_text_are_clamped(self):
        assert from_utf16(TEXT, 10_000) == len(TEXT)
        assert from_utf16(TEXT, -5) == 0

    def test_a_selection_whose_text_differs_is_not_trusted(self):
        assert from_selection("s", TEXT, 0, 8, "something else") is None


class TestLocateQuote:
    def test_a_unique_quote_is_found_at_its_offsets(self):
        located = locate_quote("s", TEXT, "Kraków agreed 🇵🇱")
        [passage] = located.passages
        assert TEXT[passage.start : passage.end] == "Kraków agreed 🇵🇱"
        assert "Found at characters" in located.message

    def test_several_occurrences_are_all_offered(self):
        text = "the talks failed; the talks resumed"
        located = locate_quote("s", text, "the talks")
        assert [p.start for p in located.passages] == [0, 18]
        assert "2 times" in located.message

    @pytest.mark.parametrize("typed", ['said: "no café"', "SAID: “NO CAFÉ”", "said:  “no café”"])
    def test_a_near_match_is_suggested_not_applied(self, typed):
        located = locate_quote("s", TEXT, typed)
        assert located.passages == ()
        assert located.near is not None
        assert TEXT[located.near.start : located.near.end] == "said: “no café”"
        assert "near match" in located.message

    def test_a_quote_from_elsewhere_is_reported(self):
        assert "not in the source text" in locate_quote("s", TEXT, "nothing like this appears at all").message
