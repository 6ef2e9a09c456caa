"""Ids are permanent: adding a brief dated before the Lavrov brief that reuses its record and evidence ids re-points
no link. Every link the app could make before (span=, event=, in the shared, brief-qualified form) opens the same
record after; an old bare link opens what it opened through its data version, and without one the page asks."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from briefing.archive import REPOSITORY
from briefing.links import link_value, resolve
from briefing.load import Layout
from briefing.store import cache_dir, load_frames
from briefing.versions import describe_changes, manifest
from components.params import event_param, span_param
from components.share import SHARE_KEY
from tests.app.helpers import run_page
from tests.conftest import CORPUS

LAVROV = "lavrov-red-line-2026-01"
EARLIER = "an-earlier-reading"
TITLE = "An earlier reading of the same article"


def _links(frames) -> dict[tuple[str, str], tuple[str, str, str]]:
    """Every span and event link the app could make: (param, shared value) -> (brief, quote or title, seed)."""
    links = {}
    for row in frames.evidence.itertuples():
        links["span", link_value(frames, "evidence", row.id)] = (row.brief, row.quote, row.record_kind)
    for row in frames.events.itertuples():
        links["event", link_value(frames, "events", row.id)] = (row.brief, row.title, row.date)
    return links


def _opened(frames, param: str, value: str) -> tuple[str, str, str]:
    if param == "span":
        row = frames.evidence.set_index("id").loc[span_param(value, frames)]
        return row.brief, row.quote, row.record_kind
    row = frames.events.set_index("id").loc[event_param(value, frames)]
    return row.brief, row.title, row.date


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The test corpus before and after an earlier-dated brief reusing every id of the Lavrov brief."""
    root = tmp_path_factory.mktemp("permanent")
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    before = load_frames(Layout(root=root))
    text = (root / "data" / "briefs" / f"{LAVROV}.yaml").read_text(encoding="utf-8")
    earlier = yaml.safe_load(text)
    earlier.update(id=EARLIER, title=TITLE, published="2025-12-01")
    earlier["positions"][0]["summary"] = "The earlier reading's own summary."
    (root / "data" / "briefs" / "an-earlier-reading.yaml").write_text(
        yaml.safe_dump(earlier, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    after = load_frames(Layout(root=root))
    assert after.problems == () and EARLIER in set(after.briefs["id"])
    return root, before, after


def test_every_shared_link_opens_the_same_record(project):
    _root, before, after = project
    links = _links(before)
    assert any(brief == LAVROV for brief, _, _ in links.values())
    for (param, value), opened in links.items():
        assert _opened(after, param, value) == opened, (param, value)


def test_what_changed_names_the_new_brief_alone(project):
    """The Lavrov brief's records gain their brief's prefix in the frames, but none of them changed."""
    _root, before, after = project
    assert describe_changes(manifest(before), manifest(after)) == [f"Brief added: {TITLE}."]


def test_a_bare_id_is_never_re_pointed(project):
    _root, before, after = project
    for span_id in before.evidence.loc[before.evidence["brief"] == LAVROV, "id"]:
        resolution = resolve(after, "evidence", span_id)
        assert resolution.found is None  # no brief keeps it: it is asked, never silently moved
        assert {brief for _id, brief in resolution.candidates} == {LAVROV, EARLIER}


def test_an_old_bare_link_opens_what_it_opened_by_its_data_version(project, monkeypatch):
    """The version is kept: the link opens the data as it was, where the bare id was the Lavrov brief's alone."""
    root, before, _after = project
    monkeypatch.setenv("BRIEFING_ROOT", str(root))
    span_id = before.evidence.loc[before.evidence["brief"] == LAVROV, "id"].iloc[0]
    app = run_page("sources", span=span_id, v=before.version, audit="1")
    assert not app.exception and any(i.value.startswith("As of ") for i in app.info)
    assert not [w for w in app.warning if "more than one brief" in w.value]
    assert [h.value.split(" · ")[-1] for h in app.subheader] == [span_id]


def test_an_old_bare_link_resolves_by_its_version_once_the_files_are_gone(project, monkeypatch):
    """Only the version's manifest is left (the kept files cleared): the bare id opens today's record of the brief
    that held it then."""
    root, before, _after = project
    monkeypatch.setenv("BRIEFING_ROOT", str(root))
    shutil.rmtree(cache_dir() / REPOSITORY, ignore_errors=True)
    span_id = before.evidence.loc[before.evidence["brief"] == LAVROV, "id"].iloc[0]
    app = run_page("sources", span=span_id, v=before.version, audit="1")
    assert not app.exception and not any(i.value.startswith("As of ") for i in app.info)
    assert not [w for w in app.warning if "more than one brief" in w.value]
    assert [h.value.split(" · ")[-1] for h in app.subheader] == [f"{LAVROV}:{span_id}"]


def test_a_bare_link_without_its_version_asks_which_is_meant(project, monkeypatch):
    root, before, _after = project
    monkeypatch.setenv("BRIEFING_ROOT", str(root))
    event_id = before.events.loc[before.events["brief"] == LAVROV, "id"].iloc[0]
    app = run_page("timeline", event=event_id)
    assert not app.exception
    question = [w.value for w in app.warning if "more than one brief" in w.value]
    assert len(question) == 1
    assert "An earlier reading of the same article" in question[0].replace("\\", "")
    assert f"event={LAVROV}%3A{event_id}" in question[0] and f"event={EARLIER}%3A{event_id}" in question[0]
    assert not any("[shared-id]" in block.value for block in app.code)  # the analyst's to fix, not a reading's doubt


def test_the_shared_link_carries_the_brief_qualified_id(project, monkeypatch):
    """Before any other brief reuses the id: the address bar keeps the bare id, the share box's link qualifies it."""
    root, before, _after = project
    monkeypatch.setenv("BRIEFING_ROOT", str(CORPUS))
    span_id = before.evidence.loc[before.evidence["brief"] == LAVROV, "id"].iloc[0]
    app = run_page("sources", span=span_id)
    app.session_state[SHARE_KEY] = True
    app.run()
    links = [json.loads(link.proto.json)["url"] for link in app.sidebar.get("bidi_component")]
    assert any(f"span={LAVROV}%3A{span_id}" in link for link in links), links
    assert root != CORPUS
