"""Adding a valid brief never breaks the suite: a copy of the project gains a generated brief (another brief's records
under ids of its own prefix, as ids are unique across the corpus, and citing an issue added to the taxonomy for it),
and the suites that read data/ pass on the copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.cli import run_command

PROJECT = Path(__file__).resolve().parents[1]
SKIP = {".venv", ".git", "test-artifacts", ".pytest_cache", ".ruff_cache", ".mypy_cache", ".hypothesis", "__pycache__"}
NEW_ISSUE = {"id": "shipping-lanes", "label": "Shipping lanes", "definition": "Safe passage for tankers and cargo ships."}
# the suites that read the project's own data/, and one that runs every page on the fixed corpus beside it
DATA_SUITES = ["tests/test_shipped_data.py", "tests/app/test_pages.py"]


def copy_project(target: Path) -> Path:
    shutil.copytree(PROJECT, target, ignore=lambda _folder, names: [n for n in names if n in SKIP or n.endswith(".egg-info")])
    return target


def _own_ids(value, prefix: str = "gen-"):
    """Every record and evidence id given the new brief's own prefix (seed ids stay: they name the shared seeds)."""
    if isinstance(value, list):
        return [_own_ids(item, prefix) for item in value]
    if isinstance(value, dict):
        renamed = {key: item if key == "seeds" else _own_ids(item, prefix) for key, item in value.items()}
        if isinstance(value.get("id"), str):
            renamed["id"] = prefix + value["id"]
        return renamed
    return value


def add_generated_brief(root: Path) -> str:
    """A later brief built from the first shipped brief: every record under an id of its own, one position on a new
    issue."""
    taxonomy_path = root / "data" / "taxonomy.yaml"
    taxonomy = yaml.safe_load(taxonomy_path.read_text(encoding="utf-8"))
    taxonomy["issues"].append(NEW_ISSUE)
    taxonomy_path.write_text(yaml.safe_dump(taxonomy, sort_keys=False, allow_unicode=True), encoding="utf-8")
    source = sorted((root / "data" / "briefs").glob("*.yaml"))[0]
    brief = _own_ids(yaml.safe_load(source.read_text(encoding="utf-8")))
    brief.update(
        id="generated-extra-brief",
        title="A generated second reading",
        published="2026-11-30",
        author="The test suite",
        provenance="Illustrative: generated to prove that adding a brief breaks nothing.",
    )
    first = brief["positions"][0]
    brief["positions"].append(
        first
        | {
            "id": "pos-generated-new-issue",
            "issue": NEW_ISSUE["id"],
            "claim_type": "assessment",
            "speaker": None,
            "reported_by": None,
            "red_line": None,
            "acceptable_range": None,
            "evidence": [span | {"id": f"gen-{span['id']}"} for span in first["evidence"]],
            # a reused quote names nothing of the new issue: answered on the record, as an editor would
            "reviewed": [{"rule": "off-issue", "note": "Generated: the first record's quote, reused on a new issue."}],
        }
    )
    brief["positions"][-1] = {key: value for key, value in brief["positions"][-1].items() if value is not None}
    (root / "data" / "briefs" / "generated-extra-brief.yaml").write_text(
        yaml.safe_dump(brief, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return brief["id"]


def test_the_data_suites_pass_with_an_extra_brief(tmp_path):
    root = copy_project(tmp_path / "project")
    add_generated_brief(root)
    env = {key: value for key, value in os.environ.items() if key not in ("BRIEFING_ROOT", "PYTEST_ADDOPTS")}
    check = run_command("validate", "--strict", root=root, cwd=root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "ok data/briefs/generated-extra-brief.yaml" in check.stdout
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATA_SUITES],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
