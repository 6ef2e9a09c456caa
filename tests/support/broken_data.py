"""A copy of the test corpus with one corrupt brief per class beside the real ones (see tests/app/test_broken_data.py),
the problems the loader must report for each, and sha256 fingerprints of the folder to prove nothing was written."""

from __future__ import annotations

import copy
import hashlib
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import CORPUS

REAL_BRIEF = "lavrov-red-line-2026-01.yaml"
SMALL_BRIEF = "energy-truce-follow-up-2026-02.yaml"
SMALL_SEED = "energy-truce-follow-up-2026-02-06.txt"
TITLES = ("Lavrov Draws the Red Line", "Revisiting the Energy Truce")
HUGE_BYTES = 50 * 1024 * 1024


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
