"""The briefing pack of a filter: one content model (model.py, built by build.py) drawn as HTML and Markdown (render.py, templates/),
slides (deck.py, layout.py) and PDF (pdf.py)."""

from __future__ import annotations

import datetime as dt

from briefing.frames import Frames, Selection
from briefing.pack.build import build_pack
from briefing.pack.model import PackContent
from briefing.pack.pictures import Pictures
from briefing.pack.render import render_pack_html, render_pack_markdown

__all__ = ["PackContent", "build_pack", "pack_html", "pack_markdown"]


def pack_html(
    frames: Frames, selection: Selection | None = None, generated: dt.date | None = None, pictures: Pictures | None = None
) -> str:
    """The whole pack as one HTML document with inline styles and pictures, and no external resources."""
    return render_pack_html(build_pack(frames, selection, generated), pictures=pictures)


def pack_markdown(frames: Frames, selection: Selection | None = None, generated: dt.date | None = None) -> str:
    """The same pack as Markdown, for pasting into notes."""
    return render_pack_markdown(build_pack(frames, selection, generated))
