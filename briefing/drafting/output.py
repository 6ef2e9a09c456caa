"""`draft`: read a source text, propose records, and print or write them as a draft (YAML) or a list (JSON).

The YAML is a drafts file, not a brief: its first line says so, it has `draft: true` and no brief id, and
``draft`` refuses to write into data/briefs/, so nothing proposed can reach a reader before an analyst copies it
into a brief (where `fill` and `validate --strict` check it like any record).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import yaml

from briefing.authoring.base import AuthoringError
from briefing.authoring.new import read_source
from briefing.authoring.prefix import suggest_prefix
from briefing.drafting.naming import missing_names
from briefing.drafting.propose import Proposal, propose
from briefing.drafting.records import as_record, record_ids
from briefing.load import Layout, LoadError, load_corpus, load_taxonomy, seed_path
from briefing.schema import Taxonomy

HEADER = (
    "# DRAFT: proposals from `python -m briefing draft`, not data. Nothing here is shown to readers.\n"
    "# Copy a proposal into a brief only after reading its quote: check party, issue, stance, claim type,\n"
    "# confidence and date against the text (docs/adding-a-brief.md); paste its `record` into the brief and\n"
    "# write every null field (summary, title, status, direction…); then run `python -m briefing fill` and\n"
    "# `python -m briefing validate --strict` on the brief.\n"
)


def _published(layout: Layout, brief_id: str | None) -> dt.date | None:
    """The publication date of the named brief, which gives a year to dates written without one."""
    if brief_id is None:
        return None
    brief = next((brief for brief in load_corpus(layout=layout).briefs if brief.id == brief_id), None)
    if brief is None:
        raise AuthoringError(f"no brief {brief_id!r} loads from {layout.display(layout.briefs)} (python -m briefing validate says why)")
    return brief.published


def _source(layout: Layout, seed: str) -> Path:
    """The file given by path, else the seed file of that name in seeds/ (found by the loader's one rule)."""
    path = Path(seed)
    if path.is_file():
        return path
    try:
        return seed_path(layout, seed)
    except LoadError:
        raise AuthoringError(f"{seed}: no such file, nor a file of that name in {layout.display(layout.seeds)}") from None


def draft_yaml(source: str, proposals: list[Proposal], names: list[tuple[str, int]], taxonomy: Taxonomy, prefix: str = "") -> str:
    """The drafts file: each proposal with, under ``record``, the record to paste once it is read and completed."""
    ids = record_ids(proposals, prefix)
    document = {
        "draft": True,
        "source": source,
        "proposals": [proposal.as_dict() | {"record": as_record(proposal, taxonomy, ids[n])} for n, proposal in enumerate(proposals)],
        "names_not_in_taxonomy": [{"name": name, "count": count} for name, count in names],
    }
    return HEADER + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120)


def draft_json(proposals: list[Proposal]) -> str:
    return json.dumps([proposal.as_dict() for proposal in proposals], ensure_ascii=False, indent=2) + "\n"


def draft_main(seed: str, layout: Layout, brief_id: str | None = None, kind: str = "yaml", out: Path | None = None) -> int:
    try:
        path = _source(layout, seed)
        text = read_source(path).decode("utf-8")
        published = _published(layout, brief_id)
        if out is not None and out.resolve().parent == layout.briefs.resolve():
            raise AuthoringError(f"{out}: a draft is not a brief; write it outside {layout.display(layout.briefs)}")
    except AuthoringError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    taxonomy, problems = load_taxonomy(layout)
    if taxonomy is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    proposals = propose(text, taxonomy, published)
    names = missing_names(text, taxonomy)
    prefix = f"{suggest_prefix(brief_id, set())}-" if brief_id else ""
    body = draft_json(proposals) if kind == "json" else draft_yaml(path.name, proposals, names, taxonomy, prefix)
    if out is None:
        sys.stdout.write(body)
    else:
        out.write_text(body, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    counts = {k: sum(p.kind == k for p in proposals) for k in ("position", "event", "impact")}
    print(
        f"{path.name}: {len(proposals)} proposal(s) ({', '.join(f'{n} {k}s' for k, n in counts.items())}); "
        f"{len(names)} name(s) not in the taxonomy" + (": " + ", ".join(f"{n} ({c})" for n, c in names[:8]) if names else ""),
        file=sys.stderr,
    )
    return 0
