"""The pack in each of its four formats, from one content model; the one place that knows the formats."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing.pack.model import PackContent
from briefing.pack.pictures import Pictures


@dataclass(frozen=True)
class PackFormat:
    name: str
    label: str
    suffix: str
    mime: str
    pictures: bool  # whether it carries the timeline and map pictures (drawn by a browser, seconds rather than ms)


FORMATS = {
    "pptx": PackFormat(
        "pptx", "Slides (PowerPoint)", ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", True
    ),
    "pdf": PackFormat("pdf", "PDF", ".pdf", "application/pdf", True),
    "html": PackFormat("html", "HTML", ".html", "text/html", True),
    "md": PackFormat("md", "Markdown", ".md", "text/markdown", False),
}


def format_for(suffix: str) -> str:
    """The format a file name's suffix asks for; HTML when it names none of them."""
    suffix = suffix.lower()
    if suffix == ".markdown":
        return "md"
    return next((name for name, kind in FORMATS.items() if kind.suffix == suffix), "html")


def pack_file_name(pack: PackContent, kind: str) -> str:
    """The file's name: date, brief and filter, e.g. 2026-01-30-lavrov-ceasefire.pdf (briefing.pack.names)."""
    return f"{pack.file_stem}{FORMATS[kind].suffix}"


def pack_file(pack: PackContent, kind: str, pictures: Pictures | None = None, paper: str = "a4") -> bytes:
    """The file of one format; `pictures` are used by the slides, the PDF and the HTML (None: a note says so)."""
    builders: dict[str, Callable[[], bytes]] = {
        "html": lambda: _text("html", pack, pictures),
        "md": lambda: _text("md", pack, None),
        "pptx": lambda: _deck(pack, pictures),
        "pdf": lambda: _pdf(pack, pictures, paper),
    }
    if kind not in builders:
        raise ValueError(f"unknown pack format {kind!r}; choose one of {', '.join(FORMATS)}")
    return builders[kind]()


def _text(kind: str, pack: PackContent, pictures: Pictures | None) -> bytes:
    from briefing.pack.render import render_pack_html, render_pack_markdown

    return (render_pack_html(pack, pictures=pictures) if kind == "html" else render_pack_markdown(pack)).encode("utf-8")


def _deck(pack: PackContent, pictures: Pictures | None) -> bytes:
    from briefing.pack.deck import build_deck  # python-pptx is imported only when slides are asked for

    return build_deck(pack, pictures)


def _pdf(pack: PackContent, pictures: Pictures | None, paper: str) -> bytes:
    from briefing.pack.pdf import build_pdf  # Playwright likewise

    return build_pdf(pack, pictures, paper)
