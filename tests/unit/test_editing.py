"""Saving from the workbench on a copy of the test corpus: who may edit, conflicts, validation first, trail, undo."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading

import pytest

from briefing import editing
from briefing.editing import EditConflict, EditError, editing_access, switched_on
from briefing.load import Layout, load_corpus, parse_yaml
from briefing.recordwriter import append_item
from tests.conftest import CORPUS
from tests.support.edits import BRIEF, add, position, save


@pytest.fixture
def layout(tmp_path) -> Layout:
    shutil.copytree(CORPUS, tmp_path / "root")
    return Layout(root=tmp_path / "root")


def hashes(layout: Layout) -> dict[str, str]:
    return {
        str(p.relative_to(layout.root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(layout.root.rglob("*")) if p.is_file()
    }


class TestAccess:
    def test_off_unless_switched_on(self):
        assert not editing_access({}, None, login=False, email=None).allowed
        assert "BRIEFING_EDITING=1" in editing_access({}, None, login=False, email=None).reason
        assert not switched_on({"BRIEFING_EDITING": "0"}, {"editing": "true"})  # a string is not TOML's true
        assert switched_on({"BRIEFING_EDITING": "1"}, None)
        assert switched_on({}, {"editing": True})

    def test_with_a_login_only_listed_editors_may_edit(self):
        settings = {"editing": True, "editors": ["Ana@Example.org"]}
        assert editing_access({}, settings, login=True, email="ana@example.org").allowed
        refused = editing_access({}, settings, login=True, email="bo@example.org")
        assert not refused.allowed and "bo@example.org" in refused.reason
        assert not editing_access({}, {"editing": True}, login=True, email="ana@example.org").allowed
        assert not editing_access({"BRIEFING_EDITING": "1"}, None, login=True, email=None).allowed


class TestSave:
    def test_the_record_is_written_and_only_its_lines_are_new(self, layout):
        before = editing.open_file(layout, BRIEF)
        saved = save(layout, position())
        after = (layout.root / BRIEF).read_text(encoding="utf-8")
        entry = saved.entry
        assert after == before.text[: entry["at"]] + entry["inserted"] + before.text[entry["at"] :]
        assert parse_yaml(after.encode())["positions"][-1] == position()
        corpus = load_corpus(layout=layout)
        assert not corpus.problems
        assert "pos-poland-ceasefire-assessment" in {p.id for b in corpus.briefs for p in b.positions}

    def test_every_save_is_logged_with_who_what_and_the_diff(self, layout):
        save(layout, position())
        [entry] = editing.read_log(layout)
        assert entry["editor"] == "ana@example.org" and entry["record"] == "pos-poland-ceasefire-assessment"
        assert entry["file"] == BRIEF and entry["action"] == "new position"
        assert "+  - id: pos-poland-ceasefire-assessment" in entry["diff"]
        assert entry["time"].endswith("+00:00")

    def test_a_file_changed_since_it_was_opened_is_refused_and_left_as_it_is(self, layout):
        opened = editing.open_file(layout, BRIEF).sha256
        path = layout.root / BRIEF
        path.write_text(path.read_text(encoding="utf-8") + "# edited by hand meanwhile\n", encoding="utf-8")
        changed = hashes(layout)
        with pytest.raises(EditConflict, match="changed since you opened it"):
            save(layout, position(), opened)
        assert hashes(layout) == changed  # nothing written, nothing logged
        saved = save(layout, position())  # reopened: the same record goes in beside the other change
        assert saved.snapshot.text.count("# edited by hand meanwhile") == 1

    def test_two_editors_with_the_same_opened_version_one_wins_the_other_is_told(self, layout):
        opened = editing.open_file(layout, BRIEF).sha256
        outcomes: list[str] = []

        def attempt(record_id: str) -> None:
            try:
                save(layout, position(record_id), opened)
                outcomes.append("saved")
            except EditConflict:
                outcomes.append("refused")

        threads = [threading.Thread(target=attempt, args=(f"pos-poland-ceasefire-{n}",)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["refused", "saved"]
        assert len(editing.read_log(layout)) == 1

    @pytest.mark.parametrize(
        "record, message",
        [
            (position(party="polland"), "unknown party id"),
            (position(record_id="pos-russia-ceasefire-stated"), "duplicate record id"),
            (position(evidence_quote="x"), "evidence_quote"),
        ],
    )
    def test_invalid_is_never_written(self, layout, record, message):
        before = hashes(layout)
        with pytest.raises(EditError) as raised:
            save(layout, record)
        assert any(message in problem for problem in raised.value.problems)
        assert hashes(layout) == before

    def test_an_undo_that_would_break_another_file_is_refused_naming_that_file(self, layout):
        opened = editing.open_file(layout, "data/taxonomy.yaml").sha256
        party = {"id": "moldova", "name": "Moldova", "kind": "state"}
        editing.save(
            layout,
            "data/taxonomy.yaml",
            opened,
            lambda text: append_item(text, ("parties",), party),
            editor="ana",
            action="new party",
            record="moldova",
        )
        path = layout.root / BRIEF  # a brief comes to use the new party, written by hand
        path.write_text(append_item(path.read_text(encoding="utf-8"), ("positions",), position(party="moldova")).text, encoding="utf-8")
        before = hashes(layout)
        with pytest.raises(EditError) as raised:
            editing.undo(layout, editing.undoable(editing.read_log(layout)), editor="ana")
        assert any(p.startswith(f"{BRIEF}:") and "unknown party" in p for p in raised.value.problems), raised.value.problems
        assert not any("briefing-check-" in p for p in raised.value.problems)
        assert hashes(layout) == before

    def test_a_brief_broken_elsewhere_does_not_block_a_save(self, layout):
        broken = layout.briefs / "broken.yaml"
        broken.write_text("id: [unclosed\n", encoding="utf-8")
        saved = save(layout, position())
        assert saved.entry["file"] == BRIEF and saved.entry["record"] == "pos-poland-ceasefire-assessment"
        assert parse_yaml((layout.root / BRIEF).read_bytes())["positions"][-1] == position()
        assert broken.read_text(encoding="utf-8") == "id: [unclosed\n"  # the other brief is left as it was
        corpus = load_corpus(layout=layout)
        assert any("broken.yaml" in str(problem) for problem in corpus.problems), corpus.problems  # and still reported
        assert "pos-poland-ceasefire-assessment" in {p.id for b in corpus.briefs for p in b.positions}

    def test_a_new_party_goes_into_the_taxonomy(self, layout):
        opened = editing.open_file(layout, "data/taxonomy.yaml").sha256
        party = {"id": "moldova", "name": "Moldova", "kind": "state"}
        editing.save(
            layout,
            "data/taxonomy.yaml",
            opened,
            lambda text: append_item(text, ("parties",), party),
            editor="ana",
            action="new party",
            record="moldova",
        )
        assert parse_yaml(layout.taxonomy.read_bytes())["parties"][-1] == party
        with pytest.raises(EditError, match="not a brief or the taxonomy"):
            editing.save(layout, "seeds/lavrov-red-line-2026-01-30.txt", opened, add(position()), editor="a", action="x", record="x")


class TestUndo:
    def test_undo_gives_back_the_file_byte_for_byte_and_is_logged(self, layout):
        before = hashes(layout)
        save(layout, position())
        entry = editing.undoable(editing.read_log(layout))
        editing.undo(layout, entry, editor="ana")
        after = hashes(layout)
        assert after.pop("data/edit-log.jsonl")
        assert after == before
        log = editing.read_log(layout)
        assert [e["action"] for e in log] == ["new position", "undo"] and log[1]["undoes"] == entry["id"]
        assert editing.undoable(log) is None

    def test_undo_steps_back_one_save_at_a_time(self, layout):
        save(layout, position("pos-a"))
        save(layout, position("pos-b"))
        assert editing.undoable(editing.read_log(layout))["record"] == "pos-b"
        editing.undo(layout, editing.undoable(editing.read_log(layout)), editor="ana")
        assert editing.undoable(editing.read_log(layout))["record"] == "pos-a"

    def test_undo_is_refused_once_the_file_changed_after_the_save(self, layout):
        save(layout, position())
        path = layout.root / BRIEF
        path.write_text(path.read_text(encoding="utf-8") + "# later work\n", encoding="utf-8")
        changed = hashes(layout)
        with pytest.raises(EditConflict, match="changed after that save"):
            editing.undo(layout, editing.undoable(editing.read_log(layout)), editor="ana")
        assert hashes(layout) == changed


class TestNewBrief:
    def test_a_brief_from_the_browser_is_what_new_writes_and_can_be_undone(self, layout):
        source = "Kraków, 2 February 2026 😀\nThe ministers met.\n".encode()
        before = hashes(layout)
        entry = editing.create_brief(
            layout, source, "krakow.txt", "krakow-note", "Kraków <note>", "2026-02-02", editor="ana", known_ids={"lavrov-red-line-2026-01"}
        )
        assert (layout.seeds / "krakow.txt").read_bytes() == source
        brief = parse_yaml((layout.briefs / "krakow-note.yaml").read_bytes())
        assert brief["title"] == "Kraków <note>" and brief["seeds"][0]["file"] == "krakow.txt"
        assert entry["action"] == "new brief" and not load_corpus(layout=layout).problems
        editing.undo(layout, editing.undoable(editing.read_log(layout)), editor="ana")
        after = hashes(layout)
        after.pop("data/edit-log.jsonl")
        assert after == before

    def test_an_id_in_use_or_a_bad_source_is_refused(self, layout):
        with pytest.raises(EditError, match="exists already"):
            editing.create_brief(
                layout, b"text", "x.txt", "lavrov-red-line-2026-01", "T", "2026-01-01", editor="a", known_ids={"lavrov-red-line-2026-01"}
            )
        with pytest.raises(EditError, match="not UTF-8"):
            editing.create_brief(layout, "é".encode("latin-1"), "x.txt", "x", "T", "2026-01-01", editor="a")


class TestLog:
    def test_appends_from_many_threads_stay_whole_lines(self, layout):
        entries = [{"id": f"{n:04d}", "diff": "x" * 5000} for n in range(40)]
        threads = [threading.Thread(target=editing.append_log, args=(layout, entry)) for entry in entries]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(e["id"] for e in editing.read_log(layout)) == [e["id"] for e in entries]

    def test_a_damaged_line_is_skipped(self, layout):
        editing.append_log(layout, {"id": "a"})
        with (layout.data / editing.EDIT_LOG).open("a", encoding="utf-8") as log:
            log.write('{"id": "b", "cut sho\n')
        editing.append_log(layout, {"id": "c"})
        assert [e["id"] for e in editing.read_log(layout)] == ["a", "c"]
        assert json.loads((layout.data / editing.EDIT_LOG).read_text().splitlines()[0])["id"] == "a"
