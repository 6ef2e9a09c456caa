"""A synthetic corpus shaped like the project's data, for measuring how the dashboard scales.

``generate_corpus(root, n, seed)`` writes ``root/data/taxonomy.yaml`` (the project's own taxonomy),
``root/data/briefs/*.yaml`` and ``root/seeds/*.txt``: n briefs of about the size of the real one (30 positions,
20 events, 10 impacts, about 8 judgments, about 8 KB of source text each). Every brief passes
``python -m briefing validate``: evidence quotes are exact substrings of their seed at the recorded offsets,
speakers belong to their party, reported positions name who reported them, undated events carry a note.

Brief number i is generated from its own ``random.Random`` seeded with (seed, i), so the corpus for n=10 is the
first ten briefs of the corpus for n=1000.

    python -m bench.synthetic --n 100 --out /tmp/corpus100
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from bench.synthetic_text import (
    CONFIDENCES,
    DIRECTIONS,
    EVENT_TITLES,
    REGION_WEIGHTS,
    REPORTERS,
    STANCES,
    STATUSES,
    TAXONOMY,
    TITLE_PATTERNS,
    SeedText,
    Vocabulary,
    build_seed,
    sentence,
)

POSITIONS, EVENTS, IMPACTS = 30, 20, 10
JUDGMENTS = (6, 10)  # inclusive range, about 8 on average
FIRST_PUBLISHED = dt.date(2022, 3, 1)
LAST_PUBLISHED = dt.date(2026, 1, 31)

# --- dates ------------------------------------------------------------------------------------------------------


def _day_before(rng: random.Random, published: dt.date, recent: bool) -> dt.date:
    if recent:
        return published - dt.timedelta(days=rng.randint(0, 45))
    return published - dt.timedelta(days=rng.randint(0, 3 * 365))


def _position_date(rng: random.Random, published: dt.date, claim_type: str) -> str | None:
    if claim_type == "assessment":
        return published.isoformat() if rng.random() < 0.7 else None
    roll = rng.random()
    day = _day_before(rng, published, recent=True)
    if roll < 0.60:
        return day.isoformat()
    if roll < 0.70:
        end = min(day + dt.timedelta(days=rng.randint(1, 4)), published)
        return f"{day.isoformat()}/{end.isoformat()}" if end > day else day.isoformat()
    if roll < 0.80:
        return f"{day.year}-{day.month:02d}"
    return None


def _event_date(rng: random.Random, published: dt.date) -> str | None:
    """A mix of EDTF forms; None means undated."""
    roll = rng.random()
    day = _day_before(rng, published, recent=rng.random() < 0.5)
    if roll < 0.40:
        return day.isoformat()
    if roll < 0.55:
        end = day + dt.timedelta(days=rng.randint(1, 5))
        return f"{day.isoformat()}/{end.isoformat()}"
    if roll < 0.68:
        return f"{day.year}-{day.month:02d}"
    if roll < 0.72:
        later = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return f"{day.year}-{day.month:02d}/{later.year}-{later.month:02d}"
    if roll < 0.80:
        season = rng.choice([21, 22, 23, 24])
        year = day.year if dt.date(day.year, (season - 21) * 3 + 3 if season < 24 else 12, 1) <= published else day.year - 1
        return f"{year}-{season}"
    if roll < 0.84:
        return f"{day.year}"
    if roll < 0.86:
        return f"{day.year - 1}/{day.year}"
    if roll < 0.90:
        return f"{day.isoformat()}?"
    return None


# --- records ----------------------------------------------------------------------------------------------------


def _choice_weighted(rng: random.Random, pair: tuple[list[str], list[int]]) -> str:
    return rng.choices(pair[0], weights=pair[1])[0]


def _summary(rng: random.Random, vocab: Vocabulary, published: dt.date, sentences: tuple[int, int] = (1, 3)) -> str:
    return " ".join(sentence(rng, vocab, published) for _ in range(rng.randint(*sentences)))


class _Evidence:
    """Hands out evidence spans of one seed with globally unique ids."""

    def __init__(self, rng: random.Random, prefix: str, seed_id: str, seed: SeedText) -> None:
        self.rng, self.prefix, self.seed_id = rng, prefix, seed_id
        self.text = seed.text
        self.spans = seed.spans
        self.count = 0

    def take(self) -> list[dict]:
        spans = []
        for _ in range(self.rng.choices([1, 2, 3], weights=[55, 30, 15])[0]):
            start, end = self.rng.choice(self.spans)
            self.count += 1
            quote = self.text[start:end]  # exact by construction: offsets are where the sentence was placed
            spans.append({"id": f"{self.prefix}-ev-{self.count:03d}", "seed": self.seed_id, "start": start, "end": end, "quote": quote})
        return spans


def _position(rng: random.Random, vocab: Vocabulary, published: dt.date, record_id: str, evidence: _Evidence) -> dict:
    claim_type = rng.choices(["stated", "reported", "assessment"], weights=[40, 25, 35])[0]
    with_speakers = [p for p, s in vocab.speakers.items() if s]
    if claim_type != "assessment" and with_speakers and rng.random() < 0.6:
        party = rng.choice(with_speakers)
    else:
        party = rng.choice(list(vocab.parties))
    record: dict = {
        "id": record_id,
        "party": party,
        "issue": rng.choice(list(vocab.issues)),
        "stance": rng.choice(STANCES),
        "claim_type": claim_type,
    }
    if claim_type != "assessment" and vocab.speakers.get(party) and rng.random() < 0.7:
        record["speaker"] = rng.choice(vocab.speakers[party])[0]
    if claim_type == "reported":
        record["reported_by"] = rng.choice(REPORTERS)
    date = _position_date(rng, published, claim_type)
    if date:
        record["date"] = date
    record["confidence"] = _choice_weighted(rng, CONFIDENCES)
    record["summary"] = _summary(rng, vocab, published)
    record["evidence"] = evidence.take()
    return record


def _event(rng: random.Random, vocab: Vocabulary, published: dt.date, record_id: str, evidence: _Evidence) -> dict:
    issues = rng.sample(list(vocab.issues), rng.choices([1, 2, 3], weights=[50, 35, 15])[0])
    parties = rng.sample(list(vocab.parties), rng.choices([0, 1, 2, 3], weights=[5, 35, 45, 15])[0])
    title = rng.choice(EVENT_TITLES).format(
        issue=vocab.issues[issues[0]].lower(), party=vocab.parties[parties[0]] if parties else "Mediators"
    )
    record: dict = {"id": record_id, "title": title}
    date = _event_date(rng, published)
    if date:
        record["date"] = date
    else:
        before = published - dt.timedelta(days=rng.randint(0, 10))
        if rng.random() < 0.4:
            record["after"] = (before - dt.timedelta(days=rng.randint(1, 120))).isoformat()
        record["before"] = before.isoformat()
        record["date_note"] = (
            f"'{rng.choice(['Previously', 'Recently', 'Earlier', 'Since last winter'])}': the text gives no date; "
            "it is no later than the bound the text supports."
        )
    record.update({"parties": parties, "issues": issues, "status": _choice_weighted(rng, STATUSES)})
    if rng.random() < 0.7:
        record["summary"] = _summary(rng, vocab, published, (1, 2))
    record["evidence"] = evidence.take()
    return record


def _impact(rng: random.Random, vocab: Vocabulary, published: dt.date, record_id: str, evidence: _Evidence) -> dict:
    regions = [r for r in REGION_WEIGHTS if r in vocab.parties] or list(vocab.parties)
    region = rng.choices(regions, weights=[REGION_WEIGHTS.get(r, 1) for r in regions])[0]
    return {
        "id": record_id,
        "region": region,
        "issues": rng.sample(list(vocab.issues), rng.choice([1, 1, 2])),
        "direction": _choice_weighted(rng, DIRECTIONS),
        "claim_type": "assessment",
        "confidence": _choice_weighted(rng, CONFIDENCES),
        "assessment": _summary(rng, vocab, published, (2, 3)),
        "evidence": evidence.take(),
    }


def _judgment(rng: random.Random, vocab: Vocabulary, published: dt.date, record_id: str, evidence: _Evidence) -> dict:
    return {
        "id": record_id,
        "issues": rng.sample(list(vocab.issues), rng.choices([0, 1, 2, 3], weights=[5, 40, 40, 15])[0]),
        "confidence": _choice_weighted(rng, CONFIDENCES),
        "text": _summary(rng, vocab, published, (1, 2)),
        "evidence": evidence.take(),
    }


def make_brief(number: int, vocab: Vocabulary, seed: int = 0, width: int = 4) -> tuple[dict, str, str]:
    """(brief document, seed file name, seed text) for brief number `number`."""
    rng = random.Random(f"briefing-bench:{seed}:{number}")  # noqa: S311 - reproducible test data, not security
    tag = f"b{number:0{width}d}"
    span_days = (LAST_PUBLISHED - FIRST_PUBLISHED).days
    published = FIRST_PUBLISHED + dt.timedelta(days=rng.randint(0, span_days))
    main_party = rng.choice(list(vocab.parties))
    main_issue = rng.choice(list(vocab.issues))
    title = rng.choice(TITLE_PATTERNS).format(party=vocab.parties[main_party], issue=vocab.issues[main_issue])
    seed_text = build_seed(rng, vocab, title, published)
    text = seed_text.text
    seed_id = f"{tag}-seed"
    seed_file = f"synthetic-{number:0{width}d}-{published.isoformat()}.txt"
    evidence = _Evidence(rng, tag, seed_id, seed_text)
    brief: dict = {
        "id": f"synthetic-{number:0{width}d}",
        "title": title,
        "published": published.isoformat(),
        "seeds": [{"id": seed_id, "file": seed_file, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}],
        "references": [
            {"url": f"https://example.org/sources/{number}/{k}", "retrieved": False, "note": f"Reference {k + 1} listed by the article."}
            for k in range(rng.randint(0, 2))
        ],
        "positions": [_position(rng, vocab, published, f"{tag}-pos-{k:02d}", evidence) for k in range(1, POSITIONS + 1)],
        "events": [_event(rng, vocab, published, f"{tag}-evt-{k:02d}", evidence) for k in range(1, EVENTS + 1)],
        "impacts": [_impact(rng, vocab, published, f"{tag}-imp-{k:02d}", evidence) for k in range(1, IMPACTS + 1)],
        "judgments": [_judgment(rng, vocab, published, f"{tag}-kj-{k:02d}", evidence) for k in range(1, rng.randint(*JUDGMENTS) + 1)],
    }
    return brief, seed_file, text


# --- YAML -------------------------------------------------------------------------------------------------------

HEADER = "# Synthetic brief for benchmarks (bench/synthetic.py); the text is generated, not a real source.\n"
RECORD_LISTS = ("positions", "events", "impacts", "judgments")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when present: about ten times faster


def _dump(mapping: dict) -> str:
    return yaml.dump(mapping, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)


def brief_yaml(brief: dict) -> str:
    """The brief as YAML: ``published`` a YAML date, every other value as its Python type; empty top-level lists are
    left out, and each list of records starts after a blank line."""
    document = {key: value for key, value in brief.items() if value != []}
    document["published"] = dt.date.fromisoformat(brief["published"])
    head = {key: value for key, value in document.items() if key not in RECORD_LISTS}
    records = ["\n" + _dump({key: document[key]}) for key in RECORD_LISTS if key in document]
    return HEADER + _dump(head) + "".join(records)


# --- corpus -----------------------------------------------------------------------------------------------------


def generate_corpus(root: Path, n: int, seed: int = 0, taxonomy: Path = TAXONOMY) -> Path:
    """Write n synthetic briefs, their seeds and the project's taxonomy under root; returns root.

    root must not exist or be empty: stale briefs from an earlier corpus would be loaded too.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; choose a new folder")
    vocab = Vocabulary.read(taxonomy)
    briefs_dir, seeds_dir = root / "data" / "briefs", root / "seeds"
    briefs_dir.mkdir(parents=True)
    seeds_dir.mkdir(parents=True)
    shutil.copyfile(taxonomy, root / "data" / "taxonomy.yaml")
    width = max(4, len(str(n)))
    for number in range(1, n + 1):
        brief, seed_file, text = make_brief(number, vocab, seed, width)
        (seeds_dir / seed_file).write_bytes(text.encode("utf-8"))
        (briefs_dir / f"{brief['id']}.yaml").write_text(brief_yaml(brief), encoding="utf-8", newline="\n")
    return root


def generator_version(taxonomy: Path = TAXONOMY) -> str:
    """Changes when this generator, its words or the taxonomy change, so cached corpora are never stale."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(Path(__file__).with_name("synthetic_text.py").read_bytes())
    digest.update(taxonomy.read_bytes())
    return digest.hexdigest()[:12]


def cache_root() -> Path:
    return Path(tempfile.gettempdir()) / "briefing-bench" / "corpora"


def cached_corpus(n: int, seed: int = 0, cache: Path | None = None) -> Path:
    """The corpus for (n, seed), generated once into a temp folder and reused while the generator is unchanged."""
    cache = cache or cache_root()
    target = cache / f"n{n}-seed{seed}-{generator_version()}"
    if target.is_dir():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".n{n}-", dir=cache))
    try:
        generate_corpus(building / "corpus", n, seed)
        try:
            os.replace(building / "corpus", target)
        except OSError:
            if not target.is_dir():  # another run may have finished the same corpus first
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description="Write a synthetic corpus of n briefs.")
    parser.add_argument("--n", type=int, required=True, help="number of briefs")
    parser.add_argument("--out", type=Path, required=True, help="folder to create (must not exist or be empty)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        generate_corpus(args.out, args.n, args.seed)
    except (FileExistsError, ValueError) as error:
        print(error, file=sys.stderr)
        return 2
    print(f"wrote {args.n} brief(s) to {args.out}; check with: BRIEFING_ROOT={args.out} python -m briefing validate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
