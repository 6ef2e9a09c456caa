"""The components' own scripts, styles and markup, each in a file of its own in this folder, where an editor and
`make check` (scripts/check_assets.py parses every one) see them as code rather than as Python strings.

Each file is read once per process, when the component that uses it is defined. These are the app's own files: never
pass a name or a text from data or the URL.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from markupsafe import Markup

ASSETS = Path(__file__).parent


@cache
def asset(name: str) -> str:
    """The text of ``components/assets/<name>``; a missing file raises an error that names it."""
    return (ASSETS / name).read_text(encoding="utf-8")


def stylesheet(name: str) -> Markup:
    """One of the app's style sheets as a style element, for ``render_html``."""
    css = asset(name)
    if "</" in css:  # would end the element early
        raise ValueError(f"components/assets/{name} holds '</', which would end its style element")
    return Markup("<style>") + Markup(css) + Markup("</style>")  # noqa: S704 - our own file, checked above
