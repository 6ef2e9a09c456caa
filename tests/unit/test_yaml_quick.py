"""The quick construction of plain YAML documents gives what PyYAML's own constructor gives, value and error alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.load import yaml_safe

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

DOCUMENTS = [
    "a: &x [1]\nb: *x\n",
    "a: 1\na: 2\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!binary aGk=\n",
    "- ? [1]\n  : 2\n",
    "x: 0x1F\ny: 1.5e3\nz: ~\nw: Yes\nv: 2025-01-01\nu: 1_000\n",
    "",
    "a: !foo 1\n",
    "=: 1\n",
    "a: !!str 1\nb: '1'\nc: 2025-01-05/2025-01-07\n",
    "a: .inf\nb: -.inf\n",
    "a:\n  b:\n    - {c: d, e: [1, 2, null]}\n",
    "a: 1\n---\nb: 2\n",
    "a:\nb: ''\nc: null\nd: -1\ne: +1\nf: True\ng: off\n",
]


def _outcome(text: str, load) -> tuple:
    try:
        return ("value", repr(load(text)))
    except Exception as error:
        return ("error", type(error).__name__, str(error))


def _full(text: str):
    return yaml.load(text, Loader=yaml_safe._BriefLoader)  # noqa: S506 - a SafeLoader subclass


@pytest.mark.parametrize("text", DOCUMENTS)
def test_quick_construction_equals_pyyaml(text: str) -> None:
    assert _outcome(text, yaml_safe._load) == _outcome(text, _full)


def test_fixture_briefs_build_as_pyyaml_builds_them() -> None:
    files = sorted(FIXTURES.rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert _outcome(text, yaml_safe._load) == _outcome(text, _full), path
