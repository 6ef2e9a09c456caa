"""Streamlit's own cache around the views (components/data.py ``view_cache``): computed once per data version and
filter, shared by every session, computed again for a new data version or another filter; briefing mode computes
each verdict once for its deck, its bottom line and its slides."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from streamlit.errors import StreamlitAPIException

import briefing.negotiation as negotiation
import briefing.presenting as presenting
import components.matrix as matrix
from briefing.frames import Selection, select
from briefing.load import Layout
from briefing.store import load_frames
from components.context import PageContext
from components.data import RECHECK_SECONDS
from components.negotiation import view_verdicts_of
from tests.app.helpers import html_bodies, linked_markups, run_page
from tests.conftest import CORPUS
from tests.waiting import wait_for

BRIEF = "lavrov-red-line-2026-01.yaml"


@pytest.fixture
def own_version(tmp_path, monkeypatch) -> Path:
    """A copy of the corpus whose data version no other test serves: the caches belong to the process, and every
    AppTest in it shares them, as every session of a server does."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    brief = root / "data" / "briefs" / BRIEF
    brief.write_text(brief.read_text(encoding="utf-8") + f"\n# served only by {tmp_path.name}\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_ROOT", str(root))
    return root


@pytest.fixture
def verdicts_computed(monkeypatch) -> list[str]:
    """The issue of every verdict computed from here on: the real rule, counted as it runs."""
    computed: list[str] = []
    rule = negotiation.issue_verdict

    def counted(positions, issue, judgments=None):
        computed.append(issue)
        return rule(positions, issue, judgments)

    monkeypatch.setattr(negotiation, "issue_verdict", counted)
    monkeypatch.setattr(presenting, "issue_verdict", counted)
    return computed


def placed_issues(root: Path) -> list[str]:
    frames = load_frames(Layout(root=root))
    return sorted(set(frames.positions["issue"]))


class TestBriefingMode:
    def test_each_verdict_is_computed_once_for_the_deck_the_bottom_line_and_every_slide(self, own_version, verdicts_computed):
        opening = run_page("present")
        assert not opening.exception
        assert any('id="slide-title"' in body for body in html_bodies(opening))
        issues = placed_issues(own_version)
        assert Counter(verdicts_computed) == Counter(issues)  # the deck and the opening's bottom line: one each
        for topic in ("closing", *issues):
            slide = run_page("present", topic=topic)
            assert not slide.exception
        assert run_page("negotiation").get("markdown"), "the negotiation space draws its verdicts"
        assert Counter(verdicts_computed) == Counter(issues), "the slides and the negotiation space share them"


class TestSessions:
    def test_a_new_session_with_the_same_data_and_filter_computes_nothing(self, own_version, verdicts_computed):
        first = run_page("negotiation")
        assert not first.exception and verdicts_computed
        computed = len(verdicts_computed)
        again = run_page("negotiation")
        assert not again.exception
        assert len(verdicts_computed) == computed
        assert [m.value for m in again.markdown] == [m.value for m in first.markdown]

    def test_another_filter_is_computed_for_itself(self, own_version, verdicts_computed):
        run_page("negotiation")
        verdicts_computed.clear()
        narrowed = run_page("negotiation", issue="ceasefire")
        assert not narrowed.exception
        assert verdicts_computed == ["ceasefire"]
        run_page("negotiation", issue="ceasefire")
        assert verdicts_computed == ["ceasefire"]

    def test_a_matrix_cells_cards_are_built_once_and_keep_each_sessions_links(self, own_version, monkeypatch):
        """The page of cards is built once per data version, filter, cell and audit switch; its links carry the filter
        and the audit switch of the session it was built for, never another's."""
        built: list[object] = []
        real = matrix.linked_quotes

        def counted(*args, **kwargs):
            built.append(args[1])
            return real(*args, **kwargs)

        monkeypatch.setattr(matrix, "linked_quotes", counted)
        first = run_page("matrix", cell="russia:ceasefire", issue="ceasefire")
        assert built
        count = len(built)
        again = run_page("matrix", cell="russia:ceasefire", issue="ceasefire")
        assert len(built) == count
        assert linked_markups(again) == linked_markups(first)
        (plain,) = linked_markups(first)
        assert "issue=ceasefire" in plain and "audit=1" not in plain
        (audited,) = linked_markups(run_page("matrix", cell="russia:ceasefire", issue="ceasefire", audit="1"))
        assert len(built) > count
        assert "issue=ceasefire" in audited and "audit=1" in audited

    def test_a_new_data_version_is_computed_again(self, own_version, verdicts_computed):
        run_page("negotiation")
        issues = placed_issues(own_version)
        verdicts_computed.clear()
        brief = own_version / "data" / "briefs" / BRIEF
        brief.write_text(brief.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        os.utime(brief, ns=(brief.stat().st_atime_ns, brief.stat().st_mtime_ns + 1_000_000_000))

        def recomputed() -> list[str]:
            assert not run_page("negotiation").exception
            return verdicts_computed

        # file events make it the next run; where the folders cannot be watched, the first after RECHECK_SECONDS
        wait_for(recomputed, timeout_s=RECHECK_SECONDS + 10, what="the verdicts computed for the new data version")
        assert Counter(verdicts_computed) == Counter(issues)


class TestKey:
    def test_a_page_context_is_refused_as_a_key(self):
        """Its session state (audit details, link params) is not in the key: a view cache takes context.scope."""
        frames = load_frames(Layout(root=CORPUS))
        context = PageContext(frames=frames, view=select(frames, Selection()), selection=Selection())
        with pytest.raises(StreamlitAPIException, match="context.scope"):
            view_verdicts_of(context)  # type: ignore[arg-type]
        assert view_verdicts_of(context.scope) == negotiation.view_verdicts(frames)
