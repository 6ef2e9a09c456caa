"""The one way into seeds/ (briefing/load/seeds.py): a plain file directly in the folder is read, anything else is
refused with a message that names it, and every reader of seeds goes through it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.load import MAX_SEED_BYTES, Layout, LoadError, read_seed, seed_path

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "talks.txt").write_text("Talks in Geneva.", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("Not a seed.", encoding="utf-8")
    return Layout(root=tmp_path)


class TestRead:
    def test_a_plain_file_in_seeds_is_read_byte_for_byte(self, layout):
        assert read_seed(layout, "talks.txt") == b"Talks in Geneva."
        assert seed_path(layout, "talks.txt") == (layout.seeds / "talks.txt").resolve()

    def test_a_link_that_stays_in_seeds_is_followed(self, layout):
        (layout.seeds / "alias.txt").symlink_to(layout.seeds / "talks.txt")
        assert read_seed(layout, "alias.txt") == b"Talks in Geneva."


class TestInvalid:
    @pytest.mark.parametrize("file", ["../outside.txt", "/etc/passwd", "sub/x.txt", "..\\x.txt", ".hidden", "..", "a\x00b"])
    def test_a_name_that_is_not_a_plain_file_name_is_refused_before_any_file_is_touched(self, layout, file):
        with pytest.raises(LoadError, match=re.escape(f"seed file {file!r} must be a plain file name inside seeds/")):
            seed_path(layout, file)

    def test_a_link_out_of_seeds_is_refused_though_its_target_exists(self, layout):
        (layout.seeds / "link.txt").symlink_to(layout.root / "outside.txt")
        with pytest.raises(LoadError, match=re.escape("seed file 'link.txt' is outside seeds/")):
            read_seed(layout, "link.txt")

    def test_a_missing_file_is_named(self, layout):
        with pytest.raises(LoadError, match=re.escape("seed file seeds/gone.txt is missing")):
            read_seed(layout, "gone.txt")

    def test_a_folder_is_not_a_seed(self, layout):
        (layout.seeds / "folder.txt").mkdir()
        with pytest.raises(LoadError, match="is missing"):
            read_seed(layout, "folder.txt")

    def test_a_symlink_loop_is_an_unreadable_seed(self, layout):
        (layout.seeds / "loop.txt").symlink_to(layout.seeds / "loop.txt")
        with pytest.raises(LoadError, match=re.escape("seed file")):
            read_seed(layout, "loop.txt")

    def test_a_seed_over_the_size_bound_is_not_read(self, layout):
        with (layout.seeds / "big.txt").open("wb") as big:
            big.truncate(MAX_SEED_BYTES + 1)
        with pytest.raises(LoadError, match=re.escape(f"seed file seeds/big.txt is larger than {MAX_SEED_BYTES:,} bytes")):
            read_seed(layout, "big.txt")


def test_no_other_module_checks_that_a_path_lies_in_seeds():
    """The containment check lives in briefing/load/seeds.py alone: nothing else compares a path with the seeds folder."""
    # resolving the seeds folder is the first step of the check; staging a link to the folder is not a check
    check = re.compile(r"(?<!symlink_to\(layout)\.seeds\.resolve\(\)|is_relative_to\([^)]*seed")
    offenders = [
        str(module.relative_to(PROJECT))
        for folder in ("briefing", "components", "pages", "scripts")
        for module in (PROJECT / folder).rglob("*.py")
        if module != PROJECT / "briefing" / "load" / "seeds.py" and check.search(module.read_text(encoding="utf-8"))
    ]
    assert offenders == []
