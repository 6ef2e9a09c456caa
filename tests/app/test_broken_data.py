"""Broken data beside the real briefs: every page still serves the intact briefs and names each broken file.

A copy of the project's data/ and seeds/ gets one corrupt brief per class: the real brief cut in half, binary junk,
a 50 MB file, the real brief in UTF-16, a brief in latin-1 with non-ASCII characters, a billion-laughs alias bomb,
references to a party, issue, speaker and seed that do not exist, seeds that are missing or outside seeds/, and
evidence offsets past the end of the seed. The corrupt files are named `zz-*` so that they sort after the real
briefs: a brief whose ids clash with an earlier one is the one refused.

`build_broken_root` is shared with tests/browser/test_broken_data.py, which serves the same folder from a real server.
"""

from __future__ import annotations

import copy
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.app.helpers import PAGES, PROJECT, html_bodies, matrix_grid, plotly_specs, run_page
from tests.conftest import CORPUS

REAL_BRIEF = "lavrov-red-line-2026-01.yaml"
SMALL_BRIEF = "energy-truce-follow-up-2026-02.yaml"
SMALL_SEED = "energy-truce-follow-up-2026-02-06.txt"
TITLES = ("Lavrov Draws the Red Line", "Revisiting the Energy Truce")
HUGE_BYTES = 50 * 1024 * 1024
VALIDATE_SECONDS = 20
VALIDATE_MAX_RSS = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Broken:
    """One corrupt file and the problems the loader must report for it (regular expressions, one per problem)."""

    name: str
    kind: str
    expected: tuple[str, ...]


AT = r":\d+:\d+"  # the line and column of the node at fault
RECORD = r" \([a-z0-9-]+\)"  # the id of its record
BROKEN = (
    Broken("zz-truncated.yaml", "truncated YAML", (r"^: invalid YAML at line \d+, column \d+: .+",)),
    Broken("zz-binary.yaml", "binary junk", (r"^: file contains NUL bytes: binary data, not YAML$",)),
    Broken("zz-huge.yaml", "50 MB file", (r"^: file is 5\d,\d{3},\d{3} bytes; the limit for a brief is 2,000,000$",)),
    Broken("zz-utf16.yaml", "UTF-16", (r"^: .*UTF-16.*UTF-8",)),
    Broken("zz-latin1.yaml", "latin-1", (r"^: file is not UTF-8 text \(.*byte \d+\); save it as UTF-8$",)),
    Broken("zz-alias-bomb.yaml", "alias bomb", (r"^: document expands to more than 200,000 nodes \(YAML alias bomb\?\)$",)),
    Broken(
        "zz-references.yaml",
        "missing references",
        (
            rf"^{AT}: positions\[0\]\.party{RECORD}: unknown party id\(s\): atlantis$",
            rf"^{AT}: positions\[1\]\.issue{RECORD}: unknown issue id\(s\): zz-no-such-issue$",
            rf"^{AT}: positions\[2\]\.speaker{RECORD}: unknown speaker id\(s\): nobody-speaks$",
            rf"^{AT}: judgments\[0\]\.evidence\[0\]\.seed{RECORD}: unknown seed 'no-such-seed' \(declare it under seeds:\)",
        ),
    ),
    Broken(
        "zz-missing-seeds.yaml",
        "missing seed files",
        (
            rf"^{AT}: seeds\[1\] \(zz-gone\): seed file seeds/zz-gone\.txt is missing$",
            rf"^{AT}: seeds\[2\](\.file)? \(zz-passwd\): seed file '\.\./\.\./etc/passwd' "
            r"(is outside seeds/|must be a plain file name inside seeds/)$",
        ),
    ),
    Broken(
        "zz-offsets.yaml",
        "offsets past the end",
        (
            rf"^{AT}: positions\[0\]\.evidence\[0\]{RECORD}: span 1540-1590 runs past the end of seed 'energy-truce-follow-up' "
            r"\(1530 characters\); the quote occurs at \d+-\d+$",
            rf"^{AT}: positions\[0\]\.evidence\[1\]{RECORD}: span \d+-2030 runs past the end of seed 'energy-truce-follow-up'",
        ),
    ),
)
# The loader reads UTF-16 as "binary data" (it finds NUL bytes first) instead of naming the encoding.
WRONG_DIAGNOSIS: set[str] = set()  # classes the loader misdiagnoses; empty since UTF-16 is named as such


def _renamed(document: dict, prefix: str) -> dict:
    """A copy of a brief whose brief, record and evidence ids all start with prefix (seed ids stay: seeds are shared)."""
    document = copy.deepcopy(document)

    def walk(node, in_seeds: bool = False) -> None:
        if isinstance(node, dict):
            if "id" in node and not in_seeds:
                node["id"] = f"{prefix}-{node['id']}"
            for key, value in node.items():
                walk(value, in_seeds or key == "seeds")
        elif isinstance(node, list):
            for value in node:
                walk(value, in_seeds)

    walk(document)
    return document


def _alias_bomb() -> str:
    """Billion laughs: nine levels of nine aliases, 9**9 strings once expanded."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 9)}]")
    return "\n".join([*lines, "id: alias-bomb", "title: Billion laughs", "seeds: *lol9", ""])


def build_broken_root(root: Path) -> Path:
    """Copy the test corpus's data/ and seeds/ to root and add every file of BROKEN to root/data/briefs."""
    shutil.copytree(CORPUS / "data", root / "data")
    shutil.copytree(CORPUS / "seeds", root / "seeds")
    briefs = root / "data" / "briefs"
    real = (briefs / REAL_BRIEF).read_text(encoding="utf-8")
    small_text = (briefs / SMALL_BRIEF).read_text(encoding="utf-8")
    small = yaml.safe_load(small_text)
    rng = random.Random(20260130)

    (briefs / "zz-truncated.yaml").write_text(real[: len(real) // 2], encoding="utf-8")
    junk = bytearray(rng.randbytes(64 * 1024))
    junk[100:104] = b"\x00\x00\x00\x00"
    (briefs / "zz-binary.yaml").write_bytes(bytes(junk))
    with (briefs / "zz-huge.yaml").open("wb") as out:
        line = b"# " + b"padding " * 12 + b"\n"
        out.write(small_text.encode("utf-8"))
        out.write(line * (HUGE_BYTES // len(line) + 1))
    (briefs / "zz-utf16.yaml").write_bytes(real.encode("utf-16"))
    latin1 = small_text.replace("Revisiting the Energy Truce", "Révisiting the Énergy Truce, naïvely")
    (briefs / "zz-latin1.yaml").write_bytes(latin1.encode("latin-1"))
    (briefs / "zz-alias-bomb.yaml").write_text(_alias_bomb(), encoding="utf-8")

    references = _renamed(small, "zz-refs")
    positions = references["positions"]
    positions[0]["party"] = "atlantis"
    positions[1]["issue"] = "zz-no-such-issue"
    positions[2].update(claim_type="stated", speaker="nobody-speaks")
    references["judgments"][0]["evidence"][0]["seed"] = "no-such-seed"
    _dump(briefs / "zz-references.yaml", references)

    missing = _renamed(small, "zz-missing")
    missing["seeds"] += [
        {"id": "zz-gone", "file": "zz-gone.txt", "sha256": "0" * 64},
        {"id": "zz-passwd", "file": "../../etc/passwd", "sha256": "0" * 64},
    ]
    _dump(briefs / "zz-missing-seeds.yaml", missing)

    offsets = _renamed(small, "zz-offsets")
    seed_length = len((root / "seeds" / SMALL_SEED).read_bytes().decode("utf-8"))
    assert seed_length == 1530, "the expected messages count the seed's characters"
    evidence = offsets["positions"][0]["evidence"]
    evidence[0].update(start=seed_length + 10, end=seed_length + 60)
    evidence[1].update(end=seed_length + 500)
    _dump(briefs / "zz-offsets.yaml", offsets)

    assert sorted(p.name for p in briefs.iterdir()) == sorted([REAL_BRIEF, SMALL_BRIEF, *(b.name for b in BROKEN)])
    return root


def _dump(path: Path, document: dict) -> None:
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def fingerprints(root: Path) -> dict[str, str]:
    """sha256 of every file under data/ and seeds/, by relative path."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in (root / "data", root / "seeds")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def problem_lines(lines: list[str], broken: Broken) -> list[str]:
    """The part after the file name of every problem line about this file."""
    prefix = f"data/briefs/{broken.name}"
    return [line[len(prefix) :] for line in lines if line.startswith(prefix + ":")]


def missing_problems(lines: list[str], broken: Broken) -> list[str]:
    """The expected problems of this file that no line reports."""
    found = problem_lines(lines, broken)
    return [pattern for pattern in broken.expected if not any(re.search(pattern, line) for line in found)]


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
        text = " ".join(m.value for m in app.markdown)
        assert "Stated by the party" in text

    def test_the_other_views_still_show_the_real_data(self, pages):
        assert plotly_specs(pages["timeline"]), "the timeline draws its events"
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
