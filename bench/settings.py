"""What a benchmark run measures and with what: the pages, the targets, and the settings of a full or quick run."""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import ViewportSize

from components.pages import PAGES

PROJECT = Path(__file__).resolve().parent.parent
REFERENCE_SCRIPT = "bench/reference_app.py"
APP_SCRIPT = "app.py"
RESULTS = PROJECT / "bench" / "RESULTS.md"
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}
APP_PAGES = tuple(page.url_path for page in PAGES)
SCALING_PAGES = ("/matrix", "/timeline")
# also measured: at 100 briefs a matrix cell already fills its page of positions and the timeline draws counts, as at
# 1,000, so the step from 100 to 1,000 shows what grows with the corpus apart from pages filling up
SCALING_CONTROL = 100
FILTER_LABEL = "Issues"
FILTER_OPTION = "Ceasefire"
STARTUP_TIMEOUT_S = 90
REFERENCE_EVERY = 2  # app pages per reference visit in the pages phase

TARGETS = {
    "render": 1.0,  # every page <= 1.0x the reference's render
    "rerun": 1.5,  # filter-change rerun <= 1.5x the reference's
    "memory": 1.5,  # memory per extra session <= 1.5x the reference's
    "cold_load_s": 3.0,  # a start of 1,000 briefs from the cache (a restart, another replica) <= 3 s
    "first_start_s": 10.0,  # the first start ever of 1,000 briefs (caches empty), on 2 cores <= 10 s
    "edit_s": 1.0,  # one brief edited at 1,000 briefs: new frames, and the new title drawn in a real server, within 1 s
    "scaling": 1.2,  # warm rerun at the largest corpus <= 1.2x at one brief
}


@dataclass(frozen=True)
class Settings:
    quick: bool
    repeats: int  # fresh renders and reruns per page, and of the reference
    memory_rounds: int
    sessions: int  # K extra sessions for the memory measurement
    sizes: tuple[int, ...]  # corpus sizes for the cold load
    scaling_repeats: int
    settle_timeout_s: float
    big_settle_timeout_s: float  # first visit to a server with the largest corpus
    load_timeout_s: float  # one cold load in a subprocess
    seed: int
    out: Path
    pages: tuple[str, ...] = APP_PAGES

    @property
    def big(self) -> int:
        return max(self.sizes)


def settings_from(args: argparse.Namespace) -> Settings:
    quick = args.quick
    out = args.out or (Path(tempfile.gettempdir()) / "briefing-bench" / "RESULTS-quick.md" if quick else RESULTS)
    return Settings(
        quick=quick,
        repeats=args.repeats or (1 if quick else 5),
        memory_rounds=1 if quick else 5,
        sessions=args.sessions or (4 if quick else 10),
        sizes=(1, 10, 100) if quick else (1, 10, 100, 1000),
        # 9: with 5, the median rerun ratio of one page moved by 0.15–0.28 between runs of the same code
        scaling_repeats=1 if quick else 9,
        settle_timeout_s=120,
        big_settle_timeout_s=300,
        load_timeout_s=args.load_timeout,
        seed=args.seed,
        out=out,
        pages=tuple(args.page) if args.page else APP_PAGES,
    )
