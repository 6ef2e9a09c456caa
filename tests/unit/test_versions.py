"""Data versions: what changed since a link's version, for every kind of record, named in words."""

from __future__ import annotations

import shutil

import pytest
import yaml

from briefing.frames import RECORD_TABLES
from briefing.load import Layout
from briefing.store import load_frames
from briefing.versions import FORMAT_1_TABLES, RECORD_KINDS, describe_changes, holder, manifest
from tests.conftest import CORPUS

LAVROV = "lavrov-red-line-2026-01"
SAME = "The records are the same; only source files or formatting changed."


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The test corpus, then the same with a ladder's title, an editor's note and one position changed, and a
    position removed."""
    root = tmp_path_factory.mktemp("versions")
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    before = load_frames(Layout(root=root))
    path = root / "data" / "briefs" / f"{LAVROV}.yaml"
    brief = yaml.safe_load(path.read_text(encoding="utf-8"))
    brief["ladders"][0]["title"] = "Russia's demands, re-read"
    brief["editor_notes"][0]["text"] += " Re-read."
    brief["positions"][0]["summary"] = "A re-read summary."
    removed = brief["positions"].pop()
    path.write_text(yaml.safe_dump(brief, sort_keys=False, allow_unicode=True), encoding="utf-8")
    after = load_frames(Layout(root=root))
    assert after.problems == ()
    return before, after, removed


def test_every_record_table_has_its_word():
    assert tuple(RECORD_KINDS) == RECORD_TABLES


class TestDescribeChanges:
    def test_every_kind_is_reported_in_words(self, versions):
        before, after, _removed = versions
        lines = describe_changes(manifest(before), manifest(after))
        line = next(line for line in lines if line.startswith(after.brief_titles[LAVROV]))
        assert "escalation ladder “Russia's demands, re-read”" in line
        assert "Editor's note, " in line
        assert "changed position Lavrov" in line or "position Lavrov" in line
        assert "removed position" in line
        assert "pos-" not in line and "note-" not in line  # named for a reader, never by id

    def test_an_unchanged_version_says_so(self, versions):
        before, _after, _removed = versions
        assert describe_changes(manifest(before), manifest(before)) == [SAME]

    def test_a_format_1_manifest_is_still_read(self, versions):
        """A version recorded before ladders and notes were counted: only its four kinds are compared."""
        before, after, _removed = versions
        old = manifest(before)
        for entry in old["briefs"].values():
            kinds = entry.pop("kinds")
            entry.pop("labels"), entry.pop("spans")
            entry["records"] = {i: d for i, d in entry["records"].items() if kinds[i] in FORMAT_1_TABLES}
        assert describe_changes(old, manifest(before)) == [SAME]
        line = next(line for line in describe_changes(old, manifest(after)) if line.startswith(after.brief_titles[LAVROV]))
        assert "changed position" in line and "removed a record" in line and "ladder" not in line

    def test_an_unknown_version(self, versions):
        before, _after, _removed = versions
        assert "no record" in describe_changes(None, manifest(before))[0]


class TestHolder:
    def test_the_brief_that_held_a_bare_id(self, versions):
        before, _after, removed = versions
        old = manifest(before)
        assert holder(old, removed["id"], "positions") == LAVROV
        assert holder(old, removed["evidence"][0]["id"], "evidence") == LAVROV
        assert holder(old, "no-such-id", "evidence") is None
        assert holder(None, removed["id"], "positions") is None


class TestInvalidArchiveVersion:
    @pytest.mark.parametrize("version", ["../../etc", "0123456789ab\n", "ZZZZZZZZZZZZ", ""])
    def test_a_version_that_is_not_one_never_names_a_path(self, tmp_path, version):
        from briefing.archive import kept_since, open_version

        with pytest.raises(ValueError, match="not a data version"):
            open_version(version, tmp_path)
        assert not (tmp_path / "as-of").exists()
        assert kept_since("0123456789ab", tmp_path) is None  # a well-formed version that was never kept
