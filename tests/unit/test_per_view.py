"""Per-view caching (components/data.py) is keyed on the function and its real inputs, so it cannot go stale."""

from __future__ import annotations

import pytest

from briefing.frames import Selection
from briefing.load import Layout
from briefing.store import load_frames
from components.data import PageLike, Scope, per_view
from tests.conftest import CORPUS

CALLS: list[tuple] = []


def count_positions(scope: Scope, issue: str) -> int:
    CALLS.append(("count_positions", issue, scope.selection))
    return int((scope.view.positions["issue"] == issue).sum())


def count_events(scope: Scope, issue: str) -> int:
    CALLS.append(("count_events", issue, scope.selection))
    return int(scope.view.events["issues"].map(lambda issues: issue in issues).sum())


@pytest.fixture(scope="module")
def frames():
    return load_frames(Layout(root=CORPUS))


def context(frames, selection: Selection | None = None) -> PageLike:
    return Scope(frames=frames, view=frames, selection=selection or Selection())


def test_each_function_argument_and_filter_is_its_own_entry(frames):
    CALLS.clear()
    everything = context(frames)
    russia = context(frames, Selection(parties=("russia",)))
    first = per_view(count_positions, everything, "ceasefire")
    assert per_view(count_positions, everything, "ceasefire") == first  # cached
    per_view(count_events, everything, "ceasefire")  # another function with the same arguments: not a hit
    per_view(count_positions, everything, "energy-truce")
    per_view(count_positions, russia, "ceasefire")
    assert [call[:2] for call in CALLS] == [
        ("count_positions", "ceasefire"),
        ("count_events", "ceasefire"),
        ("count_positions", "energy-truce"),
        ("count_positions", "ceasefire"),
    ]
    assert CALLS[-1][2] == Selection(parties=("russia",))


def test_the_scope_is_the_filtered_view(frames):
    russia = per_view(count_positions, context(frames, Selection(parties=("russia",))), "ceasefire")
    assert russia == int(((frames.positions["issue"] == "ceasefire") & (frames.positions["party"] == "russia")).sum())


def test_a_lambda_or_a_closure_is_refused(frames):
    with pytest.raises(TypeError, match="named module-level function"):
        per_view(lambda scope: 1, context(frames))
    captured = "ceasefire"

    def closure(scope: Scope) -> int:
        return len(captured)

    with pytest.raises(TypeError, match="closure"):
        per_view(closure, context(frames))
