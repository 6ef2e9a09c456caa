"""Saving and undoing: a lock, the conflict check, whole-corpus validation before any write, the atomic write."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.authoring import AuthoringError, new_brief
from briefing.editing.trail import _diff, append_log, log_entry
from briefing.load import Layout, LoadError, Problem, load_corpus, parse_yaml, read_bounded, seed_path
from briefing.recordwriter import Edit, WriteError


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """A data file as the analyst opened it."""

    file: str  # relative to the data root, e.g. data/briefs/x.yaml
    text: str
    sha256: str
    document: dict = field(compare=False, repr=False)


class EditError(Exception):
    """A save or undo that was not carried out; the message says why and what to do. Nothing was written."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()):
        super().__init__(message)
        self.problems = problems


class EditConflict(EditError):
    """The file changed since it was opened."""


def _path(layout: Layout, file: str) -> Path:
    """The data file a name means: a brief or the taxonomy, nothing else."""
    path = (layout.root / file).resolve()
    if path != layout.taxonomy.resolve() and path.parent != layout.briefs.resolve():
        raise EditError(f"{file} is not a brief or the taxonomy")
    if path.suffix not in (".yaml", ".yml"):
        raise EditError(f"{file} is not a YAML file")
    return path


def open_file(layout: Layout, file: str) -> Snapshot:
    """Read a brief (or the taxonomy) for editing."""
    path = _path(layout, file)
    try:
        raw = read_bounded(path)
        document = parse_yaml(raw)
    except LoadError as error:
        raise EditError(f"{file}: {error}") from None
    if not isinstance(document, dict):
        raise EditError(f"{file} is not a YAML mapping")
    return Snapshot(file, raw.decode("utf-8"), sha256(raw), document)


@contextlib.contextmanager
def _locked(layout: Layout) -> Iterator[None]:
    """One save at a time across every process serving this data (an advisory lock on the data folder)."""
    descriptor = os.open(layout.data, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


def _key(problem: Problem) -> tuple:
    return problem.file, problem.location, problem.message  # lines move when a file is edited; the problem is the same


def check_change(layout: Layout, changes: Mapping[Path, str | None], compiled: Path | None = None) -> tuple[list[Problem], list[Problem]]:
    """Load the whole corpus as it would be with ``changes`` (path: new text, or None for a removed file).

    Returns the problems the change brings (those not already there) and the warnings of the changed files. The
    corpus is laid out in a scratch folder of links to the real files, so every message names files as
    ``validate`` does.
    """
    with tempfile.TemporaryDirectory(prefix="briefing-check-") as scratch:
        root = Path(scratch)
        briefs = root / "data" / "briefs"
        briefs.mkdir(parents=True)
        (root / "seeds").symlink_to(layout.seeds.resolve(), target_is_directory=True)
        changed = {path.resolve(): text for path, text in changes.items()}
        places = {layout.taxonomy.resolve(): root / "data" / "taxonomy.yaml"}
        places |= {path.resolve(): briefs / path.name for path in [*layout.brief_paths(), *changed] if path != layout.taxonomy.resolve()}
        names = {}  # how the scratch copy is named in problems (a link resolves to the real file) -> the real name
        for real, place in places.items():
            if real in changed:
                if (new_text := changed[real]) is not None:
                    place.write_bytes(new_text.encode("utf-8"))
                    names[str(place.relative_to(root))] = layout.display(real)
            elif real.exists():
                place.symlink_to(real)
                names[str(place)] = layout.display(real)
        corpus = load_corpus(layout=Layout(root=root), compiled=compiled)

        def named(problem: Problem) -> Problem:
            message = problem.message
            for link, name in names.items():
                if link.startswith(scratch):  # "id 'x' is already used in <link>"
                    message = message.replace(link, name)
            return dataclasses.replace(problem, file=names.get(problem.file, problem.file), message=message)

        problems = [named(p) for p in corpus.problems]
        warnings = [named(w) for w in corpus.warnings]
    edited = {layout.display(path) for path in changes}
    if problems and not any(p.file in edited for p in problems):
        before = {_key(p) for p in load_corpus(layout=layout, compiled=compiled).problems}
        problems = [p for p in problems if _key(p) not in before]
    return problems, [w for w in warnings if w.file in edited]


STOP_ENV = "BRIEFING_EDIT_STOP"  # tests only: "written-ahead" ends the process between the trail entry and the file


def _write_ahead(layout: Layout, entry: dict, path: Path, text: str | None) -> None:
    """The trail entry first, synced, then the file (``None``: removed): a crash between the two leaves an entry
    whose change never reached the file, which the trail recognises and leaves out (``trail.read_log``), never a
    change the trail does not know."""
    append_log(layout, entry)
    if os.environ.get(STOP_ENV) == "written-ahead":
        os._exit(70)
    if text is None:
        path.unlink()
    else:
        write_atomic(path, text)


@dataclass(frozen=True)
class Saved:
    entry: dict
    snapshot: Snapshot
    warnings: tuple[str, ...] = ()


def save(
    layout: Layout,
    file: str,
    opened_sha256: str,
    change: Callable[[str], Edit],
    *,
    editor: str,
    action: str,
    record: str,
    compiled: Path | None = None,
) -> Saved:
    """Make ``change`` to the file if it is still as opened and the corpus stays valid; write it and log it."""
    path = _path(layout, file)
    with _locked(layout):
        current = open_file(layout, file)
        if current.sha256 != opened_sha256:
            raise EditConflict(
                f"{file} changed since you opened it (someone else saved, or it was edited by hand), so "
                "nothing was saved. Your form is kept: reload the brief, check the change, and save again."
            )
        try:
            edit = change(current.text)
        except WriteError as error:
            raise EditError(f"{file}: {error}") from None
        problems, warnings = check_change(layout, {path: edit.text}, compiled)
        if problems:
            raise EditError(f"Not saved: {file} would not be valid.", tuple(str(p) for p in problems))
        entry = log_entry(
            editor,
            action,
            record,
            file,
            before_sha256=current.sha256,
            after_sha256=sha256(edit.text),
            at=edit.at,
            removed=edit.removed,
            inserted=edit.inserted,
            diff=_diff(current.text, edit.text, file),
        )
        _write_ahead(layout, entry, path, edit.text)
    document = parse_yaml(edit.text.encode("utf-8"))
    if not isinstance(document, dict):  # it was validated as a brief just above
        raise EditError(f"{file} is no longer a YAML mapping after the save")
    snapshot = Snapshot(file, edit.text, sha256(edit.text), document)
    return Saved(entry, snapshot, tuple(f"{w.location}: {w.message}" for w in warnings if w.record in (record, None)))


def create_brief(
    layout: Layout,
    source: bytes,
    seed_file: str,
    brief_id: str,
    title: str,
    published: str,
    *,
    editor: str,
    known_ids: Collection[str] = (),
) -> dict:
    """``python -m briefing new`` from the browser: the seed copied byte for byte, a skeleton brief; logged."""
    if brief_id in known_ids:
        raise EditError(f"a brief with id {brief_id!r} exists already; choose another id")
    with _locked(layout), tempfile.TemporaryDirectory(prefix="briefing-new-") as scratch:
        source_path = Path(scratch) / "source.txt"
        source_path.write_bytes(source)
        seed_existed = (layout.seeds / seed_file).exists()
        try:
            done = new_brief(source_path, brief_id, title, published, layout, seed_file=seed_file)
        except AuthoringError as error:
            raise EditError(str(error)) from None
        brief = layout.briefs / f"{brief_id}.yaml"
        entry = log_entry(
            editor,
            "new brief",
            brief_id,
            layout.display(brief),
            after_sha256=sha256(brief.read_bytes()),
            seed=f"seeds/{seed_file}",
            seed_created=not seed_existed,
            seed_sha256=sha256(source),
            done=done,
        )
        append_log(layout, entry)
    return entry


def undo(layout: Layout, entry: dict, *, editor: str, compiled: Path | None = None) -> dict:
    """Take back one save, if its file is still exactly as that save left it; logged like a save."""
    file = entry.get("file", "")
    path = _path(layout, file)
    with _locked(layout):
        try:
            current = read_bounded(path)
        except LoadError:
            raise EditError(f"{file} cannot be read; nothing was undone") from None
        if sha256(current) != entry.get("after_sha256"):
            raise EditConflict(
                f"{file} changed after that save, so undoing it could lose the later work; nothing was "
                "undone. Remove the record by hand if it should go."
            )
        text = current.decode("utf-8")
        change: dict[Path, str | None]
        if entry.get("action") == "new brief":
            before, change = None, {path: None}
        else:
            edit = Edit(text, int(entry["at"]), entry["removed"], entry["inserted"])
            try:
                before = edit.revert(text)
            except WriteError as error:
                raise EditError(f"{file}: {error}; nothing was undone") from None
            if sha256(before) != entry.get("before_sha256"):
                raise EditError(f"{file}: the log's record of that save does not give back the file as it was; nothing was undone")
            change = {path: before}
        problems, _warnings = check_change(layout, change, compiled)
        if problems:
            raise EditError("Not undone: the data would not be valid without that save.", tuple(str(p) for p in problems))
        log = log_entry(
            editor,
            "undo",
            entry.get("record"),
            file,
            undoes=entry["id"],
            before_sha256=entry.get("after_sha256"),
            after_sha256=entry.get("before_sha256"),
            diff=_diff(text, before or "", file),
        )
        _write_ahead(layout, log, path, before)
        if before is None and entry.get("seed_created"):
            # a seed this save brought in goes with it, unless it changed or another brief has come to cite it
            with contextlib.suppress(LoadError):  # no longer a file in seeds/: nothing of this save's to remove
                seed = seed_path(layout, str(entry.get("seed", "")).removeprefix("seeds/"))
                others = [p for p in layout.brief_paths() if p != path]
                if sha256(seed.read_bytes()) == entry.get("seed_sha256") and not any(
                    seed.name in p.read_text(encoding="utf-8", errors="replace") for p in others
                ):
                    seed.unlink()
    return log
