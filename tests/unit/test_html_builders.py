"""The HTML builders without tests of their own before: the source viewer's marked text, the negotiation range
strip and the matrix grid's data. Each gets hostile text (a script tag, quotes, ampersands) and must show it as text."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from markupsafe import Markup

from briefing.figures.negotiation import range_strip
from briefing.negotiation import RANK, IssueVerdict, Placement
from briefing.vocabulary import ISSUE_INK, STANCES
from components.grid import GRID_JS
from components.matrix import matrix_table
from components.sources import MARK_STYLE, TARGET_ID, source_html
from tests.support.markup import Parsed

HOSTILE = '<script>alert("x")</script> & \'quoted\' "double"'


def spans(*rows: tuple[str, int, int, tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame([{"id": i, "start": a, "end": z, "issues": issues} for i, a, z, issues in rows])


class TestSourceText:
    TEXT = f"Before. {HOSTILE} said the minister, 'no ceasefire' & nothing more. After."

    def test_hostile_text_is_text_and_reads_back_exactly(self):
        start = self.TEXT.index("<script>")
        markup = source_html(self.TEXT, spans(("ev-1", start, start + len(HOSTILE), ("truce",))))
        assert isinstance(markup, Markup)
        assert "<script>" not in markup and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quoted&#39;" in markup
        parsed = Parsed(markup)
        assert "".join(parsed.text) == self.TEXT  # escaped, not dropped: every character is shown as written
        assert {tag for tag, _attrs in parsed.tags} == {"div", "mark"}

    def test_every_span_is_marked_and_the_target_holds_the_whole_quote(self):
        first = self.TEXT.index("said")
        second = self.TEXT.index("'no ceasefire'")
        end = self.TEXT.index(" nothing")
        rows = spans(("ev-outer", first, end, ("truce",)), ("ev-inner", second, second + 14, ()))
        markup = source_html(self.TEXT, rows, target="ev-outer")
        marks = Parsed(markup).named("mark")
        assert [m["data-evidence"] for m in marks if "data-evidence" in m] == ["ev-outer", "ev-outer ev-inner", "ev-outer"]
        target = re.search(rf'<mark id="{TARGET_ID}" data-target="ev-outer"[^>]*>(.*?)</mark></mark>(?!</mark>)', markup)
        assert target is not None
        assert "".join(Parsed(target.group(1) + "</mark>").text) == self.TEXT[first:end]
        # issues are named, not coloured: every cited piece is marked in the one issue ink, whatever its issue
        styles = {m["style"] for m in marks if "data-evidence" in m}
        assert styles == {MARK_STYLE} and ISSUE_INK in MARK_STYLE

    def test_search_hits_are_wrapped_and_a_hostile_query_stays_text(self):
        hits = [(m.start(), m.end()) for m in re.finditer(re.escape("<script>"), self.TEXT)]
        markup = source_html(self.TEXT, spans(), hits=hits)
        hit = re.findall(r'<span class="search-hit"[^>]*>(.*?)</span>', markup)
        assert hit == ["&lt;script&gt;"]

    def test_hostile_evidence_ids_stay_inside_their_attribute(self):
        markup = source_html("abc", spans(('x" onmouseover="alert(1)', 0, 3, ())), target='x" onmouseover="alert(1)')
        marks = Parsed(markup).named("mark")
        assert all("onmouseover" not in attrs for attrs in marks)
        assert marks[0]["data-target"] == 'x" onmouseover="alert(1)'


def placement(party: str, name: str, low: int | None, high: int | None, source: str = "acceptable range") -> Placement:
    return Placement(
        party=party,
        party_name=name,
        low=low,
        high=high,
        source=source,
        position_id=f"pos-{party}",
        brief="b",
        stance="conditional",
        claim_type="stated",
        confidence="high",
        contested_by=(),
        red_lines=(),
        evidence=(),
    )


class TestRangeStrip:
    def test_each_placed_party_is_a_bar_with_its_name_as_text(self):
        verdict = IssueVerdict(
            issue="truce",
            verdict="overlap",
            low=RANK["conditional"],
            high=RANK["conditional"],
            ranges=(
                placement("north", HOSTILE, RANK["rejection"], RANK["conditional"]),
                placement("south", "Southland", RANK["conditional"], RANK["support"], "stance only"),
                placement("west", "Westland", None, None, "unclear"),
            ),
        )
        markup = range_strip(verdict)
        assert isinstance(markup, Markup) and "<script>" not in markup
        parsed = Parsed(markup)
        assert not parsed.named("script")
        assert HOSTILE in parsed.text  # the name, shown as written
        bars = [attrs for attrs in parsed.named("div") if attrs.get("title")]
        assert [bar["title"] for bar in bars] == [
            f"{HOSTILE}: Against to Only on conditions (acceptable range)",
            "Southland: Only on conditions to For (stance only)",
        ]  # the unplaced party has none
        # each place a bar covers is a segment in its stance's colour, with its symbol: colour is never alone
        segments = re.findall(r'<span style="flex:[^"]*background:(#\w+);color:(#\w+);[^"]*">([^<]*)</span>', str(markup))
        covered = [STANCES[stance] for stance in ("rejection", "conditional", "conditional", "support")]
        assert segments == [(stance.colour, stance.ink, stance.symbol) for stance in covered]
        label = parsed.named("div")[1]["aria-label"]
        assert label is not None and label.startswith("Overlap") and f"{HOSTILE} Against to Only on conditions" in label
        assert "shared" in parsed.text and "gap" not in parsed.text

    def test_bars_sit_at_their_place_on_the_scale(self):
        verdict = IssueVerdict(
            issue="truce",
            verdict="no-intersection",
            low=RANK["support"],
            high=RANK["rejection"],
            ranges=(
                placement("north", "Northland", RANK["firm-rejection"], RANK["rejection"]),
                placement("south", "Southland", RANK["support"], RANK["firm-support"]),
            ),
        )
        bars = [attrs["style"] for attrs in Parsed(range_strip(verdict)).named("div") if attrs.get("title")]
        lefts = [float(re.search(r"left:([\d.]+)%", style).group(1)) for style in bars]
        assert lefts[0] < 10 < 50 < lefts[1]  # the rejecting party at the left end, the supporting one right of the middle
        assert "gap" in Parsed(range_strip(verdict)).text


class TestMatrixGrid:
    def test_hostile_labels_travel_as_data_not_markup(self):
        table = matrix_table(
            pd.DataFrame(
                [
                    {
                        "party": "north",
                        "issue": "truce",
                        "stance": "conditional",
                        "claim_type": "stated",
                        "records": 1,
                        "contested": False,
                        "headline": "pos-1",
                    }
                ]
            ),
            [("north", HOSTILE)],
            [("truce", HOSTILE), ("talks", "Talks & <b>terms</b>")],
        )
        data = table.grid_data("north:truce")
        assert data["rows"][0]["name"] == HOSTILE and data["issues"][0]["label"] == HOSTILE
        assert data["issues"][1]["label"] == "Talks & <b>terms</b>"
        # the component receives JSON: the text arrives as a string, whatever it holds
        assert json.loads(json.dumps(data))["rows"][0]["name"] == HOSTILE

    @pytest.mark.parametrize(
        "sink", ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "createContextualFragment"]
    )
    def test_the_grid_script_never_parses_data_as_markup(self, sink):
        assert sink not in GRID_JS

    def test_every_value_goes_in_as_text(self):
        # one helper makes every element: attributes through setAttribute, text through textContent
        assert GRID_JS.count("document.createElement(") == 1
        helper = re.search(r"function element\(tag, attributes, text\) \{(.*?)\n  \}", GRID_JS, re.S)
        assert helper and "setAttribute(name, value)" in helper.group(1) and "textContent = text" in helper.group(1)
        made = set(re.findall(r'element\("(\w+)"', GRID_JS))
        assert made == {"th", "td", "tr", "span"}  # the header's label and proposition lines are spans
