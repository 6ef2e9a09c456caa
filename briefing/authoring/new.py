"""`new`: a source text copied into seeds/ and a skeleton brief that already carries its seed."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from briefing.atomic import write_atomic
from briefing.authoring.base import AuthoringError, _slug
from briefing.authoring.splice import _quoted, plain_scalar
from briefing.load import MAX_SEED_BYTES, Layout, load_taxonomy, parse_yaml
from briefing.messages import parse_published
from briefing.schema import Brief, Seed, Text


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
    return textwrap.wrap(", ".join(ids), width=110, initial_indent=f"# {label}: ", subsequent_indent="#   ", break_on_hyphens=False)


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
        f"    file: {plain_scalar(seed.file)}",
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


def new_brief(
    source: Path, brief_id: str, title: str, published: str, layout: Layout, seed_id: str | None = None, seed_file: str | None = None
) -> list[str]:
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
        raise AuthoringError(
            f"seed file name {name!r} must be a plain file name (no folders, no leading dot); pass --seed-file NAME"
        ) from None
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
            raise AuthoringError(
                f"{layout.display(seed_path)} already exists with different text; never replace a seed "
                "a brief may cite: pass --seed-file NAME to store this text under another name"
            ) from None
        done.append(f"{layout.display(seed_path)} already holds this text, byte for byte; kept it")
    layout.briefs.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(brief_path, text, overwrite=False)
    except FileExistsError:
        raise AuthoringError(f"{layout.display(brief_path)} already exists; choose another --id or edit that brief") from None
    done.append(f"wrote {layout.display(brief_path)}")
    return done
