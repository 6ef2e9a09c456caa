"""What a simulated viewer picks from: the pages it visits and the ids of the project's taxonomy and briefs."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import yaml

from components.pages import navigation, page

PROJECT = Path(__file__).resolve().parents[2]
# path under the base URL -> the title the page shows as its h1 (and the label of its sidebar link); the load test
# runs with editing off, so the workbench, which is then not in the navigation, is not among them
PAGES: dict[str, str] = {page.url_path: page.title for page in navigation(editing=False)}


@dataclass(frozen=True)
class Vocabulary:
    """The ids a viewer picks filters from: the project's taxonomy and brief ids."""

    issues: dict[str, str]
    parties: dict[str, str]
    briefs: tuple[str, ...]

    @classmethod
    def from_project(cls, root: Path = PROJECT) -> Vocabulary:
        taxonomy = yaml.safe_load((root / "data" / "taxonomy.yaml").read_text(encoding="utf-8"))
        briefs = []
        for path in sorted((root / "data" / "briefs").glob("*.yaml")):
            try:
                brief_id = yaml.safe_load(path.read_text(encoding="utf-8")).get("id")
            except (yaml.YAMLError, AttributeError):
                continue
            if isinstance(brief_id, str):
                briefs.append(brief_id)
        return cls(
            issues={i["id"]: i["label"] for i in taxonomy["issues"]},
            parties={p["id"]: p["name"] for p in taxonomy["parties"]},
            briefs=tuple(briefs),
        )

    def random_link(self, rng: random.Random) -> str:
        """A page path with a random filter (sometimes none) and sometimes a view parameter."""
        path = rng.choice(list(PAGES))
        params: list[tuple[str, str]] = []
        if rng.random() < 0.8:
            params += [("issue", i) for i in rng.sample(list(self.issues), rng.choice((0, 1, 1, 2, 3)))]
        if rng.random() < 0.5:
            params += [("party", p) for p in rng.sample(list(self.parties), rng.choice((1, 1, 2)))]
        if self.briefs and rng.random() < 0.2:
            params.append(("brief", rng.choice(self.briefs)))
        if path == page("timeline").url_path and rng.random() < 0.3:
            params.append(("zoom", rng.choice(("brief", "all"))))
        if path == page("matrix").url_path and rng.random() < 0.3:
            params.append(("cell", f"{rng.choice(list(self.parties))}:{rng.choice(list(self.issues))}"))
        return path + (f"?{urlencode(params)}" if params else "")


def title_of(link: str) -> str:
    return PAGES[urlsplit(link).path or "/"]
