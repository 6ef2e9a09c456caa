"""One history for edits: a save or an undo and its trail entry are one step; a crash between them, a torn last line
of the trail or two processes saving at once lose no entry and leave no change the trail does not know."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing import editing
from briefing.editing.save import STOP_ENV
from briefing.load import Layout, parse_yaml
from tests.conftest import CORPUS
from tests.support.edits import BRIEF, position, save
from tests.support.tiny_project import TinyProject

PROJECT = Path(__file__).resolve().parents[2]
SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing import editing
    from briefing.load import Layout
    from briefing.recordwriter import append_item
    from tests.support.tiny_project import QUOTES, SEED_ID, SEED_TEXT
    from tests.support.edits import BRIEF, position

    root, prefix, count, action = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    layout = Layout(root=root)
    if action == "tiny":  # a one-brief project: each save validates little, so a hundred stay quick
        BRIEF, action, start = "data/briefs/alpha.yaml", "save", SEED_TEXT.find(QUOTES["reject"])
        span = {"seed": SEED_ID, "start": start, "end": start + len(QUOTES["reject"]), "quote": QUOTES["reject"]}

        def position(record_id):
            return {
                "id": record_id, "party": "northland", "issue": "ceasefire", "stance": "rejection", "claim_type": "assessment",
                "confidence": "medium", "summary": "As the analyst reads it.", "evidence": [{"id": f"{record_id}-1", **span}],
            }
    if action == "undo":
        editing.undo(layout, editing.undoable(editing.read_log(layout)), editor=prefix)
    for n in range(count if action == "save" else 0):
        record = position(f"pos-{prefix}-{n}")
        while True:
            opened = editing.open_file(layout, BRIEF).sha256
            try:
                editing.save(
                    layout, BRIEF, opened, lambda text: append_item(text, ("positions",), record),
                    editor=prefix, action="new position", record=record["id"],
                )
                break
            except editing.EditConflict:  # the other process saved in between: open again, as an editor would
                continue
    """
)


@pytest.fixture
def layout(tmp_path) -> Layout:
    shutil.copytree(CORPUS, tmp_path / "root")
    return Layout(root=tmp_path / "root")


def run_saver(root: Path, prefix: str, count: int, action: str = "save", stop: bool = False) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if key != STOP_ENV} | ({STOP_ENV: "written-ahead"} if stop else {})
    return subprocess.Popen([sys.executable, "-c", SAVER, str(root), prefix, str(count), action], cwd=PROJECT, env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_entries(layout: Layout) -> list[dict]:
    return [json.loads(line) for line in (layout.data / editing.EDIT_LOG).read_text(encoding="utf-8").splitlines() if line]


class TestCrashBetweenTheSteps:
    def test_a_save_stopped_after_its_entry_leaves_no_change_and_no_entry_shown(self, layout):
        before = digest(layout.root / BRIEF)
        assert run_saver(layout.root, "crash", 1, stop=True).wait(timeout=60) == 70
        assert digest(layout.root / BRIEF) == before  # the file never got the change ...
        [ahead] = raw_entries(layout)  # ... whose entry was written first
        assert ahead["record"] == "pos-crash-0"
        assert editing.read_log(layout) == [] and editing.undoable(editing.read_log(layout)) is None
        saved = save(layout, position("pos-after"))  # the next save and its undo go on from the file as it is
        assert [e["id"] for e in editing.read_log(layout)] == [saved.entry["id"]]
        editing.undo(layout, editing.undoable(editing.read_log(layout)), editor="ana")
        assert digest(layout.root / BRIEF) == before

    def test_an_undo_stopped_after_its_entry_leaves_the_save_undoable(self, layout):
        saved = save(layout, position("pos-kept"))
        after_save = digest(layout.root / BRIEF)
        assert run_saver(layout.root, "crash", 0, action="undo", stop=True).wait(timeout=60) == 70
        assert digest(layout.root / BRIEF) == after_save
        assert [e["action"] for e in raw_entries(layout)] == ["new position", "undo"]
        assert [e["id"] for e in editing.read_log(layout)] == [saved.entry["id"]]
        assert editing.undoable(editing.read_log(layout))["id"] == saved.entry["id"]


class TestTornTrail:
    def test_a_last_line_without_its_newline_keeps_its_entry_and_the_next(self, layout):
        editing.append_log(layout, {"id": "a"})
        with (layout.data / editing.EDIT_LOG).open("a", encoding="utf-8") as log:
            log.write(json.dumps({"id": "b"}))  # whole, but its newline never written
        editing.append_log(layout, {"id": "c"})
        assert [e["id"] for e in editing.read_log(layout)] == ["a", "b", "c"]
        assert (layout.data / editing.EDIT_LOG).read_text(encoding="utf-8").endswith('{"id": "c"}\n')

    def test_entries_already_glued_together_are_read_apart(self, layout):
        glued = json.dumps({"id": "b"}) + json.dumps({"id": "c", "diff": "{not an entry}"})
        (layout.data / editing.EDIT_LOG).write_text(f'{{"id": "a"}}\n{glued}\n{{"id": "d", "cut sho{{"id": "e"}}\n', encoding="utf-8")
        assert [e["id"] for e in editing.read_log(layout)] == ["a", "b", "c", "e"]


class TestTwoProcesses:
    def test_fifty_saves_each_all_land_each_with_its_entry(self, tmp_path):
        project = TinyProject(tmp_path / "tiny")
        project.write("alpha.yaml", project.brief())
        tiny = project.layout
        savers = [run_saver(tiny.root, prefix, 50, action="tiny") for prefix in ("left", "right")]
        assert [saver.wait(timeout=300) for saver in savers] == [0, 0]
        brief = tiny.root / "data" / "briefs" / "alpha.yaml"
        ids = {p["id"] for p in parse_yaml(brief.read_bytes())["positions"]}
        wanted = {f"pos-{prefix}-{n}" for prefix in ("left", "right") for n in range(50)}
        assert wanted <= ids
        log = editing.read_log(tiny)
        assert len(log) == 100 and {e["record"] for e in log} == wanted
        assert all(e["before_sha256"] == previous["after_sha256"] for previous, e in zip(log, log[1:], strict=False))
        assert log[-1]["after_sha256"] == digest(brief)
