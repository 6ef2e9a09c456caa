"""Pictures for the slides and the PDF: Plotly figures drawn by Plotly's own static export (kaleido), which drives a
Chromium already on the machine and never downloads one."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import struct
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

BROWSER_ENV = "BROWSER_PATH"  # the variable kaleido's browser driver (choreographer) reads as well
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
EXPORT_TIMEOUT = 60  # seconds for one figure; a browser that hangs longer is stopped with an error


class NoBrowser(RuntimeError):
    """No Chromium to draw with: says what to install."""


def browser_path() -> str:
    """The Chromium to use: BROWSER_PATH if set, else the first Chromium or Chrome on the PATH."""
    if chosen := os.environ.get(BROWSER_ENV):
        if shutil.which(chosen) is None:
            raise NoBrowser(f"{BROWSER_ENV}={chosen!r} is not an executable browser")
        return chosen
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    raise NoBrowser(
        "no Chromium found to draw the pictures and the PDF: install one (Debian: apt-get install chromium) "
        f"or set {BROWSER_ENV} to its path"
    )


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
    async with kaleido.Kaleido(n=1, timeout=EXPORT_TIMEOUT, mathjax=False, path=browser_path()) as drawer:
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
