"""The one rule for finding Chromium (briefing/chromium.py), branch by branch, on machines described by a PATH and a
stand-in for Python that answers as Playwright's driver would: no browser is launched."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from briefing.chromium import BROWSER_ENV, CHROMIUM_MISSING, NoBrowser, chromium, debian_chromium, playwright_chromium, search_path

PROJECT = Path(__file__).resolve().parents[2]


def executable(path: Path, body: str = "exit 0") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def bare(tmp_path: Path) -> str:
    """A PATH with no browser on it."""
    (tmp_path / "bare").mkdir()
    return str(tmp_path / "bare")


@pytest.fixture
def no_playwright(tmp_path: Path) -> str:
    """A Python whose Playwright has no Chromium: the driver's question fails."""
    return str(executable(tmp_path / "python-without", "exit 1"))


class TestFound:
    def test_browser_path_comes_first(self, tmp_path, bare, no_playwright):
        chosen = executable(tmp_path / "chrome" / "google-chrome")
        executable(tmp_path / "debian" / "chromium")
        environ = {BROWSER_ENV: str(chosen)}
        assert chromium(environ, path=str(tmp_path / "debian"), python=no_playwright) == str(chosen)

    def test_then_a_chromium_on_the_path(self, tmp_path, no_playwright):
        found = executable(tmp_path / "debian" / "chromium")
        assert chromium({}, path=str(tmp_path / "debian"), python=no_playwright) == str(found)

    def test_then_playwrights_own(self, tmp_path, bare):
        browser = executable(tmp_path / "ms-playwright" / "chrome-linux" / "chrome")
        python = executable(tmp_path / "python-with", f"echo some warning; echo {browser}")
        assert chromium({}, path=bare, python=str(python)) == str(browser)

    def test_debian_is_looked_for_in_usr_bin_before_the_rest_of_the_path(self):
        assert search_path("/usr/bin").split(":")[0] == "/usr/bin"


class TestNotFound:
    def test_neither_says_what_to_install(self, bare, no_playwright):
        with pytest.raises(NoBrowser, match=re.escape(CHROMIUM_MISSING)):
            chromium({}, path=bare, python=no_playwright)
        assert "apt-get install chromium" in CHROMIUM_MISSING and "playwright install chromium" in CHROMIUM_MISSING

    def test_a_browser_path_that_is_not_a_program_is_named(self, tmp_path, bare, no_playwright):
        with pytest.raises(NoBrowser, match=re.escape(f"{BROWSER_ENV}='{tmp_path}/none' is not an executable browser")):
            chromium({BROWSER_ENV: f"{tmp_path}/none"}, path=bare, python=no_playwright)

    def test_a_chromium_file_that_cannot_run_is_not_found(self, tmp_path):
        (tmp_path / "chromium").write_text("not a program", encoding="utf-8")
        assert debian_chromium(str(tmp_path)) is None

    def test_playwright_naming_a_browser_that_is_not_there_is_no_browser(self, tmp_path):
        python = executable(tmp_path / "python-stale", f"echo {tmp_path}/gone/chrome")
        assert playwright_chromium(str(python)) is None

    def test_a_python_that_cannot_be_started_is_no_browser(self, tmp_path):
        assert playwright_chromium(str(tmp_path / "no-python")) is None


def test_nothing_else_looks_for_a_browser_by_itself():
    """Every launch and every search goes through briefing/chromium.py (or the harness, which asks it)."""
    own = re.compile(r"which\(\s*[\"'](chrom|google-chrome)|executable_path=(?!chromium\(\))")
    offenders = [
        str(module.relative_to(PROJECT))
        for folder in ("briefing", "components", "pages", "scripts", "bench", "tests")
        for module in (PROJECT / folder).rglob("*.py")
        if module not in (PROJECT / "briefing" / "chromium.py", Path(__file__)) and own.search(module.read_text(encoding="utf-8"))
    ]
    assert offenders == []
