"""Broken data beside the real briefs: every page still serves the intact briefs and names each broken file.

A copy of the project's data/ and seeds/ gets one corrupt brief per class: the real brief cut in half, binary junk,
a 50 MB file, the real brief in UTF-16, a brief in latin-1 with non-ASCII characters, a billion-laughs alias bomb,
references to a party, issue, speaker and seed that do not exist, seeds that are missing or outside seeds/, and
evidence offsets past the end of the seed. The corrupt files are named `zz-*` so that they sort after the real
briefs: a brief whose ids clash with an earlier one is the one refused.

The folder is built by tests/support/broken_data.py, shared with tests/browser/test_broken_data.py, which serves the
same folder from a real server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from components.history import HISTORY_KEY
from tests.app.helpers import PAGES, PROJECT, drawings, html_bodies, matrix_grid, run_page
from tests.support.broken_data import BROKEN, TITLES, WRONG_DIAGNOSIS, Broken, fingerprints, missing_problems, problem_lines

VALIDATE_SECONDS = 20
VALIDATE_MAX_RSS = 1024 * 1024 * 1024


@dataclass
class Validated:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_bytes: int


def run_validate(root: Path, tmp_path: Path) -> Validated:
    """`python -m briefing validate` on root, timed, with the peak RSS of that one child (os.wait4)."""
    env = {**os.environ, "BRIEFING_ROOT": str(root)}
    out, err = tmp_path / "validate.out", tmp_path / "validate.err"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "briefing", "validate"], cwd=PROJECT, env=env, stdout=stdout, stderr=stderr)
        deadline = started + 120
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                pytest.fail("python -m briefing validate did not finish within 120 s")
            time.sleep(0.05)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux
    return Validated(
        process.returncode,
        out.read_text(encoding="utf-8"),
        err.read_text(encoding="utf-8"),
        seconds,
        usage.ru_maxrss * 1024 if sys.platform != "darwin" else usage.ru_maxrss,
    )


def _param(broken: Broken):
    marks = (
        [pytest.mark.xfail(strict=True, reason="UTF-16 is reported as binary data, not as the wrong encoding")]
        if broken.name in WRONG_DIAGNOSIS
        else []
    )
    return pytest.param(broken, id=broken.name.removeprefix("zz-").removesuffix(".yaml"), marks=marks)


BROKEN_PARAMS = [_param(b) for b in BROKEN]


@pytest.fixture(autouse=True)
def _on_broken_root(broken_root, before, monkeypatch):
    monkeypatch.setenv("BRIEFING_ROOT", str(broken_root))


@pytest.fixture(scope="module")
def pages(broken_root, before):
    """Every page, run once with the broken data."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_ROOT", str(broken_root))
        return {page: run_page(page) for page in PAGES}


def _problems_shown(app) -> list[str]:
    return [line for block in app.code for line in block.value.splitlines()]


class TestApp:
    @pytest.mark.parametrize("page", list(PAGES))
    def test_every_page_starts_and_shows_the_banner(self, pages, page):
        app = pages[page]
        assert not app.exception, [e.value for e in app.exception]
        assert app.title, "the page drew its title"
        banners = [e.value for e in app.error]
        assert any(f"{len(BROKEN)} data file(s) failed validation" in text for text in banners), banners
        assert any("Problems in data/briefs/zz-" in e.label for e in app.expander)

    @pytest.mark.parametrize("broken", BROKEN_PARAMS)
    def test_the_banner_names_the_file_and_the_problem(self, pages, broken):
        for page, app in pages.items():
            lines = _problems_shown(app)
            assert problem_lines(lines, broken), f"{page}: {broken.name} is not named: {lines}"
            assert not missing_problems(lines, broken), (page, missing_problems(lines, broken), problem_lines(lines, broken))

    def test_the_overview_still_shows_both_real_briefs(self, pages):
        text = " ".join(m.value for m in pages["overview"].markdown)
        for title in TITLES:
            assert title in text
        assert "No brief could be loaded" not in " ".join(e.value for e in pages["overview"].error)

    def test_the_matrix_still_has_russia_against_the_ceasefire(self):
        app = run_page("matrix", cell="russia:ceasefire")
        assert not app.exception
        issues, parties, _cells = matrix_grid(app)
        assert "Russia" in parties and "ceasefire" in issues
        assert app.selectbox(key="matrix_cell").value == "russia:ceasefire"
        app.session_state[HISTORY_KEY] = True  # the cell's stance history, opened
        text = " ".join(m.value for m in app.run().markdown)
        assert "Stated by the party" in text

    def test_the_other_views_still_show_the_real_data(self, pages):
        assert drawings(pages["timeline"]), "the timeline draws its events"
        assert any(h.value == "Poland" for h in pages["regional"].header)
        assert sum(body.count("<mark") for body in html_bodies(pages["sources"])) > 0
        assert not pages["negotiation"].exception

    def test_nothing_in_data_or_seeds_was_modified(self, pages, broken_root, before):
        run_page("overview")  # and once more, on a warm cache
        assert fingerprints(broken_root) == before


@pytest.fixture(scope="module")
def validated(broken_root, before, tmp_path_factory) -> Validated:
    return run_validate(broken_root, tmp_path_factory.mktemp("validate"))


class TestValidate:
    def test_validate_exits_1_and_keeps_the_real_briefs(self, validated):
        assert validated.returncode == 1, validated.stderr
        assert "2 brief(s) valid" in validated.stderr

    @pytest.mark.parametrize("broken", BROKEN_PARAMS)
    def test_validate_names_the_file_and_the_problem(self, validated, broken):
        lines = validated.stdout.splitlines()
        assert problem_lines(lines, broken), f"{broken.name} is not named:\n{validated.stdout}"
        assert not missing_problems(lines, broken), (missing_problems(lines, broken), problem_lines(lines, broken))

    def test_every_problem_line_names_a_broken_file(self, validated):
        names = tuple(f"data/briefs/{b.name}:" for b in BROKEN)  # then a space, or the line and column
        assert all(line.startswith(names) for line in validated.stdout.splitlines()), validated.stdout

    def test_validate_is_bounded_in_time_and_memory(self, validated):
        print(f"\nvalidate: {validated.seconds:.1f} s, peak RSS {validated.max_rss_bytes / 2**20:.0f} MiB")
        assert validated.seconds < VALIDATE_SECONDS
        assert validated.max_rss_bytes < VALIDATE_MAX_RSS

    def test_validate_modifies_nothing(self, validated, broken_root, before):
        assert fingerprints(broken_root) == before
