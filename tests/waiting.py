"""Waiting for a condition in a test, instead of sleeping for as long as it usually takes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")


def wait_for(check: Callable[[], T], *, timeout_s: float, what: str, interval_s: float = 0.05) -> T:
    """Call ``check`` until it returns something truthy, and return that; fail the test, naming ``what`` and the last
    result, if it has not within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() >= deadline:
            pytest.fail(f"{what}: not within {timeout_s:g} s (last seen: {result!r})", pytrace=False)
        time.sleep(interval_s)  # between checks
