"""The hostile-link generator of the browser soak (tests/hostile_cases.py): the same links every run, and every class
of link on every page, with every kind of outcome among them."""

from __future__ import annotations

import re

import pytest

from tests.hostile_cases import CLASSES, PAGES, TARGET_KEYS, Generator


def test_the_generator_gives_the_same_links_and_outcomes_every_run(cases, known):
    again = Generator(known).cases()
    assert [(c.page, c.kind, c.query, c.outcome, c.filters) for c in again] == [
        (c.page, c.kind, c.query, c.outcome, c.filters) for c in cases
    ]


def test_every_class_reaches_the_app_on_every_page(cases):
    assert len(cases) >= 200
    for page in PAGES:
        kinds = {c.kind for c in cases if c.page == page}
        assert kinds == set(CLASSES), (page, set(CLASSES) - kinds)
        reaching = {c.kind for c in cases if c.page == page and c.outcome in ("notice", "clean")}
        assert reaching == set(CLASSES), (page, "classes that never reach the app:", set(CLASSES) - reaching)


def test_every_kind_of_outcome_and_the_largest_links_are_among_them(cases):
    assert {c.outcome for c in cases} == {"notice", "clean", "discarded", "refused"}
    assert any(len(c.query) >= 100_000 and c.outcome == "notice" for c in cases)
    assert any(c.query.count("issue=") >= 50 for c in cases)


@pytest.mark.parametrize("key", TARGET_KEYS)
def test_every_target_key_carries_a_payload_somewhere(cases, key):
    pattern = rf"(^|&){key}=[^&]*(passwd|%3Cscript|%3Csvg|%3Cimg|javascript)"
    assert any(re.search(pattern, c.query, re.I) for c in cases), key
