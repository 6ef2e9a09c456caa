"""docs/adding-a-brief.md shows real output: its commands, run on its sample, print the lines it quotes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

PROJECT = Path(__file__).resolve().parents[2]
WALKTHROUGH = PROJECT / "docs" / "adding-a-brief.md"
BRIEF = "data/briefs/baltic-capitals-2026-02.yaml"


def blocks(after: str) -> list[str]:
    """The lines of the first plain code block (program output, no language) after the text ``after``."""
    text = WALKTHROUGH.read_text(encoding="utf-8")
    lines = text[text.index(after) :].splitlines()
    opening = None
    for number, line in enumerate(lines):
        if not line.startswith("```"):
            continue
        if opening is None:
            opening = (number, line)
        elif opening[1] == "```":
            return lines[opening[0] + 1 : number]
        else:
            opening = None
    raise AssertionError(f"no output block after {after!r}")


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    """A copy of the test corpus and the sample, and a way to run the CLI in it as a user would."""
    root = tmp_path_factory.mktemp("walkthrough")
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    shutil.copytree(PROJECT / "docs" / "examples", root / "docs" / "examples")
    env = {**os.environ, "BRIEFING_ROOT": str(root), "PYTHONUNBUFFERED": "1"}

    def run(*args: str) -> list[str]:
        # one pipe for both streams, unbuffered: the lines come in the order a terminal shows them
        result = subprocess.run(
            [sys.executable, "-m", "briefing", *args],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        return result.stdout.splitlines()

    return root, run


def test_new_prints_what_the_walkthrough_shows(walk):
    root, run = walk
    out = run(
        "new",
        "docs/examples/baltic-capitals-note.txt",
        "--id",
        "baltic-capitals-2026-02",
        "--title",
        "Baltic Capitals Weigh the Ceasefire Debate",
        "--published",
        "2026-02-03",
    )
    assert out == blocks("## 1. Start the brief with `new`")


def test_fill_and_validate_print_what_the_walkthrough_shows(walk):
    root, run = walk
    path = root / BRIEF
    skeleton = path.read_text(encoding="utf-8")
    records = (root / "docs" / "examples" / "baltic-capitals-records.yaml").read_text(encoding="utf-8")
    typed = records.replace("Estonia’s government said", "Estonia's government said")  # the slip the walkthrough shows
    path.write_text(skeleton[: skeleton.index("# Uncomment a block")] + typed, encoding="utf-8")
    first = run("fill", BRIEF)
    assert first == blocks("## 3. Let `fill` add offsets, ids and seeds")
    path.write_text(path.read_text(encoding="utf-8").replace("Estonia's government said", "Estonia’s government said"), encoding="utf-8")
    assert run("fill", BRIEF) == blocks("Copy the suggested quote")
    assert run("fill", "--check", BRIEF) == blocks("so it can guard a commit or CI")
    assert run("validate", BRIEF)[0] == blocks("## 4. Check it with `validate`")[0]
