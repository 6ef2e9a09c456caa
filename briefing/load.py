"""The only code that reads data/ and seeds/: bounded parsing, validation, and one problem list."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import time
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from briefing.checks import editorial_findings
from briefing.messages import place
from briefing.schema import Brief, Seed, Taxonomy

PROJECT_ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)


def _code_version() -> str:
    """Changes whenever the package's code does, so a new schema never reads an old cache."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


CODE_VERSION = _code_version()
MAX_YAML_BYTES = 2_000_000  # a brief is tens of KB; anything this large is a mistake or an attack
MAX_SEED_BYTES = 5_000_000
MAX_YAML_NODES = 200_000  # bounds alias bombs: aliases are shared on load but expand when walked


class _BriefLoader(yaml.CSafeLoader):
    """The C loader, with dates kept as text (EDTF strings must reach the schema unparsed) and duplicate keys refused."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (a second one would silently replace the first)", mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_BriefLoader.yaml_implicit_resolvers = {
    first: [pair for pair in resolvers if pair[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


class LoadError(Exception):
    """A file that cannot be read as a brief; the message names the problem."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, at one record path (and, where known, its line and column and the record's id)."""

    file: str
    location: str
    message: str
    line: int | None = None
    column: int | None = None
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line is not None else self.file
        location = f"{self.location} ({self.record})" if self.location and self.record else self.location
        text = f"{where}: {location}: {self.message}" if location else f"{where}: {self.message}"
        # one line, whatever a brief holds: a newline or terminal escape in a value would forge or garble the output
        return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


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


@dataclass(frozen=True)
class Layout:
    """Where the data lives; tests point it at a temporary copy."""

    root: Path = PROJECT_ROOT

    @classmethod
    def from_env(cls) -> Layout:
        """The project's own folders, or BRIEFING_ROOT (set by operators and tests, never by a URL)."""
        configured = os.environ.get("BRIEFING_ROOT")
        return cls(root=Path(configured)) if configured else cls()

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def briefs(self) -> Path:
        return self.data / "briefs"

    @property
    def taxonomy(self) -> Path:
        return self.data / "taxonomy.yaml"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    def brief_paths(self) -> list[Path]:
        return sorted(self.briefs.glob("*.yaml")) + sorted(self.briefs.glob("*.yml"))

    def fingerprint(self) -> tuple:
        """Cheap content key (name, size, mtime) of every data and seed file, for cache invalidation."""
        entries = []
        for folder in (self.data, self.seeds):
            if not folder.is_dir():
                continue
            for dirpath, _dirs, files in os.walk(folder):
                for name in files:
                    try:
                        stat = os.stat(os.path.join(dirpath, name))
                    except OSError:
                        continue
                    entries.append((os.path.join(dirpath, name), stat.st_size, stat.st_mtime_ns))
        return tuple(sorted(entries))

    def display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def _count_nodes(value, limit: int) -> int:
    """Count nodes as a validator would walk them, giving up past the limit."""
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            raise LoadError(f"document expands to more than {limit:,} nodes (YAML alias bomb?)")
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def read_bounded(path: Path) -> bytes:
    """A data file's bytes, refusing anything larger than a brief can be."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LoadError(f"cannot read file: {error.strerror}") from None
    if size > MAX_YAML_BYTES:
        raise LoadError(f"file is {size:,} bytes; the limit for a brief is {MAX_YAML_BYTES:,}")
    try:
        return path.read_bytes()
    except OSError as error:  # a folder named like a brief, a file without read permission
        raise LoadError(f"cannot read file: {error.strerror or error}") from None


def read_yaml(path: Path) -> object:
    """Parse one YAML file, bounded in size and expansion, with a clear message on failure."""
    return parse_yaml(read_bounded(path))


def parse_yaml(raw: bytes) -> object:
    """Parse YAML bytes: UTF-8 only, no NULs, no custom tags, no duplicate keys, bounded expansion."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 8 and raw[1:8:2] == b"\x00" * 4) or raw[0:8:2] == b"\x00" * 4:
        raise LoadError("file is UTF-16 text, not UTF-8; save it as UTF-8")
    if b"\x00" in raw:
        raise LoadError("file contains NUL bytes: binary data, not YAML")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(f"file is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    try:
        document = yaml.load(text, Loader=_BriefLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise LoadError(f"invalid YAML{where}: {problem}") from None
    except (ValueError, RecursionError) as error:
        raise LoadError(f"invalid YAML: {error}") from None
    _count_nodes(document, MAX_YAML_NODES)
    return document


def _location(loc: tuple) -> str:
    parts = ""
    for item in loc:
        if isinstance(item, int):
            parts += f"[{item}]"
        elif "[" in item or "(" in item:  # pydantic's internal validator names
            continue
        else:
            parts += f".{item}" if parts else item
    return parts


def _message(error: dict) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] in ("missing", "extra_forbidden"):
        return message.lower()
    if error["type"] not in ("value_error",) and "input" in error and not isinstance(error["input"], (dict, list)):
        shown = repr(error["input"])
        return f"{message} (got {shown[:80]}{'…' if len(shown) > 80 else ''})"
    return message


def problems_from(error: ValidationError, file: str, prefix: str = "") -> list[Problem]:
    """One Problem per pydantic error, with a record path like positions[3].evidence[0]."""
    found = []
    errors = error.errors()
    failed = {item["loc"] for item in errors if item["type"] != "too_short"}
    for item in errors:
        if item["type"] == "too_short" and any(loc[: len(item["loc"])] == item["loc"] and loc != item["loc"] for loc in failed):
            continue  # a list emptied by its failing items: the items' own errors say it all
        location = _location(item["loc"])
        if prefix:
            location = f"{prefix}[{location}]" if location.startswith("[") else (f"{prefix}.{location}" if location else prefix)
        found.append(Problem(file, location, _message(item)))
    return found


def unexpected_problem(file: str, location: str, error: Exception, doing: str = "checking it") -> Problem:
    """An error no check foresaw, as a problem for the file that met it; the traceback goes to the log."""
    where = f" at {location}" if location else ""
    log.error("unexpected error in %s%s while %s", file, where, doing, exc_info=error)
    text = " ".join(str(error).split())
    text = f"{text[:200]}…" if len(text) > 200 else text
    return Problem(file, location, f"unexpected {type(error).__name__} while {doing}: {text or 'no message'} "
                                   "(the server log has the traceback)")


def _raises_unexpectedly(validate: Callable[[], object]) -> bool:
    try:
        validate()
    except ValidationError:
        return False
    except Exception:
        return True
    return False


def _record_model(annotation) -> type[BaseModel] | None:
    """The model in a field's type: Model, Model | None or tuple[Model, ...]."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _fault_in(model: type[BaseModel], document: object, context: dict | None) -> str:
    if not isinstance(document, dict):
        return ""
    for name, info in model.model_fields.items():
        if name not in document:
            continue
        value = document[name]
        adapter = TypeAdapter(typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)
        if not _raises_unexpectedly(lambda adapter=adapter, value=value: adapter.validate_python(value, context=context)):
            continue
        inner = _record_model(info.annotation)
        if inner is not None and isinstance(value, list):
            for index, item in enumerate(value):
                if _raises_unexpectedly(lambda item=item, inner=inner: inner.model_validate(item, context=context)):
                    deeper = _fault_in(inner, item, context)
                    return f"{name}[{index}]" + (f".{deeper}" if deeper else "")
        elif inner is not None:
            deeper = _fault_in(inner, value, context)
            return name + (f".{deeper}" if deeper else "")
        return name
    return ""


def fault_path(model: type[BaseModel], document: object, context: dict | None = None) -> str:
    """The record path of the part whose validation raised an unexpected error, e.g. positions[3].date; "" if unknown.

    pydantic turns a validator's ValueError into a located error but lets any other exception through without its
    location; validating the fields and records one at a time finds it again (only after a failure, so it costs nothing
    on a good load).
    """
    try:
        return _fault_in(model, document, context)
    except Exception:  # locating is a courtesy: the problem is reported either way
        return ""


class _SeedReader:
    """Reads each seed once per load, refusing paths outside seeds/ and checking sha256."""

    def __init__(self, layout: Layout):
        self.folder = layout.seeds.resolve()
        self.texts: dict[str, str] = {}
        self.declared: dict[str, Seed] = {}

    def read(self, seed: Seed) -> str:
        known = self.declared.get(seed.id)
        if known is not None:
            if (known.file, known.sha256) != (seed.file, seed.sha256):
                raise LoadError(f"seed id {seed.id!r} is already declared for {known.file} ({known.sha256[:12]})")
            return self.texts[seed.id]
        try:
            path = (self.folder / seed.file).resolve()
            if not path.is_relative_to(self.folder) or path.parent != self.folder:
                raise LoadError(f"seed file {seed.file!r} is outside seeds/")
            if not path.is_file():
                raise LoadError(f"seed file seeds/{seed.file} is missing")
            if path.stat().st_size > MAX_SEED_BYTES:
                raise LoadError(f"seed file seeds/{seed.file} is larger than {MAX_SEED_BYTES:,} bytes")
            raw = path.read_bytes()
        except (OSError, RuntimeError) as error:  # a name too long, no permission, a symlink loop (RuntimeError)
            raise LoadError(f"cannot read seed file seeds/{seed.file}: {getattr(error, 'strerror', None) or error}") from None
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
    """Validated briefs pickled by content (brief bytes, taxonomy, code), so unchanged briefs skip YAML and pydantic.

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

    def get(self, raw: bytes) -> Brief | None:
        path = self._path(raw)
        if path is None or not path.is_file():
            return None
        try:
            with path.open("rb") as handle:
                brief = pickle.load(handle)  # noqa: S301 - our own cache, in a folder only this user writes
        except Exception:  # a damaged entry is rebuilt, never trusted
            return None
        return brief if isinstance(brief, Brief) else None

    def put(self, raw: bytes, brief: Brief) -> None:
        path = self._path(raw)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(brief, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            pass  # the cache only saves time; loading goes on without it


def _load_brief(path: Path, name: str, taxonomy: Taxonomy, seeds: _SeedReader,
                compiled: _Compiled) -> tuple[Brief | None, list[Problem]]:
    try:
        raw = read_bounded(path)
    except LoadError as error:
        return None, [Problem(name, "", str(error))]
    if (brief := compiled.get(raw)) is not None:
        problems = []
        for index, seed in enumerate(brief.seeds):
            try:
                seeds.read(seed)
            except LoadError as error:
                problems.append(Problem(name, f"seeds[{index}]", str(error)))
        return (None, problems) if problems else (brief, [])
    brief, problems = _validate_brief(raw, name, taxonomy, seeds)
    if brief is not None:
        compiled.put(raw, brief)
    return brief, problems


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


def _placed_in_file(problems: list[Problem], path: Path) -> list[Problem]:
    """Problems found after loading (a brief from the compiled cache has no text at hand), placed from the file."""
    try:
        raw = read_bounded(path)
        return place(problems, raw.decode("utf-8"), parse_yaml(raw))
    except (LoadError, UnicodeDecodeError):
        return problems


def load_corpus(brief_paths: list[Path] | None = None, layout: Layout | None = None, compiled: Path | None = None) -> Corpus:
    """Load the taxonomy and every brief; a broken brief becomes Problems and the rest still load.

    ``compiled`` names a folder for validated briefs keyed on their content; without it every brief is parsed.
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
    briefs: list[Brief] = []
    brief_files: dict[str, str] = {}
    warnings: list[Problem] = []
    owners: dict[str, str] = {}  # brief ids are global; record and evidence ids are scoped to their brief
    for path in paths:
        name = layout.display(path)
        try:
            brief, found = _load_brief(path, name, taxonomy, seeds, cache)
        except Exception as error:  # the boundary: whatever one brief raises becomes its problem; the others load
            brief, found = None, [unexpected_problem(name, "", error)]
        if brief is None:
            problems += found
            continue
        if brief.id in owners:
            problems += _placed_in_file([Problem(name, "id", f"brief id {brief.id!r} is already used in {owners[brief.id]}")], path)
            continue
        try:
            findings = [
                (finding, Problem(name, finding.location, f"{finding.message} [{finding.rule}]", record=finding.record_id))
                for finding in editorial_findings(brief, taxonomy, seeds.texts)
            ]
        except Exception as error:  # the boundary covers the editorial checks too
            problems.append(unexpected_problem(name, "", error, "running the editorial checks"))
            continue
        warnings += [problem for finding, problem in findings if finding.severity == "warning"]
        if errors := [problem for finding, problem in findings if finding.severity == "error"]:
            problems += errors
            continue
        owners[brief.id] = name
        briefs.append(brief)
        brief_files[brief.id] = name
    return Corpus(taxonomy, tuple(briefs), dict(seeds.texts), dict(seeds.declared), tuple(problems), brief_files,
                  tuple(warnings))


# reading a file ("opened", "closed_no_write") is not a change; "attrib" is, as a touched file's mtime changed
CHANGE_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed", "attrib"})


class DataWatch(FileSystemEventHandler):
    """Counts changes under data/ and seeds/ as the operating system reports them (inotify, FSEvents, ...).

    A run then learns whether anything changed by reading one number, however many files there are. ``changes`` is
    None while the folders are not watched (one was missing at start, the system had no watch left, or a watched
    folder itself was removed): the caller then compares ``Layout.fingerprint()`` instead.
    """

    def __init__(self, layout: Layout) -> None:
        super().__init__()
        self.started = time.monotonic_ns()
        self._folders = (str(layout.data), str(layout.seeds))
        self._count = 0
        self._lost = False
        self._observer = Observer()
        self._observer.daemon = True
        try:
            for folder in self._folders:
                if not os.path.isdir(folder):
                    raise FileNotFoundError(folder)
                self._observer.schedule(self, folder, recursive=True)
            self._observer.start()
        except OSError:  # a missing folder, or no inotify instance or watch left
            self._lost = True
            self.stop()

    @property
    def changes(self) -> int | None:
        return None if self._lost or not self._observer.is_alive() else self._count

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        self._count += 1
        if event.event_type in ("deleted", "moved") and os.fsdecode(event.src_path) in self._folders:
            self._lost = True  # the folder's watch went with it

    def stop(self) -> None:
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join(timeout=5)
