"""The app behind the loader's boundary: a fault injected into one brief's validation leaves that brief out, names it
in the banner with its record path, and every other page and brief is served (tests/unit/test_loader_boundary.py)."""

from __future__ import annotations

import pytest

from briefing import schema
from briefing.dates import human_date
from tests.app.helpers import PAGES, run_page
from tests.faulty import inject
from tests.support.boundary import ALPHA, ISSUE_DATE, PROBLEM_LINE, build_boundary_root


@pytest.fixture
def faulty_app(tmp_path, monkeypatch):
    """The boundary folder served with validation made to fail on alpha's first position."""
    build_boundary_root(tmp_path)
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))
    inject(monkeypatch.setattr)
    return tmp_path


def problem_lines(app) -> list[str]:
    return [line for block in app.code for line in block.value.splitlines()]


def test_the_overview_names_the_faulty_brief_and_shows_the_others(faulty_app):
    app = run_page("overview")
    assert not app.exception, [e.value for e in app.exception]
    assert any("1 data file(s) failed validation and were skipped" in e.value for e in app.error)
    assert any(e.label == f"Problems in {ALPHA}" for e in app.expander)
    assert problem_lines(app) == [PROBLEM_LINE]
    shown = " ".join(m.value for m in app.markdown)
    assert "Brief beta" in shown and "Brief gamma" in shown
    assert "Brief alpha" not in shown


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_with_the_banner(faulty_app, page):
    app = run_page(page)
    assert not app.exception, [e.value for e in app.exception]
    assert app.title, "the page drew its title"
    assert problem_lines(app) == [PROBLEM_LINE]


def test_the_timeline_shows_the_issues_date_with_its_uncertainty(faulty_app):
    app = run_page("timeline", event="gamma-geneva-talks")
    assert not app.exception, [e.value for e in app.exception]
    assert problem_lines(app) == [PROBLEM_LINE]
    assert any(f"**When:** {human_date(ISSUE_DATE)}" in m.value for m in app.markdown)
    audited = run_page("timeline", event="gamma-geneva-talks", audit="1")  # the date as written, with its reading
    assert any(f"`{ISSUE_DATE}` (exact day, year and month uncertain)" in m.value for m in audited.markdown)


def test_a_faulty_taxonomy_is_named_and_nothing_else_fails(tmp_path, monkeypatch):
    build_boundary_root(tmp_path)
    monkeypatch.setenv("BRIEFING_ROOT", str(tmp_path))

    def duplicates(ids):
        raise ZeroDivisionError("injected in the taxonomy check")

    monkeypatch.setattr(schema.taxonomy, "_duplicates", duplicates)
    app = run_page("matrix")
    assert not app.exception, [e.value for e in app.exception]
    assert problem_lines(app) == [
        "data/taxonomy.yaml: unexpected ZeroDivisionError while checking it: injected in the "
        "taxonomy check (the server log has the traceback)"
    ]
    assert any("No brief could be loaded" in e.value for e in app.error)
