"""What a synthetic brief's source text is made of (bench/synthetic.py): the ids and names of the real taxonomy, word
lists, and a seed text built sentence by sentence that remembers where each quotable sentence and clause sits."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
TAXONOMY = PROJECT / "data" / "taxonomy.yaml"
SEED_CHARS = 8_000

# --- word lists -------------------------------------------------------------------------------------------------

ISSUE_PHRASES = {
    "ceasefire": ["the proposed ceasefire", "a general truce along the front", "a sixty-day ceasefire", "a pause in the fighting"],
    "energy-truce": [
        "a limited energy truce",
        "a halt to strikes on power plants",
        "the proposed energy swap",
        "a moratorium on attacks against oil facilities",
    ],
    "security-guarantees": [
        "the security guarantee agreement",
        "external guarantees for Ukraine",
        "the bilateral security document",
        "a reassurance force",
    ],
    "territorial-status": [
        "the final status of the contested regions",
        "the line of control in the south",
        "claims of self-determination in the east",
        "the future of the occupied districts",
    ],
    "ukrainian-government-legitimacy": [
        "the legitimacy of the government in Kyiv",
        "early elections in Ukraine",
        "the mandate of the current leadership",
        "who may sign a settlement for Kyiv",
    ],
    "demilitarization-neutrality": [
        "limits on the size of Ukraine's army",
        "a neutral status for Ukraine",
        "caps on long-range weapons",
        "a ban on foreign bases",
    ],
    "western-military-aid": [
        "further Western military aid",
        "new deliveries of air defence systems",
        "the next aid package",
        "training missions for Ukrainian brigades",
    ],
    "european-security-order": [
        "the European security order",
        "the post-1991 security architecture",
        "a new balance of spheres of influence",
        "the future of arms control in Europe",
    ],
}
VERBS = [
    "rejected",
    "welcomed",
    "questioned",
    "dismissed",
    "endorsed",
    "criticised",
    "called for",
    "warned against",
    "cautiously supported",
    "signalled openness to",
    "ruled out",
    "reaffirmed support for",
    "placed conditions on",
    "played down",
    "pressed for",
    "raised doubts about",
]
GENERIC_SUBJECTS = [
    "Officials in Brussels",
    "Western diplomats",
    "Analysts in Warsaw",
    "People familiar with the talks",
    "Several European governments",
    "Military planners",
    "Observers in Vilnius",
    "Commentators in Moscow",
    "Senior advisers",
    "The negotiating teams",
]
CLAUSES = [
    "according to people familiar with the talks",
    "after weeks of inconclusive negotiations",
    "in an interview with foreign media",
    "citing the experience of earlier pauses",
    "while insisting that no deal was imminent",
    "despite mounting pressure from partners",
    "without giving a timetable",
    "as talks resumed in a neutral capital",
    "in a statement released late at night",
    "before the next round of consultations",
    "amid renewed strikes on the energy grid",
    "in remarks to reporters",
    "after a closed-door meeting",
    "while keeping every option open",
    "as winter approached",
    "in a carefully worded communiqué",
]
TIME_PHRASES = [
    "on {day}",
    "earlier this month",
    "in the spring of {year}",
    "last week",
    "at the end of {month}",
    "during the summer of {year}",
    "in {month}",
    "shortly before publication",
    "previously",
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
    "Talks on {issue} in a neutral capital",
    "{party} statement on {issue}",
    "Consultations between envoys on {issue}",
    "Strikes cited in the debate over {issue}",
    "{party} proposal on {issue}",
    "Summit discussion of {issue}",
    "Report of a draft text on {issue}",
    "Parliamentary hearing touching on {issue}",
]
REPORTERS = [
    "Financial Times",
    "Reuters",
    "the article",
    "Associated Press",
    "Kommersant",
    "Politico Europe",
    "unnamed officials quoted by the article",
    "a Telegram channel cited by the article",
]
STANCES = ["firm-rejection", "rejection", "conditional", "support", "firm-support", "ambiguous"]
STATUSES = (["occurred", "proposed", "reported", "denied"], [60, 20, 14, 6])
CONFIDENCES = (["high", "medium", "low"], [45, 38, 17])
DIRECTIONS = (["worsens", "improves", "mixed", "uncertain"], [50, 15, 20, 15])
REGION_WEIGHTS = {"poland": 6, "baltic-states": 6, "estonia": 2, "latvia": 2, "lithuania": 2, "western-alliance": 3, "ukraine": 3}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


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
    return rng.choice(TIME_PHRASES).format(
        day=f"{MONTHS[day.month - 1]} {day.day}", year=published.year - rng.randint(0, 3), month=MONTHS[rng.randrange(12)]
    )


def sentence(rng: random.Random, vocab: Vocabulary, published: dt.date) -> str:
    issue = rng.choice(list(vocab.issues))
    obj = rng.choice(vocab.phrases(issue))
    party = rng.choice(list(vocab.parties))
    speakers = vocab.speakers.get(party) or []
    kind = rng.random()
    if kind < 0.30 and speakers:
        _sid, who = rng.choice(speakers)
        return f"{who} {rng.choice(VERBS)} {obj} {_time_phrase(rng, published)}, {rng.choice(CLAUSES)}."
    if kind < 0.45 and speakers:
        _sid, who = rng.choice(speakers)
        return (
            f"{who} said that “{obj} is {rng.choice(['unacceptable', 'premature', 'the only realistic path', 'under discussion'])}"
            f" for {vocab.parties[party]}”, {rng.choice(CLAUSES)}."
        )
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
            seed.add(sentence(rng, vocab, published))
        seed.add("\n\n" if seed.length < chars else "\n", quotable=False)
    return seed
