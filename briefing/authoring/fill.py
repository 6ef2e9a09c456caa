"""`fill`: offsets, evidence ids, seed ids and sha256 worked out from the quotes and written into the brief."""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path

import yaml

from briefing.atomic import write_atomic
from briefing.authoring.base import EVIDENCE_KEYS, SEED_KEYS
from briefing.authoring.result import Change, FillResult
from briefing.authoring.spans import _read_seed, _Span, _spans, evidence_id
from briefing.authoring.splice import _quoted, _Splicer
from briefing.load import Layout, LoadError, Problem, parse_yaml, read_bounded
from briefing.locate import closest, nearest, occurrences, snippet
from briefing.messages import node_marks, place
from briefing.schema import RECORD_FIELDS


def fill_file(path: Path, layout: Layout, check: bool = False) -> FillResult:
    """Fill offsets, evidence ids, seed ids and sha256 in one brief; write it (unless ``check``) if anything changed.

    The fixes fill is sure of are written even when other problems remain (they are reported): each one only
    replaces a missing or wrong value with one checked against the seed, so the file is never worse than before.
    """
    result = _fill(path, layout, check)
    try:
        text = path.read_text(encoding="utf-8")
        result.problems = place(result.problems, text, parse_yaml(text.encode("utf-8")))
    except (OSError, UnicodeDecodeError, LoadError):
        pass
    return result


def _fill(path: Path, layout: Layout, check: bool) -> FillResult:
    name = layout.display(path)
    result = FillResult(path, name)

    def problem(location: str, message: str, record: str | None = None) -> None:
        result.problems.append(Problem(name, location, message, record=record))

    try:
        raw = read_bounded(path)
        document = parse_yaml(raw)
    except LoadError as error:
        problem("", str(error))
        return result
    if not isinstance(document, dict):
        problem("", f"a brief is a YAML mapping, not {type(document).__name__}")
        return result
    text = raw.decode("utf-8")
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    if root is None:  # parse_yaml read a mapping from this text, so it has a root node
        raise AssertionError("a parsed mapping has no root node")
    splicer = _Splicer(text, root)
    expected = copy.deepcopy(document)  # the same edits applied to the parsed document: what the new text must parse to
    changes: list[Change] = []

    def change(location: str, record: str | None, node_path: tuple, values: dict, order: tuple[str, ...]) -> None:
        target = expected
        for step in node_path:
            target = target[step]
        for key, value in values.items():
            try:
                splicer.set(node_path, key, value, order)
            except ValueError as error:  # left as it is: the other values still go in
                problem(location, f"fill cannot write {key}: {value} here ({error}); write it by hand", record)
                continue
            target[key] = value
        changes.append(Change(location, record, values))

    seeds = document.get("seeds")
    texts: dict[str, str] = {}
    if not isinstance(seeds, list) or not seeds:
        problem("seeds", "a brief declares at least one seed (id, file, sha256)")
        seeds = []
    for index, seed in enumerate(seeds):
        if not isinstance(seed, dict) or not isinstance(seed.get("id"), str):
            problem(f"seeds[{index}]", "a seed has an id, a file and a sha256")
            continue
        seed_raw, reason = _read_seed(layout, seed.get("file"))
        if seed_raw is None:
            problem(f"seeds[{index}]", reason or "the seed cannot be read", seed["id"])
            continue
        digest = hashlib.sha256(seed_raw).hexdigest()
        if seed.get("sha256") is None:
            change(f"seeds[{index}]", seed["id"], ("seeds", index), {"sha256": digest}, SEED_KEYS)
        elif seed["sha256"] != digest:
            # never "fixed": a changed seed can move every quote, and the sha256 is what says so
            problem(
                f"seeds[{index}]",
                f"seed file seeds/{seed['file']} has sha256 {digest}, but the brief expects "
                f"{seed['sha256']}; if the new text is meant, delete the sha256 line and run fill again",
                seed["id"],
            )
            continue
        try:
            texts[seed["id"]] = seed_raw.decode("utf-8")
        except UnicodeDecodeError:
            problem(f"seeds[{index}]", f"seed file seeds/{seed['file']} is not UTF-8 text", seed["id"])
    declared = [s["id"] for s in seeds if isinstance(s, dict) and isinstance(s.get("id"), str)]
    only_seed = declared[0] if len(declared) == 1 else None

    spans = list(_spans(document))
    used = {s.span["id"] for s in spans if isinstance(s.span.get("id"), str)}
    used |= {r.get("id") for f in RECORD_FIELDS for r in (document.get(f) or []) if isinstance(r, dict)} - {None}
    resolved: dict[str, list[int]] = {}  # record location: starts of its spans that are settled, to place the others
    pending: list[_Span] = []
    for item in spans:
        span = item.span
        quote = span.get("quote")
        if not isinstance(quote, str) or not quote:
            problem(item.location, 'evidence has no quote: write the source\'s exact words as quote: "…"', item.record)
            continue
        seed = span.get("seed", only_seed)
        if seed is None:
            problem(
                item.location,
                f"evidence names no seed, and the brief declares {len(declared)}: add seed: with one of {', '.join(declared)}",
                item.record,
            )
            continue
        if seed not in texts:
            if seed not in declared:
                problem(item.location, f"unknown seed {seed!r} (declare it under seeds:)", item.record)
            continue  # a declared seed that cannot be read is reported once, above
        seed_text = texts[seed]
        item.quote, item.seed, item.starts = quote, seed, occurrences(seed_text, quote)
        start, end = span.get("start"), span.get("end")
        record_key = item.location.split(".")[0]
        if isinstance(start, int) and isinstance(end, int) and seed_text[start:end] == quote and start >= 0:
            resolved.setdefault(record_key, []).append(start)
        elif len(item.starts) == 1:
            resolved.setdefault(record_key, []).append(item.starts[0])
        pending.append(item)

    for item in pending:
        if item.seed is None or item.quote is None:  # only spans with a seed and a quote are pending
            continue
        span, seed_text = item.span, texts[item.seed]
        start, end = span.get("start"), span.get("end")
        values: dict[str, object] = {}
        if not (isinstance(start, int) and isinstance(end, int) and start >= 0 and seed_text[start:end] == item.quote):
            record_key = item.location.split(".")[0]
            chosen = item.starts[0] if len(item.starts) == 1 else nearest(item.starts, resolved.get(record_key, []))
            if chosen is not None:
                values |= {"start": chosen, "end": chosen + len(item.quote)}
            elif item.starts:
                places = "; ".join(f"{s}-{s + len(item.quote)}: {snippet(seed_text, s, s + len(item.quote))}" for s in item.starts[:10])
                problem(
                    item.location,
                    f"the quote occurs {len(item.starts)} times in seed {item.seed!r} and nothing in the "
                    f"record tells them apart: lengthen the quote until it is unique, or write start: and end: for the one "
                    f"you mean ({places})",
                    item.record,
                )
            elif (found := closest(seed_text, item.quote)) is None:
                problem(item.location, f"the quote is not in seed {item.seed!r}, and no passage of it resembles the quote", item.record)
            else:
                # a suggestion only: the analyst decides whether the seed's wording is what the record means
                advice = "if that is the passage you mean, copy it into the quote" if found.near else "compare the two"
                problem(
                    item.location,
                    f"the quote is not in seed {item.seed!r}; {found.describe(seed_text, item.quote, passage=False)}; "
                    f"{advice}: quote: {_quoted(seed_text[found.start : found.end])}",
                    item.record,
                )
        if span.get("id") is None:
            if item.record is None:
                problem(item.location, "the record has no id, so fill cannot name its evidence: give the record an id")
            else:
                values = {"id": evidence_id(item.record, item.group, used), **values}
                used.add(values["id"])
        if span.get("seed") is None and only_seed is not None:
            values = {**({"id": values.pop("id")} if "id" in values else {}), "seed": only_seed, **values}
        if values:
            change(item.location, item.record, item.node_path, values, EVIDENCE_KEYS)

    if not changes:
        return result
    new_text = splicer.result()
    try:
        same = parse_yaml(new_text.encode("utf-8")) == expected
    except LoadError:
        same = False
    result.changes = changes
    if not same:
        problem(
            "",
            "fill could not place its edits in this file's layout without changing anything else, so it wrote "
            "nothing; fill in the values listed above by hand",
        )
    elif not check:
        write_atomic(path, new_text)
        result.written = True
    marks = node_marks(new_text if result.written else text)  # lines as in the file the analyst now has
    for placed in changes:
        node_path = tuple(int(step) if step.isdigit() else step for step in re.findall(r"\w+", placed.location))
        placed.line, placed.column = marks.get(node_path, (None, None))
    return result
