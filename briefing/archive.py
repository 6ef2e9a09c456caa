"""Every data version the app has served, kept content-addressed in a git repository, so a link opens the data as
it was when it was shared.

The repository (dulwich, pure-Python git) lives in the cache folder as ``history.git``; nothing is written in data/.
Each served version is one commit of the data and seed files, under ``refs/versions/<version>``; git stores each file
once by its content, so a version that changes one brief adds one blob and its trees. ``open_version`` writes a
version's files, read-only, to ``as-of/<version>`` in the cache, where the loader reads them like any data folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import cast

from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.refs import Ref
from dulwich.repo import Repo

from briefing.load import Layout
from briefing.versions import VERSION_PATTERN

log = logging.getLogger(__name__)
REPOSITORY = "history.git"
SERVED = Ref(b"refs/heads/served")  # the versions in the order this server first served them
IDENTITY = b"Briefing dashboard <briefing@localhost>"


def _ref(version: str) -> Ref:
    """The ref of a kept version; a version is checked here too, since it comes from a link and names paths."""
    if not VERSION_PATTERN.match(version):
        raise ValueError(f"not a data version: {version[:24]!r}")
    return Ref(f"refs/versions/{version}".encode("ascii"))


def _repository(folder: Path) -> Repo:
    path = folder / REPOSITORY
    if (path / "HEAD").is_file():
        return Repo(str(path))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return Repo.init_bare(str(path), default_branch=b"served")  # named here: no global git config is read


def _tree(repo: Repo, files: dict[tuple[str, ...], bytes]) -> ObjectID:
    """The tree of these files (path parts: content), every object added once."""
    store = repo.object_store
    children: dict[str, dict[tuple[str, ...], bytes]] = {}
    tree = Tree()
    for parts, content in files.items():
        if len(parts) == 1:
            blob = Blob.from_string(content)
            if blob.id not in store:
                store.add_object(blob)
            tree.add(parts[0].encode("utf-8"), 0o100644, blob.id)
        else:
            children.setdefault(parts[0], {})[parts[1:]] = content
    for name, below in children.items():
        tree.add(name.encode("utf-8"), 0o040000, _tree(repo, below))
    if tree.id not in store:
        store.add_object(tree)
    return tree.id


def keep_version(layout: Layout, version: str, files: list[Path], folder: Path) -> None:
    """Record the data and seed files of ``version`` (those the version hash covers), unless already kept."""
    repo = _repository(folder)
    try:
        if _ref(version) in repo.refs:
            return
        root = layout.root.resolve()
        contents = {path.resolve().relative_to(root).parts: path.read_bytes() for path in files if path.resolve().is_relative_to(root)}
        digest = hashlib.sha256()  # as store.data_version: a file changed since the version was taken is not kept under it
        for parts, content in contents.items():
            digest.update("/".join(parts).encode())
            digest.update(hashlib.sha256(content).digest())
        if digest.hexdigest()[:12] != version:
            log.info("data changed while version %s was being kept; the next load keeps the new one", version)
            return
        commit = Commit()
        commit.tree = _tree(repo, contents)
        commit.parents = [repo.refs[SERVED]] if SERVED in repo.refs else []
        commit.author = commit.committer = IDENTITY
        commit.commit_time = commit.author_time = int(dt.datetime.now(dt.UTC).timestamp())
        commit.commit_timezone = commit.author_timezone = 0
        commit.message = f"data version {version}\n".encode("ascii")
        repo.object_store.add_object(commit)
        repo.refs[_ref(version)] = commit.id
        repo.refs[SERVED] = commit.id
    finally:
        repo.close()


def is_kept(version: str, folder: Path) -> bool:
    """Whether this server kept ``version``: its ref's file, else (refs packed by a git tool) the repository's refs."""
    _ref(version)
    if (folder / REPOSITORY / "refs" / "versions" / version).is_file():
        return True
    return kept_since(version, folder) is not None


def kept_since(version: str, folder: Path) -> dt.datetime | None:
    """When this server first served ``version``, if it kept it."""
    if not (folder / REPOSITORY / "HEAD").is_file():
        return None
    repo = Repo(str(folder / REPOSITORY))
    try:
        if _ref(version) not in repo.refs:
            return None
        commit = cast(Commit, repo[repo.refs[_ref(version)]])
        return dt.datetime.fromtimestamp(commit.commit_time, dt.UTC)
    finally:
        repo.close()


def _write_tree(repo: Repo, tree_id: ObjectID, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in cast(Tree, repo[tree_id]).items():
        name = entry.path.decode("utf-8")
        if name in ("", ".", "..") or "/" in name:  # our own trees never hold such names; refuse rather than escape
            raise ValueError(f"unexpected name in a kept version: {name!r}")
        if entry.mode == 0o040000:
            _write_tree(repo, entry.sha, target / name)
        else:
            (target / name).write_bytes(repo[entry.sha].as_raw_string())
            os.chmod(target / name, 0o444)


def open_version(version: str, folder: Path) -> Layout | None:
    """A data folder holding ``version`` as it was served, or None if this server never kept it."""
    _ref(version)  # a version that is not one never names a path
    target = folder / "as-of" / version
    if (target / "data").is_dir():
        return Layout(root=target)
    if kept_since(version, folder) is None:
        return None
    repo = Repo(str(folder / REPOSITORY))
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{version}."))
        try:
            _write_tree(repo, cast(Commit, repo[repo.refs[_ref(version)]]).tree, scratch)
            os.replace(scratch, target)  # whole or not at all; another process may have won, which is as good
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)
            if not (target / "data").is_dir():
                raise
    finally:
        repo.close()
    return Layout(root=target)
