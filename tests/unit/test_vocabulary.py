"""The one vocabulary: each stance's ink reads on its fill, every colour has one meaning, and no view keeps a table of
its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.schema import IMPACT_DIRECTIONS
from briefing.vocabulary import AGREEMENT_ZONE, CLAIM_TYPES, GAP, IMPACTS, ISSUE_INK, NO_STANCE, STANCES, VERDICTS

PROJECT = Path(__file__).resolve().parents[2]
VIEWS = [path for folder in ("briefing", "components", "pages") for path in (PROJECT / folder).rglob("*.py")] + [PROJECT / "app.py"]
VIEWS += list((PROJECT / "briefing" / "pack" / "templates").glob("*"))


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(ink: str, fill: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((luminance(ink), luminance(fill)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class TestContrast:
    @pytest.mark.parametrize("stance", [*STANCES.values(), NO_STANCE], ids=lambda stance: stance.id)
    def test_every_stance_ink_reads_on_its_fill_at_four_and_a_half_to_one(self, stance):
        assert contrast(stance.ink, stance.colour) >= 4.5, (stance.id, round(contrast(stance.ink, stance.colour), 2))

    def test_the_issue_ink_and_the_gap_read_on_white(self):
        assert contrast(ISSUE_INK, "#ffffff") >= 4.5 and contrast(GAP, "#ffffff") >= 4.5

    def test_the_helper_agrees_with_known_ratios(self):
        assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
        assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


class TestOneMeaning:
    def test_stances_impacts_issues_and_the_negotiation_marks_share_no_colour(self):
        stances = {stance.colour.lower() for stance in STANCES.values()}
        impacts = {impact.colour.lower() for key, impact in IMPACTS.items() if key != "none"}
        others = {ISSUE_INK.lower(), AGREEMENT_ZONE.lower(), GAP.lower()}
        assert not stances & impacts and not stances & others and not impacts & others

    def test_one_word_symbol_and_colour_per_stance(self):
        for field in ("word", "symbol", "colour"):
            values = [getattr(stance, field) for stance in STANCES.values()]
            assert len(set(values)) == len(values), field

    def test_the_schema_labels_impacts_with_the_vocabulary_words(self):
        assert {key: label.lower() for key, label in IMPACT_DIRECTIONS.items()} == {key: IMPACTS[key].word for key in IMPACT_DIRECTIONS}

    def test_every_verdict_has_an_icon_a_word_and_a_gloss(self):
        assert all(len(parts) == 3 and all(parts) for parts in VERDICTS.values())


class TestNoLocalTables:
    """A view looks words and colours up in briefing.vocabulary; it never spells a stance colour or an old palette."""

    OWNED = {*(stance.colour.lower() for stance in STANCES.values()), "#e69f00", "#d55e00", "#cc79a7", "#b34700"}

    @pytest.mark.parametrize("path", VIEWS, ids=lambda path: str(path.relative_to(PROJECT)))
    def test_no_module_but_the_vocabulary_spells_a_stance_colour_or_an_orange(self, path):
        if path.name == "vocabulary.py" or path.suffix not in {".py", ".html", ".css", ".md", ".j2"}:
            return
        text = path.read_text(encoding="utf-8")
        found = {colour.lower() for colour in re.findall(r"#[0-9a-fA-F]{6}\b", text)} & self.OWNED
        assert not found, f"{path.name} spells {sorted(found)}: take the colour from briefing.vocabulary"
        assert not re.search(r"markdown_badge\([^)]*[\"']orange[\"']", text), f"{path.name} draws an orange badge"

    @pytest.mark.parametrize("wording", ["Firm support", "Firm demand", "Firm rejection", "firmly demands", "firmly rejects"])
    def test_no_view_keeps_an_old_wording(self, wording):
        found = [str(path.relative_to(PROJECT)) for path in VIEWS if path.suffix == ".py" and wording in path.read_text(encoding="utf-8")]
        assert not found, f"{wording!r} in {found}"


def test_a_symbol_means_one_thing_across_stances_impacts_and_verdicts():
    """A reader who learns "✖" as "against" never meets it as a verdict: the three sets of symbols share none."""
    stances = {words.symbol for words in STANCES.values()}
    impacts = {words.icon for words in IMPACTS.values()}
    verdicts = {symbol for symbol, _word, _gloss in VERDICTS.values()}
    assert len(verdicts) == len(VERDICTS)
    assert not (verdicts & stances) and not (verdicts & impacts), (verdicts & stances, verdicts & impacts)


def test_the_claim_legend_ties_each_letter_to_its_label_and_its_words():
    from briefing.vocabulary import claim_legend

    legend = claim_legend()
    for claim in CLAIM_TYPES.values():
        assert f"{claim.letter} · {claim.label} ({claim.whose})" in legend
