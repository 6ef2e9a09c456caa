"""Pictures for the slides and the PDF: Plotly figures drawn by Plotly's own static export (kaleido), which drives a
Chromium already on the machine (found by briefing/chromium.py's one rule) and never downloads one."""

from __future__ import annotations

import asyncio
import base64
import struct
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from briefing.chromium import NoBrowser, chromium

__all__ = ["NoBrowser", "Picture", "Pictures", "export_pngs"]  # NoBrowser: what a failed export raises

EXPORT_TIMEOUT = 60  # seconds for one figure; a browser that hangs longer is stopped with an error


@dataclass(frozen=True)
class Picture:
    """A chart as a PNG, with what it shows in words for those who cannot see it."""

    title: str
    alt: str
    png: bytes = field(repr=False)

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in pixels, read from the PNG header."""
        width, height = struct.unpack(">II", self.png[16:24])
        return width, height

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass(frozen=True)
class Pictures:
    """The pack's pictures; a picture that could not be drawn is None, and `missing` says why."""

    timeline: Picture | None = None
    map: Picture | None = None
    missing: tuple[str, ...] = ()


async def _export(figures: list[tuple], scale: float) -> list[bytes]:
    import kaleido

    # mathjax=False: kaleido would otherwise load MathJax from a CDN, which an offline machine cannot reach (plotly.js
    # itself comes from the plotly package); one browser draws every figure
    async with kaleido.Kaleido(n=1, timeout=EXPORT_TIMEOUT, mathjax=False, path=chromium()) as drawer:
        return [
            await drawer.calc_fig(figure, opts={"format": "png", "width": width, "height": figure.layout.height or 500, "scale": scale})
            for figure, width in figures
        ]


def export_pngs(figures: list[tuple], scale: float = 2) -> list[bytes]:
    """PNGs of these (Plotly figure, width in CSS pixels) at each figure's own height, in one browser session.

    Runs in a thread of its own so that it works whether or not the caller's thread has an event loop running.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _export(figures, scale)).result()
