"""The overview opens with the bottom line of the filter in view: red lines in plain words, one linked action title
per issue with its confidence, the outlook with likelihood and confidence; then the ranked key judgments, the rest
behind one expander, and the sources at the foot. Expectations come from briefing.bottom_line on the test corpus."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from briefing.bottom_line import bottom_line, ranked_judgments
from briefing.frames import Frames, Selection, select
from briefing.load import Layout
from briefing.store import load_frames
from components.provenance import ILLUSTRATIVE_WORDS
from tests.app.helpers import markdown_texts, run_page, unescaped
from tests.conftest import CORPUS

FOLLOW_UP = "energy-truce-follow-up-2026-02"


@pytest.fixture(scope="module")
def frames() -> Frames:
    return load_frames(Layout(root=CORPUS))


def markdown(app) -> list[str]:
    return markdown_texts(app)


def page_links(app) -> list:
    return [element.proto for element in app.get("page_link")]


def box(app) -> list[str]:
    """The markdown of the bottom line box: from its heading to the key judgments."""
    texts = markdown(app)
    start = texts.index("## Bottom line")
    end = next(i for i, text in enumerate(texts) if text.startswith("**1.**"))
    return texts[start:end]


class TestTheBottomLine:
    def test_it_comes_first_after_the_notices(self):
        app = run_page("overview")
        assert not app.exception
        texts = markdown(app)
        first_judgment = next(i for i, text in enumerate(texts) if text.startswith("**1.**"))
        assert texts.index("## Bottom line") < first_judgment
        headers = [h.value for h in app.header]
        assert headers[0] == "Key judgments" and headers[-1] == "About the sources"

    @pytest.mark.parametrize("issue", ["ceasefire", "security-guarantees"])
    def test_it_follows_the_filter(self, frames, issue):
        app = run_page("overview", issue=issue)
        expected = bottom_line(select(frames, Selection(issues=(issue,))))
        shown = unescaped(" ".join(box(app)))
        for red in expected.red_lines:
            assert (red.quote or red.text).rstrip(".") in shown
        labels = [unescaped(link.label) for link in page_links(app) if link.page.endswith("negotiation")]
        titled = [label for label in labels if "confidence" in label]
        assert len(titled) == len(expected.issues) == 1
        (line,) = expected.issues
        assert line.plain_title in titled[0].replace("**", "")
        assert line.confidence in titled[0]

    def test_ceasefire_and_guarantees_say_different_things(self):
        ceasefire = box(run_page("overview", issue="ceasefire"))
        guarantees = box(run_page("overview", issue="security-guarantees"))
        assert ceasefire != guarantees
        assert "60-day" in " ".join(ceasefire) and "60-day" not in " ".join(guarantees)

    def test_the_red_line_is_readable_in_the_box(self):
        shown = unescaped(" ".join(box(run_page("overview"))))
        assert "“even a 60-day or longer ceasefire, as sought by Ukrainian President Zelenskyy, is unacceptable to us”" in shown
        assert "Not even the ceasefire of 60 days" not in shown  # the paraphrase is never shown as his words
        assert "(own words)" in shown

    def test_each_issue_line_links_to_the_negotiation_space_keeping_the_filter(self):
        app = run_page("overview", issue="ceasefire", party=["russia", "ukraine"])
        links = [link for link in page_links(app) if link.page.endswith("negotiation") and "confidence" in link.label]
        assert links
        for link in links:
            assert "issue=ceasefire" in link.query_string and "party=russia" in link.query_string

    def test_the_outlook_shows_likelihood_and_confidence_apart(self):
        shown = " ".join(box(run_page("overview", issue="ukrainian-government-legitimacy")))
        assert "Almost no chance · high confidence" in shown

    def test_the_outlook_says_only_what_a_judgment_states(self, frames):
        line = bottom_line(frames)
        unstated = [item for item in line.outlook if not item.likelihood]
        assert unstated, "the test corpus has an outlook without a likelihood"
        shown = box(run_page("overview"))
        assert not any("not stated" in text.lower() for text in shown)
        for item in unstated:
            said = next(text for text in shown if text.startswith(item.text[:40]))
            assert "*High confidence*" in said if item.confidence == "high" else "confidence*" in said

    def test_an_issue_line_glosses_the_verdict_words_a_reader_cannot_guess(self):
        labels = [unescaped(link.label) for link in page_links(run_page("overview", issue="energy-truce"))]
        (line,) = [label for label in labels if "Energy truce" in label]
        assert "touching (a single point all could accept)" in line
        assert "touching or" not in line and "touching ·" not in line

    def test_no_record_ids_without_the_audit_details(self, frames):
        app = run_page("overview")
        shown = " ".join(markdown(app) + [c.value for c in app.caption])
        for record in list(frames.judgments["id"]) + list(frames.positions["id"]):
            assert record not in shown


class TestKeyJudgments:
    def test_the_ranked_judgments_come_first_in_reading_type(self, frames):
        app = run_page("overview")
        top, rest = ranked_judgments(frames)
        numbered = [text for text in markdown(app) if re.match(r"\*\*\d+\.\*\*", text)]
        assert len(numbered) == len(top)
        for text, judgment in zip(numbered, top["text"], strict=True):
            assert unescaped(text).split("  \n")[0].endswith(judgment)
        assert numbered[0].startswith("**1.** The red line Lavrov has drawn")
        assert [e.label for e in app.expander].count(f"All {len(top) + len(rest)} key judgments") == 1

    def test_the_expander_holds_every_judgment(self, frames):
        app = run_page("overview")
        app.session_state["all_key_judgments"] = True
        app.run()
        shown = unescaped(" ".join(markdown(app)))
        assert all(text in shown for text in frames.judgments["text"])
        assert "The note judges" in shown

    def test_a_filter_narrows_them(self, frames):
        app = run_page("overview", issue="security-guarantees")
        top, _rest = ranked_judgments(select(frames, Selection(issues=("security-guarantees",))))
        numbered = [text for text in markdown(app) if re.match(r"\*\*\d+\.\*\*", text)]
        assert len(numbered) == len(top)


class TestTheSourcesAtTheFoot:
    def test_files_and_the_illustrative_label_are_under_about_the_sources(self):
        app = run_page("overview")
        texts = markdown(app)
        provenance = next(i for i, text in enumerate(texts) if "adds no new reporting" in unescaped(text))
        assert provenance > texts.index("## Bottom line")
        assert any("Published 30 January 2026" in text for text in texts)

    def test_the_illustrative_notice_is_shown_only_when_the_brief_contributes(self):
        with_it = run_page("overview", issue="ceasefire")
        without = run_page("overview", issue="security-guarantees")
        heading = f"**Revisiting the Energy Truce: A Follow-up Note** — {ILLUSTRATIVE_WORDS}."
        assert any(heading in text for text in markdown(with_it))
        assert not any(heading in text for text in markdown(without))

    def test_the_illustrative_notice_is_one_line_under_the_bottom_line_not_above_it(self):
        texts = markdown(run_page("overview"))
        notices = [i for i, text in enumerate(texts) if ILLUSTRATIVE_WORDS in text]
        assert len(notices) == 1, "one line, whatever the number of illustrative briefs"
        box_end = max(i for i, text in enumerate(texts) if text.startswith("**No verdict yet**") or text == "**Outlook**")
        assert notices[0] > texts.index("## Bottom line") and notices[0] > box_end
        assert not any(text.startswith("**1.**") for text in texts[: notices[0]])  # and before the key judgments


def test_the_audit_details_add_the_ids_beside_the_words(frames):
    app = run_page("overview", issue="ceasefire", audit="1")
    (line,) = bottom_line(select(frames, Selection(issues=("ceasefire",)))).issues
    labels = " ".join(link.label for link in page_links(app))
    assert all(record in unescaped(labels) for record in line.rests_on)
    assert "kj-red-line-holds" in unescaped(" ".join(markdown(app)))


def test_every_item_from_the_illustrative_brief_carries_the_badge(frames):
    app = run_page("overview")
    app.session_state["all_key_judgments"] = True
    texts = [unescaped(text) for text in markdown(app.run())]
    items = [*frames.judgments[frames.judgments["brief"] == FOLLOW_UP]["text"], *frames.notes[frames.notes["brief"] == FOLLOW_UP]["text"]]
    assert items
    for item in items:
        shown = [text for text in texts if item in text]
        assert shown and all("Illustrative" in text for text in shown), item


def test_a_brief_with_nothing_in_view_but_a_note_neither_heads_the_page_nor_lists_its_note(frames, tmp_path, monkeypatch):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    path = tmp_path / "corpus" / "data" / "briefs" / f"{FOLLOW_UP}.yaml"
    brief = yaml.safe_load(path.read_text(encoding="utf-8"))
    span = brief["judgments"][0]["evidence"][0]
    note = {"id": "etf-note-test", "text": "A note on the note itself.", "evidence": [{**span, "id": "etf-ev-note-test"}]}
    brief["editor_notes"] = [note]
    path.write_text(yaml.safe_dump(brief, sort_keys=False, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path / "corpus"))
    everything = " ".join(markdown(run_page("overview")))
    assert "A note on the note itself" in everything and "in-house note" in everything
    guarantees = " ".join(markdown(run_page("overview", issue="security-guarantees")))
    assert "A note on the note itself" not in guarantees and "in-house note" not in guarantees
