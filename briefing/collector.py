"""Pausing the cyclic garbage collector through a load.

Compiling a brief allocates a few thousand short-lived objects (YAML nodes, validated models), and building the
frames a few hundred thousand that live on. Each allocation burst triggers the collector, which then walks every
object still alive: at 1,000 briefs that was about half of a first start's CPU (10 of 22 ms a brief in a worker;
3.1 → 1.8 s to build the frames). What a load leaves behind has no cycles to speak of, so reference counting frees
it; the collector resumes when the outermost pause ends, in whatever state it was in before.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_LOCK = threading.Lock()
_paused = {"depth": 0, "was_enabled": False}


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off while the block runs (nested and threaded pauses end with the outermost one)."""
    with _LOCK:
        if _paused["depth"] == 0:
            _paused["was_enabled"] = gc.isenabled()
            gc.disable()
        _paused["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _paused["depth"] -= 1
            if _paused["depth"] == 0 and _paused["was_enabled"]:
                gc.enable()
