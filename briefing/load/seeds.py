"""The one way into seeds/: a seed file is read only if its name is a plain file name and the file it reaches, links
followed, lies directly in the folder. The loader, the authoring commands and the command line all come through here."""

from __future__ import annotations

from pathlib import Path

from briefing.load.layout import Layout
from briefing.load.yaml_safe import MAX_SEED_BYTES, LoadError
from briefing.schema.evidence import plain_file_name


def _unreadable(file: str, error: BaseException) -> LoadError:
    return LoadError(f"cannot read seed file seeds/{file}: {getattr(error, 'strerror', None) or error}")


def seed_path(layout: Layout, file: str) -> Path:
    """The seed file ``file`` inside seeds/, links followed; a LoadError naming it says why it is refused."""
    if not plain_file_name(file):
        raise LoadError(f"seed file {file!r} must be a plain file name inside seeds/")
    folder = layout.seeds.resolve()
    try:
        path = (folder / file).resolve()
        inside = path.parent == folder  # a link out of seeds/ is refused like a path out of it
        exists = inside and path.is_file()
    except (OSError, RuntimeError) as error:  # a name too long, no permission, a symlink loop (RuntimeError)
        raise _unreadable(file, error) from None
    if not inside:
        raise LoadError(f"seed file {file!r} is outside seeds/")
    if not exists:
        raise LoadError(f"seed file seeds/{file} is missing")
    return path


def read_seed(layout: Layout, file: str) -> bytes:
    """The bytes of the seed file ``file``, at most MAX_SEED_BYTES of them; a LoadError naming it says why not."""
    path = seed_path(layout, file)
    try:
        if path.stat().st_size > MAX_SEED_BYTES:
            raise LoadError(f"seed file seeds/{file} is larger than {MAX_SEED_BYTES:,} bytes")
        return path.read_bytes()
    except OSError as error:
        raise _unreadable(file, error) from None
