"""Suite-wide: the frames cache goes to a temporary folder, never the user's home."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_frames_cache(tmp_path_factory):
    previous = os.environ.get("BRIEFING_CACHE")
    os.environ["BRIEFING_CACHE"] = str(tmp_path_factory.mktemp("frames-cache"))
    yield
    if previous is None:
        os.environ.pop("BRIEFING_CACHE", None)
    else:
        os.environ["BRIEFING_CACHE"] = previous
