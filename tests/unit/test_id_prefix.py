"""Id collisions at `new` and `fill` time: a warning naming the shared ids and a prefix of the brief's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from briefing.authoring.prefix import collision_lines, suggest_prefix
from briefing.load import Layout

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def test_prefix_is_the_initials_until_taken():
    assert suggest_prefix("lavrov-red-line-2026-01", set()) == "lrl"
    assert suggest_prefix("lavrov-red-line-2026-02", {"lrl"}) == "lrli"
    assert suggest_prefix("minister-2026", set()) == "min"


def test_a_new_brief_is_told_its_prefix():
    lines = collision_lines("lavrov-follow-up-2026-03", Layout(CORPUS))
    assert lines == ["ids: start this brief's record and evidence ids with lfu- (prefixes other briefs use: etf-, lrl-)"]


def test_a_brief_reusing_ids_is_warned(tmp_path):
    shutil.copytree(CORPUS, tmp_path, dirs_exist_ok=True)
    source = tmp_path / "data" / "briefs" / "lavrov-red-line-2026-01.yaml"
    document = yaml.safe_load(source.read_text())
    document["id"] = "lavrov-rereading-2026-02"
    (tmp_path / "data" / "briefs" / "lavrov-rereading-2026-02.yaml").write_text(yaml.safe_dump(document, allow_unicode=True))
    lines = collision_lines("lavrov-rereading-2026-02", Layout(tmp_path))
    assert len(lines) == 1 and lines[0].startswith("warning: lavrov-rereading-2026-02 uses ")
    assert "brief lavrov-red-line-2026-01 also uses" in lines[0] and "with the prefix lr- (e.g. lr-" in lines[0]


def test_distinct_ids_no_warning():
    assert collision_lines("lavrov-red-line-2026-01", Layout(CORPUS)) == []
