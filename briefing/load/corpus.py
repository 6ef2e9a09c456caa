"""Compiling the corpus: the taxonomy, the seeds and every brief, each loaded inside its own boundary."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from briefing.atomic import write_atomic
from briefing.checks import Finding, editorial_findings
from briefing.load.layout import CODE_VERSION, Layout
from briefing.load.pool import Progress, compile_elsewhere
from briefing.load.problems import Problem, _placed_in_file, fault_path, problems_from, unexpected_problem
from briefing.load.seeds import read_seed
from briefing.load.yaml_safe import LoadError, parse_yaml, read_bounded, read_yaml
from briefing.messages import place
from briefing.schema import Brief, Seed, Taxonomy


@dataclass(frozen=True)
class Corpus:
    """Everything that loaded cleanly, plus what did not."""

    taxonomy: Taxonomy | None
    briefs: tuple[Brief, ...]
    seed_texts: dict[str, str]
    seed_files: dict[str, Seed]
    problems: tuple[Problem, ...] = field(default=())
    brief_files: dict[str, str] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = field(default=())  # readings that are probably over-claimed (briefing.checks)


class _SeedReader:
    """Reads each seed once per load (through read_seed, which refuses paths outside seeds/) and checks its sha256."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.texts: dict[str, str] = {}
        self.declared: dict[str, Seed] = {}

    def read(self, seed: Seed) -> str:
        known = self.declared.get(seed.id)
        if known is not None:
            if (known.file, known.sha256) != (seed.file, seed.sha256):
                raise LoadError(f"seed id {seed.id!r} is already declared for {known.file} ({known.sha256[:12]})")
            return self.texts[seed.id]
        raw = read_seed(self.layout, seed.file)
        digest = hashlib.sha256(raw).hexdigest()
        if digest != seed.sha256:
            raise LoadError(
                f"seed file seeds/{seed.file} has sha256 {digest}, but the brief expects {seed.sha256}; "
                "the text changed, so every offset may be wrong"
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise LoadError(f"seed file seeds/{seed.file} is not UTF-8 text") from None
        self.texts[seed.id] = text
        self.declared[seed.id] = seed
        return text


def load_taxonomy(layout: Layout) -> tuple[Taxonomy | None, list[Problem]]:
    name = layout.display(layout.taxonomy)
    document = None
    try:
        document = read_yaml(layout.taxonomy)
        return Taxonomy.model_validate(document), []
    except LoadError as error:
        return None, [Problem(name, "", str(error))]
    except ValidationError as error:
        return None, problems_from(error, name)
    except Exception as error:  # the boundary: the app names the file and the error instead of failing
        return None, [unexpected_problem(name, fault_path(Taxonomy, document), error)]


class _Compiled:
    """Validated briefs and their editorial findings pickled by content (brief bytes, taxonomy, code), so unchanged
    briefs skip YAML, pydantic and the checks.

    A hit still re-reads and re-hashes the brief's seeds: the quotes were checked against the sha256 the brief
    declares, so a seed that still has that hash still holds them.
    """

    def __init__(self, folder: Path | None, taxonomy_digest: str):
        self.folder = folder
        self.salt = f"{taxonomy_digest}:{CODE_VERSION}".encode()

    def _path(self, raw: bytes) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{hashlib.sha256(self.salt + raw).hexdigest()[:32]}.pickle"

    def get(self, raw: bytes) -> tuple[Brief, tuple[Finding, ...]] | None:
        path = self._path(raw)
        if path is None or not path.is_file():
            return None
        try:
            with path.open("rb") as handle:
                entry = pickle.load(handle)  # noqa: S301 - our own cache, in a folder only this user writes
        except Exception:  # a damaged entry is rebuilt, never trusted
            return None
        if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], Brief) and isinstance(entry[1], tuple):
            return entry
        return None

    def holds(self, path: Path) -> bool:
        """Whether the brief at ``path`` has an entry (a cheap look before compiling elsewhere; get() still checks it)."""
        try:
            entry = self._path(read_bounded(path))
        except LoadError:
            return True  # nothing to compile: the read fails again, and is named, in load_corpus
        return entry is not None and entry.is_file()

    def put(self, raw: bytes, brief: Brief, findings: tuple[Finding, ...]) -> bytes | None:
        """Keep the entry; its pickled bytes, or None without a folder."""
        path = self._path(raw)
        if path is None:
            return None
        entry = pickle.dumps((brief, findings), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(path, entry, durable=False)
        except OSError:
            pass  # the cache only saves time; loading goes on without it
        return entry


Loaded = tuple[Brief | None, list[Problem], tuple[Finding, ...]]


def _load_brief(path: Path, name: str, taxonomy: Taxonomy, seeds: _SeedReader, compiled: _Compiled) -> Loaded:
    """One brief with its problems and its editorial findings; from the compiled cache when its content is known."""
    try:
        raw = read_bounded(path)
    except LoadError as error:
        return None, [Problem(name, "", str(error))], ()
    if (entry := compiled.get(raw)) is not None:
        return _with_seeds_read((entry[0], [], entry[1]), name, seeds, raw)
    brief, problems = _validate_brief(raw, name, taxonomy, seeds)
    if brief is None:
        return None, problems, ()
    try:
        findings = tuple(editorial_findings(brief, taxonomy, seeds.texts))
    except Exception as error:  # the boundary covers the editorial checks too
        return None, [unexpected_problem(name, "", error, "running the editorial checks")], ()
    compiled.put(raw, brief, findings)
    return brief, [], findings


def _with_seeds_read(loaded: Loaded, name: str, seeds: _SeedReader, raw: bytes | Path) -> Loaded:
    """A brief compiled earlier or elsewhere, once its seeds still read with the hashes it declares and agree with the
    seeds of the briefs before it; a seed that does not is named at its line, as when the brief is validated here."""
    brief, _problems, findings = loaded
    if brief is None:
        return loaded
    problems = []
    for index, seed in enumerate(brief.seeds):
        try:
            seeds.read(seed)
        except LoadError as error:
            problems.append(Problem(name, f"seeds[{index}]", str(error)))
    if not problems:
        return brief, [], findings
    try:
        text = (raw if isinstance(raw, bytes) else read_bounded(raw)).decode("utf-8")
        problems = place(problems, text, parse_yaml(text.encode("utf-8")))
    except LoadError:
        pass  # changed since: named without its line
    return None, problems, ()


def _validate_brief(raw: bytes, name: str, taxonomy: Taxonomy, seeds: _SeedReader) -> tuple[Brief | None, list[Problem]]:
    try:
        document = parse_yaml(raw)
    except LoadError as error:
        return None, [Problem(name, "", str(error))]
    if not isinstance(document, dict):
        return None, [Problem(name, "", f"a brief is a YAML mapping, not {type(document).__name__}")]
    declared = document.get("seeds")
    if not isinstance(declared, list) or not declared:
        return None, [Problem(name, "seeds", "a brief declares at least one seed (id, file, sha256)")]
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for index, raw_seed in enumerate(declared):
        try:
            seed = Seed.model_validate(raw_seed)
            texts[seed.id] = seeds.read(seed)
        except ValidationError as error:
            problems += problems_from(error, name, f"seeds[{index}]")
        except LoadError as error:
            problems.append(Problem(name, f"seeds[{index}]", str(error)))
        except Exception as error:  # the boundary, for one seed
            problems.append(unexpected_problem(name, f"seeds[{index}]", error))
    if problems:
        return None, place(problems, raw.decode("utf-8"), document)
    context = {"taxonomy": taxonomy, "seed_texts": texts}
    try:
        brief = Brief.model_validate(document, context=context)
    except ValidationError as error:
        return None, place(problems_from(error, name), raw.decode("utf-8"), document)
    except Exception as error:  # the boundary: a validator's unforeseen error is this file's problem, not the app's
        return None, place([unexpected_problem(name, fault_path(Brief, document, context), error)], raw.decode("utf-8"), document)
    return brief, []


def load_corpus(
    brief_paths: list[Path] | None = None, layout: Layout | None = None, compiled: Path | None = None, progress: Progress | None = None
) -> Corpus:
    """Load the taxonomy and every brief; a broken brief becomes Problems and the rest still load.

    ``compiled`` names a folder for validated briefs keyed on their content; without it every brief is parsed. The
    briefs it does not hold are compiled in worker processes when there are enough of them (``briefing.load.pool``);
    ``progress(done, total)`` is told as they are.
    """
    layout = layout or Layout()
    taxonomy, problems = load_taxonomy(layout)
    paths = layout.brief_paths() if brief_paths is None else list(brief_paths)
    if taxonomy is None:
        return Corpus(None, (), {}, {}, tuple(problems))
    seeds = _SeedReader(layout)
    try:
        taxonomy_digest = hashlib.sha256(layout.taxonomy.read_bytes()).hexdigest()
    except OSError:  # gone since it was read: load without the compiled briefs
        taxonomy_digest, compiled = "", None
    cache = _Compiled(compiled, taxonomy_digest)
    misses = [path for path in paths if not cache.holds(path)]
    elsewhere = compile_elsewhere(misses, layout, taxonomy, compiled, taxonomy_digest, progress)
    briefs: list[Brief] = []
    brief_files: dict[str, str] = {}
    warnings: list[Problem] = []
    owners: dict[str, str] = {}  # brief ids are global; record and evidence ids are scoped to their brief
    for path in paths:
        name = layout.display(path)
        try:
            if path in elsewhere:
                brief, found, checked = _with_seeds_read(elsewhere[path], name, seeds, path)
            else:
                brief, found, checked = _load_brief(path, name, taxonomy, seeds, cache)
        except Exception as error:  # the boundary: whatever one brief raises becomes its problem; the others load
            brief, found, checked = None, [unexpected_problem(name, "", error)], ()
        if brief is None:
            problems += found
            continue
        if brief.id in owners:
            problems += _placed_in_file([Problem(name, "id", f"brief id {brief.id!r} is already used in {owners[brief.id]}")], path)
            continue
        findings = [
            (finding, Problem(name, finding.location, f"{finding.message} [{finding.rule}]", record=finding.record_id))
            for finding in checked
        ]
        warnings += [problem for finding, problem in findings if finding.severity == "warning"]
        if errors := [problem for finding, problem in findings if finding.severity == "error"]:
            problems += errors
            continue
        owners[brief.id] = name
        briefs.append(brief)
        brief_files[brief.id] = name
    warnings += _shared_ids(briefs, brief_files)
    return Corpus(taxonomy, tuple(briefs), dict(seeds.texts), dict(seeds.declared), tuple(problems), brief_files, tuple(warnings))


SHARED_NAMED = 5  # ids named in a shared-id warning; the rest are counted


def _shared_ids(briefs: list[Brief], brief_files: dict[str, str]) -> list[Problem]:
    """A warning on each brief that uses record or evidence ids another brief uses: the app shows both (each as
    ``<brief>:<id>``), but a link naming the id bare then has to ask which is meant."""
    owners: dict[str, list[str]] = {}
    for brief in briefs:
        records, spans = brief.own_ids()
        for shared_id in records | spans:
            owners.setdefault(shared_id, []).append(brief.id)
    # walks only the shared ids: once per brief over every id of the corpus took minutes at 1,000 briefs
    sharing: dict[str, dict[str, list[str]]] = {}
    for shared_id, users in owners.items():
        if len(users) > 1:
            for user in users:
                for other in users:
                    if other != user:
                        sharing.setdefault(user, {}).setdefault(other, []).append(shared_id)
    warnings = []
    for brief in briefs:
        by_other = sharing.get(brief.id, {})
        for other, ids in sorted(by_other.items()):
            ids.sort()
            more = len(ids) - SHARED_NAMED
            named = ", ".join(repr(i) for i in ids[:SHARED_NAMED]) + (f" and {more} more" if more > 0 else "")
            warnings.append(
                Problem(
                    brief_files[brief.id],
                    "id",
                    f"{len(ids)} id(s) are also used by brief {other!r} ({brief_files[other]}): {named}. Both are kept, but a "
                    f"link naming such an id without its brief asks which is meant. In the brief not yet shared, give its "
                    f"ids a prefix of its own (e.g. '{brief.id.split('-')[0]}-{ids[0]}') [shared-id]",
                )
            )
    return warnings
