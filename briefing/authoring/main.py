"""The command-line entries of `new` and `fill`."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.authoring.base import AuthoringError
from briefing.authoring.check import check_files, ok_line
from briefing.authoring.fill import fill_file
from briefing.authoring.new import new_brief
from briefing.authoring.prefix import collision_lines
from briefing.load import Layout


def new_main(
    source: Path, brief_id: str, title: str, published: str, layout: Layout, seed_id: str | None = None, seed_file: str | None = None
) -> int:
    try:
        done = new_brief(source, brief_id, title, published, layout, seed_id=seed_id, seed_file=seed_file)
    except AuthoringError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    for line in collision_lines(brief_id, layout):
        print(line)
    brief = layout.display(layout.briefs / f"{brief_id}.yaml")
    print(f"next: write records in {brief} with quotes only, then run: python -m briefing fill {brief}")
    return 0


def fill_main(paths: list[Path], layout: Layout, check: bool = False, compiled: Path | None = None) -> int:
    status = 0
    settled = []
    for path in paths:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            status = 1
            continue
        result = fill_file(path, layout, check=check)
        for change in result.changes:
            print(change.describe(result.name, "would set" if check else "set"))
        for problem in result.problems:
            print(problem)
        if result.changes and check:
            print(f"{result.name}: {len(result.changes)} change(s) to make; run fill without --check to write them", file=sys.stderr)
        elif result.written:
            print(f"{result.name}: filled {len(result.changes)} evidence span(s) and seed(s)", file=sys.stderr)
        elif not result.changes and not result.problems:
            print(f"{result.name}: nothing to fill", file=sys.stderr)
        if result.problems or (check and result.changes):
            status = 1
        else:
            settled.append(path)
    if check or not settled:
        return status
    # what fill cannot judge (taxonomy ids, dates, ids used by other briefs) is the validator's
    corpus, _skipped = check_files(settled, layout, compiled=compiled)
    for problem in corpus.problems:
        print(problem)
    for brief in corpus.briefs:
        print(ok_line(corpus, brief))
        for line in collision_lines(brief.id, layout, compiled=compiled):
            print(line)
    return 1 if corpus.problems else status
