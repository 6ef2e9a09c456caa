"""A corpus of more briefs than the sidebar lists: the brief chooser offers the newest, a search, and a linked brief."""

from __future__ import annotations

import pytest

from bench.synthetic import generate_corpus
from briefing.load import Layout
from briefing.store import load_frames
from components.sidebar import BRIEF_CHOICES, BRIEF_SEARCH, BRIEF_WIDGET
from tests.app.helpers import run_page

BRIEFS = BRIEF_CHOICES + 10


@pytest.fixture(scope="module")
def large_root(tmp_path_factory):
    return generate_corpus(tmp_path_factory.mktemp("large") / "corpus", BRIEFS, seed=3)


@pytest.fixture(scope="module")
def large_frames(large_root):
    return load_frames(Layout(root=large_root))


@pytest.fixture(scope="module")
def newest_first(large_frames) -> list[str]:
    return list(large_frames.briefs.sort_values(["published", "id"], ascending=False)["id"])


@pytest.fixture(autouse=True)
def _serve_large_root(large_root, monkeypatch):
    monkeypatch.setenv("BRIEFING_ROOT", str(large_root))


class TestBriefChooser:
    def test_lists_the_newest_and_says_how_many_there_are(self, newest_first):
        app = run_page("overview")
        chooser = app.selectbox(key=BRIEF_WIDGET)
        assert chooser.label == f"Brief (newest {BRIEF_CHOICES} of {BRIEFS} listed)"
        assert chooser.options[0] == f"All briefs ({BRIEFS})"
        assert len(chooser.options) == BRIEF_CHOICES + 1
        assert app.text_input(key=BRIEF_SEARCH).value == ""

    def test_a_search_finds_an_old_brief_and_choosing_it_filters_the_view(self, newest_first, large_frames):
        oldest = newest_first[-1]
        app = run_page("matrix")
        app.text_input(key=BRIEF_SEARCH).input(oldest).run()
        chooser = app.selectbox(key=BRIEF_WIDGET)
        assert chooser.label == "Brief (1 match, newest 1 listed)"
        assert len(chooser.options) == 2
        chooser.set_value(oldest).run()
        assert app.session_state["selection"].briefs == (oldest,)
        assert app.query_params["brief"] == oldest
        assert any(large_frames.brief_titles[oldest] in info.value for info in app.info)  # "Filtered to … · <the brief>"
        assert not app.exception

    def test_a_linked_brief_outside_the_list_is_offered_and_chosen(self, newest_first):
        oldest = newest_first[-1]
        app = run_page("timeline", brief=oldest)
        chooser = app.selectbox(key=BRIEF_WIDGET)
        assert chooser.value == oldest
        assert len(chooser.options) == BRIEF_CHOICES + 2  # all, the linked one, the newest
        assert any("Filtered to" in info.value for info in app.info)

    def test_a_search_matching_nothing_keeps_all_briefs(self):
        app = run_page("overview")
        app.text_input(key=BRIEF_SEARCH).input("no such words").run()
        chooser = app.selectbox(key=BRIEF_WIDGET)
        assert chooser.label == "Brief (0 matches, newest 0 listed)"
        assert chooser.value == "__all__" and len(chooser.options) == 1
        assert not app.exception


def test_the_footer_names_the_count_and_the_span_of_publication(large_frames):
    """Past three briefs the footer gives their number and the first and last day of publication, in words."""
    from briefing.labels import published_words

    published = large_frames.briefs["published"]
    first, last = published_words(published.min()), published_words(published.max())
    app = run_page("overview")
    assert first and last and first != last
    assert any(f"Source: {BRIEFS:,} briefs, published {first} to {last}." in caption.value for caption in app.caption)


def test_every_page_footer_gives_the_one_key_to_whose_words():
    from briefing.vocabulary import claim_legend

    app = run_page("timeline")
    assert any(f"Whose words: {claim_legend()}." in caption.value for caption in app.caption)
