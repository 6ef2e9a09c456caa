"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, overwrite: bool = True, durable: bool = True) -> None:
    """Write ``data`` (str as UTF-8) to ``path`` through a synced temporary file in the same folder.

    With ``overwrite=False`` an existing file is never replaced, even one created a moment earlier by someone
    else: the temporary file is hard-linked into place, which fails if the name is taken (FileExistsError).
    ``durable=False`` skips the syncs, for caches: an entry lost to a crash is rebuilt, and a thousand briefs'
    entries written at a first load should not wait on the disk a thousand times.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    # same folder as the target: os.replace and os.link are atomic only within one file system
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); data and seeds are read by the app, perhaps as another user
        os.fchmod(handle, _mode(path))
        with os.fdopen(handle, "wb") as out:
            out.write(raw)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)
            os.unlink(temporary)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_folder(path.parent)


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Make the new directory entry durable too; some systems cannot open a folder for this, which is harmless."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
