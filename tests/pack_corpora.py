"""Corpora for the pack's tests, built in code from the test corpus: one with hostile text in a position's summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import CORPUS

HOSTILE = '<script>alert(1)</script> & "quoted" <b>bold</b>'


def hostile_corpus(root: Path) -> Path:
    """A copy of the test corpus whose first ceasefire position summarises itself as markup."""
    shutil.copytree(CORPUS, root)
    path = root / "data" / "briefs" / "lavrov-red-line-2026-01.yaml"
    brief = yaml.safe_load(path.read_text(encoding="utf-8"))
    position = next(p for p in brief["positions"] if p["issue"] == "ceasefire")
    position["summary"] = HOSTILE
    path.write_text(yaml.safe_dump(brief, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root
