"""Writing briefs: ``new`` starts one from a source text, ``fill`` completes the evidence an analyst wrote as quotes.

These are the only commands that write to data/ and seeds/. Every write is atomic, and ``fill`` changes a file
only where it is sure: offsets of quotes found in the seed, ids no other span uses, the seed id the brief
declares and the seed file's own sha256. Everything else it reports and leaves to the analyst.

``fill`` edits the text rather than re-emitting the document: a YAML dumper (ruamel.yaml's round trip included)
re-wraps long scalars, so an edit of one offset would rewrite lines nobody touched. Instead each value is
spliced in at the place the YAML parser reports for its node, and the result must parse to exactly the old
document plus those values, or nothing is written.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import re
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from briefing.atomic import write_atomic
from briefing.load import MAX_SEED_BYTES, Corpus, Layout, LoadError, Problem, load_corpus, load_taxonomy, parse_yaml, read_bounded
from briefing.locate import closest, nearest, occurrences, snippet
from briefing.messages import node_marks, parse_published, place
from briefing.schema import RECORD_FIELDS, Brief, Seed, Slug, Text

SLUG = TypeAdapter(Slug)
EVIDENCE_KEYS = ("id", "seed", "start", "end", "quote")  # the order fill writes them in
SEED_KEYS = ("id", "file", "sha256")


class AuthoringError(Exception):
    """A request that cannot be carried out as asked; the message says why and what to do."""


# --- new ----------------------------------------------------------------------------------------------------------


def _slug(value: str, what: str) -> str:
    try:
        return SLUG.validate_python(value)
    except ValidationError:
        raise AuthoringError(
            f"{what} {value!r} is not a slug: lowercase letters, digits and single hyphens, at most 80 characters "
            "(e.g. lavrov-red-line-2026-01)"
        ) from None


def read_source(source: Path) -> bytes:
    """The source text's bytes, if they are UTF-8 text a seed may hold."""
    if not source.is_file():
        raise AuthoringError(f"{source}: no such file")
    size = source.stat().st_size
    if size > MAX_SEED_BYTES:
        raise AuthoringError(f"{source} is {size:,} bytes; a seed may hold at most {MAX_SEED_BYTES:,}")
    raw = source.read_bytes()
    if not raw.strip():
        raise AuthoringError(f"{source} is empty")
    if b"\x00" in raw:
        raise AuthoringError(f"{source} contains NUL bytes: binary data (or UTF-16), not UTF-8 text")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise AuthoringError(f"{source} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        # a BOM would be character 0 of every offset, and invisible in every editor
        raise AuthoringError(f"{source} starts with a byte-order mark; save it as UTF-8 without one")
    return raw


def _comment_list(label: str, ids: list[str]) -> list[str]:
    return textwrap.wrap(", ".join(ids), width=110, initial_indent=f"# {label}: ", subsequent_indent="#   ",
                         break_on_hyphens=False)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def skeleton(brief_id: str, title: str, published: str, seed: Seed, layout: Layout) -> str:
    """A brief with its metadata and seed filled in and one commented example of each kind of record."""
    taxonomy, _problems = load_taxonomy(layout)
    parties = [p.id for p in taxonomy.parties] if taxonomy else []
    issues = [i.id for i in taxonomy.issues] if taxonomy else []
    speaking = next((p for p in taxonomy.parties if p.speakers), None) if taxonomy else None
    party = speaking.id if speaking else (parties[0] if parties else "<party id>")
    speaker = speaking.speakers[0].id if speaking else "<speaker id>"
    issue = issues[0] if issues else "<issue id>"
    region = next((p for p in ("poland", "baltic-states") if p in parties), party)
    known = [*_comment_list("Parties", parties), *_comment_list("Issues", issues)] if taxonomy else []
    lines = [
        f"# Brief on seeds/{seed.file}. Format: docs/brief-format.md; walkthrough: docs/adding-a-brief.md.",
        "#",
        "# Write each record's evidence as quotes only, copied word for word from the source text:",
        "#     evidence:",
        '#       - quote: "the exact words of the source"',
        f"# then run `python -m briefing fill data/briefs/{brief_id}.yaml`: it adds each quote's id, seed, start",
        "# and end, and says which quotes it cannot find. Ids in data/taxonomy.yaml:",
        *known,
        f"id: {brief_id}",
        f"title: {_quoted(title)}",
        f'published: "{published}"',
        "seeds:",
        f"  - id: {seed.id}",
        f"    file: {_plain(seed.file)}",
        f"    sha256: {seed.sha256}",
        "",
        "# Uncomment a block (remove the first '# ' of each line) and replace the example values.",
        "",
        "# positions:",
        "#   # What one party holds on one issue, according to one source of the claim.",
        f"#   - id: pos-{party}-{issue}-stated",
        f"#     party: {party}",
        f"#     issue: {issue}",
        "#     stance: firm-rejection         # firm-rejection, rejection, conditional, support, firm-support, ambiguous",
        "#     claim_type: stated             # stated (with speaker), reported (with reported_by), assessment",
        f"#     speaker: {speaker}",
        '#     date: "2026-01-29"             # EDTF, at the precision the text gives: "2026-01", "2022-21" (spring)',
        "#     confidence: high               # high, medium, low",
        "#     summary: >-",
        "#       The position in your words, with any caveat.",
        "#     evidence:",
        '#       - quote: "the exact words of the source"',
        "#     # red_line:",
        "#     #   text: What the party says it will not accept.",
        "#     #   evidence:",
        '#     #     - quote: "the exact words of the source"',
        "#     # acceptable_range:",
        "#     #   low: firm-rejection",
        "#     #   high: conditional",
        "#     #   note: What the text shows of the party's flexibility.",
        "#     #   evidence:",
        '#     #     - quote: "the exact words of the source"',
        "",
        "# events:",
        "#   # Something that happened, was proposed, reported or denied.",
        "#   - id: evt-short-name",
        '#     title: "A short, neutral title"',
        '#     date: "2026-01-29"             # or, if undated: date_note, and after/before bounds the text supports',
        f"#     parties: [{party}]",
        f"#     issues: [{issue}]".ljust(37) + "# leave out for background that concerns no single issue",
        "#     status: occurred               # occurred, proposed, reported, denied",
        "#     evidence:",
        '#       - quote: "the exact words of the source"',
        "",
        "# impacts:",
        "#   # The effect on one region's security, as the text sees it.",
        f"#   - id: imp-{region}-short-name",
        f"#     region: {region}",
        f"#     issues: [{issue}]",
        "#     direction: worsens            # worsens, improves, mixed, uncertain",
        "#     claim_type: assessment",
        "#     confidence: medium",
        "#     assessment: >-",
        "#       The impact in your words, with its conditions and hedges.",
        "#     evidence:",
        '#       - quote: "the exact words of the source"',
        "",
        "# judgments:",
        "#   # One of the author's bottom lines.",
        "#   - id: kj-short-name",
        '#     text: "The judgment, faithful to the author\'s wording and hedging."',
        f"#     issues: [{issue}]",
        "#     confidence: medium",
        "#     evidence:",
        '#       - quote: "the exact words of the source"',
        "",
    ]
    return "\n".join(lines)


def new_brief(source: Path, brief_id: str, title: str, published: str, layout: Layout,
              seed_id: str | None = None, seed_file: str | None = None) -> list[str]:
    """Copy the source into seeds/ and write a skeleton brief; returns what was done, one line each."""
    brief_id = _slug(brief_id, "brief id")
    seed_id = _slug(seed_id or brief_id, "seed id")
    try:
        published = parse_published(published).isoformat()
    except ValueError as error:
        raise AuthoringError(str(error)) from None
    try:
        title = TypeAdapter(Text).validate_python(title)
    except ValidationError:
        raise AuthoringError("a title is 1 to 2,000 characters: the source's title, exactly as published") from None
    raw = read_source(source)
    name = seed_file or source.name
    try:
        seed = Seed(id=seed_id, file=name, sha256=hashlib.sha256(raw).hexdigest())
    except ValidationError:
        raise AuthoringError(f"seed file name {name!r} must be a plain file name (no folders, no leading dot); "
                             "pass --seed-file NAME") from None
    brief_path = layout.briefs / f"{brief_id}.yaml"
    for existing in (brief_path, brief_path.with_suffix(".yml")):
        if existing.exists():
            raise AuthoringError(f"{layout.display(existing)} already exists; choose another --id or edit that brief")
    text = skeleton(brief_id, title, published, seed, layout)
    Brief.model_validate(parse_yaml(text.encode("utf-8")))  # a template that does not load would be a bug here, not the user's
    done = []
    seed_path = layout.seeds / name
    layout.seeds.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(seed_path, raw, overwrite=False)
        done.append(f"copied {source} to {layout.display(seed_path)} ({len(raw):,} bytes, sha256 {seed.sha256})")
    except FileExistsError:
        if seed_path.read_bytes() != raw:
            raise AuthoringError(f"{layout.display(seed_path)} already exists with different text; never replace a seed "
                                 "a brief may cite: pass --seed-file NAME to store this text under another name") from None
        done.append(f"{layout.display(seed_path)} already holds this text, byte for byte; kept it")
    layout.briefs.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(brief_path, text, overwrite=False)
    except FileExistsError:
        raise AuthoringError(f"{layout.display(brief_path)} already exists; choose another --id or edit that brief") from None
    done.append(f"wrote {layout.display(brief_path)}")
    return done


# --- fill ---------------------------------------------------------------------------------------------------------


@dataclass
class Change:
    """Values fill sets in one mapping (an evidence span or a seed)."""

    location: str
    record: str | None
    values: dict[str, object]
    line: int | None = None
    column: int | None = None

    def describe(self, file: str, verb: str) -> str:
        where = f"{file}:{self.line}:{self.column}" if self.line is not None else file
        label = f"{self.location} ({self.record})" if self.record else self.location
        return f"{where}: {label}: {verb} " + ", ".join(f"{key} {value}" for key, value in self.values.items())


@dataclass
class FillResult:
    path: Path
    name: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False


@dataclass
class _Span:
    location: str
    record: str | None
    node_path: tuple
    span: dict
    group: str  # the evidence id infix of the part it is in: "" (the claim), "red-line-", "range-", "step-2-"
    quote: str | None = None
    seed: str | None = None
    starts: list[int] = field(default_factory=list)


def _plain(value: object) -> str:
    """A scalar as YAML text that the loader reads back as the same value."""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text):
        try:
            if parse_yaml(text.encode("utf-8")) == text:
                return text
        except LoadError:
            pass
    return _quoted(text)


def _node(root: yaml.Node, path: tuple) -> yaml.Node | None:
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return None
        if node is None:
            return None
    return node


class _Splicer:
    """Edits to scalars of a YAML text at the places its parser reports, applied together."""

    def __init__(self, text: str, root: yaml.Node):
        self.text = text
        self.root = root
        self.replacements: dict[int, tuple[int, str]] = {}  # start index: (end index, new text)
        self.insertions: dict[int, list[tuple[int, str]]] = {}  # index: [(rank, text)]

    def set(self, path: tuple, key: str, value: object, order: tuple[str, ...]) -> None:
        mapping = _node(self.root, path)
        if not isinstance(mapping, yaml.MappingNode):
            raise ValueError(f"not a mapping at {path}")
        keys = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)]
        existing = next(((k, v) for k, v in keys if k.value == key), None)
        if existing is not None:
            key_node, value_node = existing
            if not isinstance(value_node, yaml.ScalarNode):
                raise ValueError(f"{key} is not a single value")
            start, end = value_node.start_mark.index, value_node.end_mark.index
            if start == end:  # an empty value ("start:") is placed at the next token: write after the colon
                colon = self.text.index(":", key_node.end_mark.index)
                start = end = colon + 1
                self.replacements[start] = (end, " " + _plain(value))
            else:
                self.replacements[start] = (end, _plain(value))
            return
        rank = order.index(key) if key in order else len(order)
        later = [k for k, _v in keys if (order.index(k.value) if k.value in order else len(order)) > rank]
        flow = mapping.flow_style
        if later:
            anchor = later[0]
            entry = f"{key}: {_plain(value)}, " if flow else f"{key}: {_plain(value)}\n{' ' * anchor.start_mark.column}"
            self.insertions.setdefault(anchor.start_mark.index, []).append((rank, entry))
            return
        last_key, last_value = mapping.value[-1]
        if flow:
            self.insertions.setdefault(last_value.end_mark.index, []).append((rank, f", {key}: {_plain(value)}"))
            return
        line_end = self.text.find("\n", last_value.end_mark.index)
        if line_end == -1:
            self.text += "\n"
            line_end = len(self.text) - 1
        entry = f"{' ' * last_key.start_mark.column}{key}: {_plain(value)}\n"
        self.insertions.setdefault(line_end + 1, []).append((rank, entry))

    def result(self) -> str:
        text = self.text
        points = sorted({*self.replacements, *self.insertions}, reverse=True)
        for index in points:
            if index in self.replacements:
                end, new = self.replacements[index]
                text = text[:index] + new + text[end:]
            if index in self.insertions:
                text = text[:index] + "".join(entry for _rank, entry in sorted(self.insertions[index])) + text[index:]
        return text


def _span_holders(record: dict) -> Iterator[tuple[tuple, str]]:
    """(path within the record, evidence id infix) of every part of a record that cites evidence."""
    yield (), ""
    for part, infix in (("red_line", "red-line-"), ("acceptable_range", "range-")):
        if isinstance(record.get(part), dict):
            yield (part,), infix
    steps = record.get("steps")  # a ladder's steps
    for number, step in enumerate(steps if isinstance(steps, list) else []):
        if isinstance(step, dict):
            yield ("steps", number), f"step-{number + 1}-"


def _spans(document: dict) -> Iterator[_Span]:
    for record_field in RECORD_FIELDS:
        records = document.get(record_field)
        if not isinstance(records, list):
            continue
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            record_id = record.get("id") if isinstance(record.get("id"), str) else None
            for inner, infix in _span_holders(record):
                holder = record
                for step in inner:
                    holder = holder[step]
                spans = holder.get("evidence")
                if not isinstance(spans, list):
                    continue
                prefix = f"{record_field}[{index}]" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in inner)
                for number, span in enumerate(spans):
                    if isinstance(span, dict):
                        node_path = (record_field, index, *inner, "evidence", number)
                        yield _Span(f"{prefix}.evidence[{number}]", record_id, node_path, span, infix)


def _read_seed(layout: Layout, file: object) -> tuple[bytes | None, str | None]:
    """A seed's bytes, or the reason they cannot be read."""
    if not isinstance(file, str):
        return None, "seed has no file name"
    try:
        Seed(id="x", file=file, sha256="0" * 64)
    except ValidationError:
        return None, f"seed file {file!r} must be a plain file name inside seeds/"
    path = layout.seeds / file
    if not path.is_file():
        return None, f"seed file seeds/{file} is missing"
    if path.resolve().parent != layout.seeds.resolve():  # a link out of seeds/, which the loader refuses too
        return None, f"seed file {file!r} is outside seeds/"
    if path.stat().st_size > MAX_SEED_BYTES:
        return None, f"seed file seeds/{file} is larger than {MAX_SEED_BYTES:,} bytes"
    return path.read_bytes(), None


def _evidence_id(record_id: str, infix: str, used: set[str]) -> str:
    """``<record id>-<n>`` (``-red-line-<n>``, ``-range-<n>``): the first n free in the brief, within a slug's 80 characters."""
    number = 1
    while True:
        suffix = f"-{infix}{number}"
        candidate = record_id[: 80 - len(suffix)].rstrip("-") + suffix
        if candidate not in used:
            return candidate
        number += 1


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
            problem(f"seeds[{index}]", reason, seed["id"])
            continue
        digest = hashlib.sha256(seed_raw).hexdigest()
        if seed.get("sha256") is None:
            change(f"seeds[{index}]", seed["id"], ("seeds", index), {"sha256": digest}, SEED_KEYS)
        elif seed["sha256"] != digest:
            # never "fixed": a changed seed can move every quote, and the sha256 is what says so
            problem(f"seeds[{index}]", f"seed file seeds/{seed['file']} has sha256 {digest}, but the brief expects "
                    f"{seed['sha256']}; if the new text is meant, delete the sha256 line and run fill again", seed["id"])
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
            problem(item.location, "evidence has no quote: write the source's exact words as quote: \"…\"", item.record)
            continue
        seed = span.get("seed", only_seed)
        if seed is None:
            problem(item.location, f"evidence names no seed, and the brief declares {len(declared)}: add seed: with one of "
                    f"{', '.join(declared)}", item.record)
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
                problem(item.location, f"the quote occurs {len(item.starts)} times in seed {item.seed!r} and nothing in the "
                        f"record tells them apart: lengthen the quote until it is unique, or write start: and end: for the one "
                        f"you mean ({places})", item.record)
            elif (found := closest(seed_text, item.quote)) is None:
                problem(item.location, f"the quote is not in seed {item.seed!r}, and no passage of it resembles the quote",
                        item.record)
            else:
                # a suggestion only: the analyst decides whether the seed's wording is what the record means
                advice = "if that is the passage you mean, copy it into the quote" if found.near else "compare the two"
                problem(item.location, f"the quote is not in seed {item.seed!r}; {found.describe(seed_text, item.quote, passage=False)}; "
                        f"{advice}: quote: {_quoted(seed_text[found.start:found.end])}", item.record)
        if span.get("id") is None:
            if item.record is None:
                problem(item.location, "the record has no id, so fill cannot name its evidence: give the record an id")
            else:
                values = {"id": _evidence_id(item.record, item.group, used), **values}
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
        problem("", "fill could not place its edits in this file's layout without changing anything else, so it wrote "
                "nothing; fill in the values listed above by hand")
    elif not check:
        write_atomic(path, new_text)
        result.written = True
    marks = node_marks(new_text if result.written else text)  # lines as in the file the analyst now has
    for item in changes:
        node_path = tuple(int(step) if step.isdigit() else step for step in re.findall(r"\w+", item.location))
        item.line, item.column = marks.get(node_path, (None, None))
    return result


# --- validation of named files against the whole corpus --------------------------------------------------------


def check_files(paths: list[Path], layout: Layout, compiled: Path | None = None) -> tuple[Corpus, list[str]]:
    """Load the named briefs after every other brief in the layout, so a brief id clash is reported against a named file.

    Returns the corpus limited to the named files (and the taxonomy), and the other briefs that could not be
    loaded: their ids could not be checked against.
    """
    named = {path.resolve() for path in paths}
    others = [path for path in layout.brief_paths() if path.resolve() not in named]
    corpus = load_corpus([*others, *paths], layout=layout, compiled=compiled)
    names = {layout.display(path) for path in paths}
    keep = {*names, layout.display(layout.taxonomy)}
    skipped = sorted({p.file for p in corpus.problems if p.file not in keep})
    files = {brief_id: file for brief_id, file in corpus.brief_files.items() if file in names}
    return dataclasses.replace(
        corpus,
        briefs=tuple(b for b in corpus.briefs if b.id in files),
        problems=tuple(p for p in corpus.problems if p.file in keep),
        warnings=tuple(w for w in corpus.warnings if w.file in names),
        brief_files=files,
    ), skipped


def ok_line(corpus: Corpus, brief: Brief) -> str:
    """The line validation prints for a brief that loaded cleanly."""
    spans = sum(1 for _ in brief.evidence())
    return (f"ok {corpus.brief_files[brief.id]}: {len(brief.positions)} positions, {len(brief.events)} events, "
            f"{len(brief.impacts)} impacts, {len(brief.judgments)} judgments, {spans} evidence spans verified")


# --- the commands, as the command line runs them ------------------------------------------------------------------


def new_main(source: Path, brief_id: str, title: str, published: str, layout: Layout,
             seed_id: str | None = None, seed_file: str | None = None) -> int:
    try:
        done = new_brief(source, brief_id, title, published, layout, seed_id=seed_id, seed_file=seed_file)
    except AuthoringError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line in done:
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
    return 1 if corpus.problems else status
