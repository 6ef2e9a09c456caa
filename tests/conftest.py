"""Suite-wide: the data is the fixed test corpus, not the analysts' data/; the frames cache goes to a temporary
folder, never the user's home; the broken-data folder shared by the AppTest and browser broken-data modules; the
hostile links shared by their generator's tests and the browser's; the Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# HYPOTHESIS_PROFILE picks how hard the property tests look: `make test` keeps the default few examples so the suite
# stays fast; `make soak` runs the "soak" profile. No deadline: the EDTF grammar's first calls are slow, not wrong.
settings.register_profile("quick", max_examples=30, deadline=None, print_blob=True)
settings.register_profile("soak", max_examples=1500, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

# the briefs, taxonomy and seeds the tests assert on; data/ may change under an analyst's hand (tests/fixtures/corpus)
CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(autouse=True, scope="session")
def _test_corpus():
    previous = os.environ.get("BRIEFING_ROOT")
    os.environ["BRIEFING_ROOT"] = str(CORPUS)
    yield
    if previous is None:
        os.environ.pop("BRIEFING_ROOT", None)
    else:
        os.environ["BRIEFING_ROOT"] = previous


@pytest.fixture(autouse=True, scope="session")
def _private_frames_cache(tmp_path_factory):
    previous = os.environ.get("BRIEFING_CACHE")
    os.environ["BRIEFING_CACHE"] = str(tmp_path_factory.mktemp("frames-cache"))
    yield
    if previous is None:
        os.environ.pop("BRIEFING_CACHE", None)
    else:
        os.environ["BRIEFING_CACHE"] = previous


@pytest.fixture(scope="module")
def broken_root(tmp_path_factory) -> Path:
    """A data folder holding every class of broken brief beside the intact ones (tests/support/broken_data.py)."""
    from tests.support.broken_data import build_broken_root

    return build_broken_root(tmp_path_factory.mktemp("broken-data"))


@pytest.fixture(scope="module")
def before(broken_root) -> dict[str, str]:
    """sha256 of every file in the broken folder, taken before anything reads it."""
    from tests.support.broken_data import fingerprints

    return fingerprints(broken_root)


@pytest.fixture(scope="module")
def known():
    """What the test corpus holds, for the hostile-link generator (tests/hostile_cases.py)."""
    from tests.hostile_cases import Known

    return Known.load()


@pytest.fixture(scope="module")
def cases(known):
    """The hostile links, the same every run."""
    from tests.hostile_cases import Generator

    return Generator(known).cases()
