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
import json
import os
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
TAXONOMY = PROJECT / "data" / "taxonomy.yaml"

POSITIONS, EVENTS, IMPACTS = 30, 20, 10
JUDGMENTS = (6, 10)  # inclusive range, about 8 on average
SEED_CHARS = 8_000
FIRST_PUBLISHED = dt.date(2022, 3, 1)
LAST_PUBLISHED = dt.date(2026, 1, 31)

# --- word lists -------------------------------------------------------------------------------------------------

ISSUE_PHRASES = {
    "ceasefire": ["the proposed ceasefire", "a general truce along the front", "a sixty-day ceasefire", "a pause in the fighting"],
    "energy-truce": ["a limited energy truce", "a halt to strikes on power plants", "the proposed energy swap",
                     "a moratorium on attacks against oil facilities"],
    "security-guarantees": ["the security guarantee agreement", "external guarantees for Ukraine",
                            "the bilateral security document", "a reassurance force"],
    "territorial-status": ["the final status of the contested regions", "the line of control in the south",
                           "claims of self-determination in the east", "the future of the occupied districts"],
    "ukrainian-government-legitimacy": ["the legitimacy of the government in Kyiv", "early elections in Ukraine",
                                        "the mandate of the current leadership", "who may sign a settlement for Kyiv"],
    "demilitarization-neutrality": ["limits on the size of Ukraine's army", "a neutral status for Ukraine",
                                    "caps on long-range weapons", "a ban on foreign bases"],
    "western-military-aid": ["further Western military aid", "new deliveries of air defence systems",
                             "the next aid package", "training missions for Ukrainian brigades"],
    "european-security-order": ["the European security order", "the post-1991 security architecture",
                                "a new balance of spheres of influence", "the future of arms control in Europe"],
}
VERBS = [
    "rejected", "welcomed", "questioned", "dismissed", "endorsed", "criticised", "called for", "warned against",
    "cautiously supported", "signalled openness to", "ruled out", "reaffirmed support for", "placed conditions on",
    "played down", "pressed for", "raised doubts about",
]
GENERIC_SUBJECTS = [
    "Officials in Brussels", "Western diplomats", "Analysts in Warsaw", "People familiar with the talks",
    "Several European governments", "Military planners", "Observers in Vilnius", "Commentators in Moscow",
    "Senior advisers", "The negotiating teams",
]
CLAUSES = [
    "according to people familiar with the talks", "after weeks of inconclusive negotiations",
    "in an interview with foreign media", "citing the experience of earlier pauses",
    "while insisting that no deal was imminent", "despite mounting pressure from partners",
    "without giving a timetable", "as talks resumed in a neutral capital", "in a statement released late at night",
    "before the next round of consultations", "amid renewed strikes on the energy grid",
    "in remarks to reporters", "after a closed-door meeting", "while keeping every option open",
    "as winter approached", "in a carefully worded communiqué",
]
TIME_PHRASES = [
    "on {day}", "earlier this month", "in the spring of {year}", "last week", "at the end of {month}",
    "during the summer of {year}", "in {month}", "shortly before publication", "previously",
]
ANALYSIS = [
    "This indicates that the positions of the parties remain far apart.",
    "The deeper reason lies in the strategic objectives each side is pursuing.",
    "Such a stance — firm in tone yet open to conditions — leaves little room for compromise.",
    "In practice, the gap between public statements and private signals remains wide.",
    "The text describes this as “a window that is closing rather than opening”.",
    "Neither side appears ready to accept a freeze of the current situation.",
    "Much depends on whether external partners are willing to underwrite any arrangement.",
    "The author notes that earlier pauses were short, unilateral and quickly broken.",
    "For the smaller states on the eastern flank, the stakes are immediate.",
    "A résumé of the latest round suggests that trust remains the scarcest resource.",
    "What looks like a technical disagreement is in fact a dispute over the shape of the region.",
    "The frontline remains largely static, while the conditions at the table keep hardening.",
]
TITLE_PATTERNS = [
    "{party} and {issue}: Reading the Latest Signals",
    "Between Pressure and Patience: {party} on {issue}",
    "Why {issue} Stalled, and What Comes Next",
    "The Limits of Compromise: {party}'s Position on {issue}",
    "{issue} After the Latest Round of Talks",
]
EVENT_TITLES = [
    "Talks on {issue} in a neutral capital", "{party} statement on {issue}", "Consultations between envoys on {issue}",
    "Strikes cited in the debate over {issue}", "{party} proposal on {issue}", "Summit discussion of {issue}",
    "Report of a draft text on {issue}", "Parliamentary hearing touching on {issue}",
]
REPORTERS = [
    "Financial Times", "Reuters", "the article", "Associated Press", "Kommersant", "Politico Europe",
    "unnamed officials quoted by the article", "a Telegram channel cited by the article",
]
STANCES = ["firm-rejection", "rejection", "conditional", "support", "firm-support", "ambiguous"]
STATUSES = (["occurred", "proposed", "reported", "denied"], [60, 20, 14, 6])
CONFIDENCES = (["high", "medium", "low"], [45, 38, 17])
DIRECTIONS = (["worsens", "improves", "mixed", "uncertain"], [50, 15, 20, 15])
REGION_WEIGHTS = {"poland": 6, "baltic-states": 6, "estonia": 2, "latvia": 2, "lithuania": 2, "western-alliance": 3,
                  "ukraine": 3}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# --- taxonomy ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """The ids and names the generated records may use, read from the real taxonomy."""

    parties: dict[str, str]  # id -> name
    speakers: dict[str, list[tuple[str, str]]]  # party id -> [(speaker id, "role name")]
    issues: dict[str, str]  # id -> label

    @classmethod
    def read(cls, path: Path = TAXONOMY) -> Vocabulary:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        parties = {p["id"]: p["name"] for p in document["parties"]}
        speakers = {p["id"]: [(s["id"], f"{s['role']} {s['name']}") for s in p.get("speakers", ())] for p in document["parties"]}
        issues = {i["id"]: i["label"] for i in document["issues"]}
        return cls(parties, speakers, issues)

    def phrases(self, issue: str) -> list[str]:
        return ISSUE_PHRASES.get(issue, [f"the question of {self.issues[issue].lower()}"])


# --- seed text --------------------------------------------------------------------------------------------------


@dataclass
class SeedText:
    """Source text built sentence by sentence, remembering where every sentence and clause sits."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)  # quotable (start, end), in characters

    def add(self, text: str, quotable: bool = True) -> None:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if not quotable:
            return
        self.spans.append((start, start + len(text)))
        # clauses: up to the first comma, and from the last comma to the end of the sentence
        first = text.find(", ")
        if first >= 25:
            self.spans.append((start, start + first))
        last = text.rfind(", ")
        if last != -1 and len(text) - last - 2 >= 25:
            self.spans.append((start + last + 2, start + len(text)))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _time_phrase(rng: random.Random, published: dt.date) -> str:
    day = published - dt.timedelta(days=rng.randint(1, 40))
    return rng.choice(TIME_PHRASES).format(day=f"{MONTHS[day.month - 1]} {day.day}", year=published.year - rng.randint(0, 3),
                                          month=MONTHS[rng.randrange(12)])


def _sentence(rng: random.Random, vocab: Vocabulary, published: dt.date) -> str:
    issue = rng.choice(list(vocab.issues))
    obj = rng.choice(vocab.phrases(issue))
    party = rng.choice(list(vocab.parties))
    speakers = vocab.speakers.get(party) or []
    kind = rng.random()
    if kind < 0.30 and speakers:
        _sid, who = rng.choice(speakers)
        return (f"{who} {rng.choice(VERBS)} {obj} {_time_phrase(rng, published)}, "
                f"{rng.choice(CLAUSES)}.")
    if kind < 0.45 and speakers:
        _sid, who = rng.choice(speakers)
        return (f"{who} said that “{obj} is {rng.choice(['unacceptable', 'premature', 'the only realistic path', 'under discussion'])}"
                f" for {vocab.parties[party]}”, {rng.choice(CLAUSES)}.")
    if kind < 0.65:
        return f"{vocab.parties[party]} {rng.choice(VERBS)} {obj}, {rng.choice(CLAUSES)}, {_time_phrase(rng, published)}."
    if kind < 0.80:
        return f"{rng.choice(GENERIC_SUBJECTS)} {rng.choice(VERBS)} {obj}, {rng.choice(CLAUSES)}."
    return rng.choice(ANALYSIS)


def build_seed(rng: random.Random, vocab: Vocabulary, title: str, published: dt.date, chars: int = SEED_CHARS) -> SeedText:
    """Title, date line, then paragraphs of sentences until the text reaches about `chars` characters."""
    seed = SeedText()
    seed.add(f"{title}\n", quotable=False)
    seed.add(f"{published:%d/%m/%Y}\n", quotable=False)
    while seed.length < chars:
        for number in range(rng.randint(3, 6)):
            if number:
                seed.add(" ", quotable=False)
            seed.add(_sentence(rng, vocab, published))
        seed.add("\n\n" if seed.length < chars else "\n", quotable=False)
    return seed


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
    return " ".join(_sentence(rng, vocab, published) for _ in range(rng.randint(*sentences)))


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
            spans.append({"id": f"{self.prefix}-ev-{self.count:03d}", "seed": self.seed_id, "start": start, "end": end,
                          "quote": quote})
        return spans


def _position(rng: random.Random, vocab: Vocabulary, published: dt.date, record_id: str, evidence: _Evidence) -> dict:
    claim_type = rng.choices(["stated", "reported", "assessment"], weights=[40, 25, 35])[0]
    with_speakers = [p for p, s in vocab.speakers.items() if s]
    if claim_type != "assessment" and with_speakers and rng.random() < 0.6:
        party = rng.choice(with_speakers)
    else:
        party = rng.choice(list(vocab.parties))
    record: dict = {"id": record_id, "party": party, "issue": rng.choice(list(vocab.issues)), "stance": rng.choice(STANCES),
                    "claim_type": claim_type}
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
    title = rng.choice(EVENT_TITLES).format(issue=vocab.issues[issues[0]].lower(),
                                            party=vocab.parties[parties[0]] if parties else "Mediators")
    record: dict = {"id": record_id, "title": title}
    date = _event_date(rng, published)
    if date:
        record["date"] = date
    else:
        before = published - dt.timedelta(days=rng.randint(0, 10))
        if rng.random() < 0.4:
            record["after"] = (before - dt.timedelta(days=rng.randint(1, 120))).isoformat()
        record["before"] = before.isoformat()
        record["date_note"] = (f"'{rng.choice(['Previously', 'Recently', 'Earlier', 'Since last winter'])}': the text gives no date; "
                               "it is no later than the bound the text supports.")
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
        "judgments": [_judgment(rng, vocab, published, f"{tag}-kj-{k:02d}", evidence)
                      for k in range(1, rng.randint(*JUDGMENTS) + 1)],
    }
    return brief, seed_file, text


# --- YAML -------------------------------------------------------------------------------------------------------


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    # a JSON string is a valid YAML double-quoted scalar
    return json.dumps(value, ensure_ascii=False)


def _emit(lines: list[str], key: str, value, indent: str) -> None:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines.append(f"{indent}{key}:")
        for item in value:
            first = True
            for sub_key, sub_value in item.items():
                prefix = f"{indent}  - " if first else f"{indent}    "
                if isinstance(sub_value, list) and sub_value and isinstance(sub_value[0], dict):
                    lines.append(f"{prefix}{sub_key}:")
                    for span in sub_value:
                        span_first = True
                        for span_key, span_value in span.items():
                            span_prefix = f"{indent}      - " if span_first else f"{indent}        "
                            lines.append(f"{span_prefix}{span_key}: {_scalar(span_value)}")
                            span_first = False
                else:
                    lines.append(f"{prefix}{sub_key}: {_scalar(sub_value)}")
                first = False
    elif key == "published":
        lines.append(f"{indent}{key}: {value}")
    else:
        lines.append(f"{indent}{key}: {_scalar(value)}")


def brief_yaml(brief: dict) -> str:
    lines = ["# Synthetic brief for benchmarks (bench/synthetic.py); the text is generated, not a real source."]
    for key, value in brief.items():
        if isinstance(value, list) and not value:
            continue
        if key in ("positions", "events", "impacts", "judgments"):
            lines.append("")
        _emit(lines, key, value, "")
    return "\n".join(lines) + "\n"


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
    """Changes when this generator or the taxonomy changes, so cached corpora are never stale."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
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
