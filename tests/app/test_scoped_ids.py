"""A new brief that reuses every record and evidence id of an existing one loads beside it: nothing is dropped, and
an id both use is qualified with its brief id in each (no brief's date decides who keeps the bare form, so nothing is
re-pointed; tests/app/test_permanent_ids.py follows the links)."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from briefing.export import to_json
from briefing.load import Layout
from briefing.store import load_frames
from tests.app.helpers import run_page
from tests.cli import run_command
from tests.conftest import CORPUS

OLD = "lavrov-red-line-2026-01"
NEW = "lavrov-red-line-rereading"


@pytest.fixture(scope="module")
def twin_root(tmp_path_factory):
    """The test corpus plus a later brief on the same seed with every id of the January brief."""
    root = tmp_path_factory.mktemp("twin")
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    text = (root / "data" / "briefs" / f"{OLD}.yaml").read_text(encoding="utf-8")
    twin = yaml.safe_load(text)
    twin.update(id=NEW, title="A second reading of the same article", published="2026-03-01")
    twin["positions"][0]["summary"] = "The second reading's own summary."
    (root / "data" / "briefs" / "a-twin.yaml").write_text(yaml.safe_dump(twin, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def twin_frames(twin_root):
    return load_frames(Layout(root=twin_root))


def test_nothing_is_dropped(twin_frames):
    assert twin_frames.problems == ()
    assert set(twin_frames.briefs["id"]) == {OLD, NEW, "energy-truce-follow-up-2026-02"}
    per_brief = twin_frames.positions.groupby("brief").size()
    assert per_brief[NEW] == per_brief[OLD]
    for table in ("positions", "events", "impacts", "judgments", "evidence"):
        ids = twin_frames.table(table)["id"]
        assert ids.is_unique, table


def test_a_shared_id_is_qualified_in_every_brief(twin_frames):
    positions = twin_frames.positions.set_index("id")
    first = positions[positions["brief"] == OLD].index[0]
    assert first.startswith(f"{OLD}:")
    local = first.removeprefix(f"{OLD}:")
    assert positions.at[f"{NEW}:{local}", "summary"] == "The second reading's own summary."
    spans = twin_frames.evidence.set_index("id")
    assert "lrl-lavrov-60-day-unacceptable" not in spans.index
    assert spans.at[f"{OLD}:lrl-lavrov-60-day-unacceptable", "brief"] == OLD
    assert spans.at[f"{NEW}:lrl-lavrov-60-day-unacceptable", "brief"] == NEW
    assert all(span.startswith(f"{NEW}:") for span in positions.at[f"{NEW}:{local}", "evidence"])
    unique = twin_frames.evidence.set_index("id").loc[lambda e: e["brief"] == "energy-truce-follow-up-2026-02"].index
    assert not any(":" in span for span in unique)  # an id one brief uses stays bare


def test_links_open_the_right_record(twin_root, monkeypatch):
    monkeypatch.setenv("BRIEFING_ROOT", str(twin_root))
    old = run_page("sources", span=f"{OLD}:lrl-lavrov-60-day-unacceptable", audit="1")
    new = run_page("sources", span=f"{NEW}:lrl-lavrov-60-day-unacceptable", audit="1")
    assert not old.warning and not new.warning and not old.exception and not new.exception
    # the evidence id is an audit detail: the subheader names the record for readers, the id after it
    assert [h.value.split(" · ")[-1] for h in old.subheader] == [f"{OLD}:lrl-lavrov-60-day-unacceptable"]
    assert [h.value.split(" · ")[-1] for h in new.subheader] == [f"{NEW}:lrl-lavrov-60-day-unacceptable"]


def test_the_export_keeps_both(twin_frames):
    data = json.loads(to_json(twin_frames))
    briefs = {row["brief"] for row in data["positions"]}
    assert {OLD, NEW} <= briefs


def test_validating_the_new_file_alone_names_the_shared_ids(twin_root):
    """Validate names the clash, the other brief and the fix; both briefs still load, and --strict refuses it."""
    result = run_command("validate", str(twin_root / "data" / "briefs" / "a-twin.yaml"), root=twin_root, clean_env=True)
    assert result.returncode == 0, result.stdout + result.stderr
    warning = next(line for line in result.stdout.splitlines() if "[shared-id]" in line)
    assert warning.startswith("warning: data/briefs/a-twin.yaml: id: ")
    assert f"also used by brief {OLD!r} (data/briefs/{OLD}.yaml)" in warning and "prefix of its own" in warning
    assert "ok data/briefs/a-twin.yaml" in result.stdout
    strict = run_command("validate", "--strict", str(twin_root / "data" / "briefs" / "a-twin.yaml"), root=twin_root, clean_env=True)
    assert strict.returncode == 1
