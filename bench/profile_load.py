"""Where the cold load spends its time: cProfile of build_frames(load_corpus(...)) on a synthetic corpus.

    python -m bench.profile_load --n 1000 [--top 30]

Profiling slows the code down (pure-Python parsers most), so read the shares, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

from bench.synthetic import cached_corpus


def profile(root: Path, top: int) -> str:
    from briefing.frames import build_frames
    from briefing.load import Layout, load_corpus

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    frames = build_frames(load_corpus(layout=Layout(root)))
    profiler.disable()
    elapsed = time.perf_counter() - started
    out = io.StringIO()
    out.write(
        f"{len(frames.briefs)} briefs, {len(frames.positions)} positions, {len(frames.evidence)} evidence spans: "
        f"{elapsed:.1f} s under the profiler\n"
    )
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_load", description="Profile the cold load of n briefs.")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    print(profile(cached_corpus(args.n, args.seed), args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
