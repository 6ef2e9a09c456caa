"""The pack's file names: the date, the brief and the filter, safe on every operating system."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from briefing.frames import Selection
from briefing.pack import build_pack
from briefing.pack.files import FORMATS, pack_file_name
from briefing.pack.names import brief_stem, file_stem, slug
from briefing.store import load_frames

SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.[a-z]+$")  # no spaces, dots, slashes, colons or capitals: safe everywhere
JAN_30 = pd.Timestamp("2026-01-30")


@pytest.fixture(scope="module")
def frames():
    return load_frames()


def _sourced(frames, briefs):
    """The briefs a pack is dated by: the sourced ones, or all when every one is illustrative."""
    sourced = briefs[~briefs["id"].isin(set(frames.illustrative_briefs))]
    return sourced if len(sourced) else briefs


class TestFromThePack:
    def test_a_brief_and_an_issue(self, frames):
        pack = build_pack(frames, Selection(issues=("ceasefire",), briefs=("lavrov-red-line-2026-01",)))
        assert pack_file_name(pack, "pdf") == "2026-01-30-lavrov-ceasefire.pdf"

    def test_every_brief_and_every_issue(self, frames):
        pack = build_pack(frames)
        latest = _sourced(frames, frames.briefs)["published"].max()
        assert pack_file_name(pack, "pptx") == f"{latest:%Y-%m-%d}-all-briefs-all-issues.pptx"

    def test_the_date_is_the_latest_publication_of_a_sourced_brief_in_view(self, frames):
        pack = build_pack(frames, Selection(issues=("ceasefire",)))
        in_view = frames.briefs[frames.briefs["id"].isin(set(frames.positions.query("issue == 'ceasefire'")["brief"]))]
        assert pack.file_stem.startswith(f"{_sourced(frames, in_view)['published'].max():%Y-%m-%d}-")
        assert pack.file_stem.endswith("-ceasefire")

    def test_every_format_gets_a_safe_name(self, frames):
        pack = build_pack(frames, Selection(issues=("ceasefire", "energy-truce")))
        for kind, spec in FORMATS.items():
            name = pack_file_name(pack, kind)
            assert SAFE.match(name) and name.endswith(spec.suffix) and "ceasefire-energy-truce" in name, name


class TestStem:
    def test_the_brief_stem_drops_the_date(self):
        assert brief_stem("lavrov-red-line-2026-01") == "lavrov"
        assert brief_stem("energy-truce-follow-up-2026-02") == "energy"

    def test_many_issues_are_counted_and_the_length_is_bounded(self):
        issues = tuple(f"issue-with-a-rather-long-name-{n}" for n in range(9))
        stem = file_stem(JAN_30, ("lavrov-red-line-2026-01",), ("lavrov-red-line-2026-01",), Selection(issues=issues))
        assert stem == "2026-01-30-lavrov-9-issues" and len(stem) <= 100

    def test_nothing_unsafe_gets_through(self):
        hostile = ("../../etc/passwd", "CON", "a b:c*?<>|\\x", "Ścieżka — ąę")
        stem = file_stem(JAN_30, ("../x-2026-01",), ("../x-2026-01", "y"), Selection(issues=hostile[:2]))
        assert SAFE.match(f"{stem}.pdf") and stem.startswith("2026-01-30-x-")
        assert [slug(text) for text in hostile] == ["etc-passwd", "con", "a-b-c-x", "sciezka-ae"]

    def test_no_date_in_view(self):
        assert file_stem(None, (), (), Selection()) == "undated-all-briefs-all-issues"
