"""The sidebar's pack box: the briefing pack of the current filter as slides, PDF, HTML or Markdown, each built only
when asked, all from one pack content model, each named for its date, brief and filter (2026-01-30-lavrov-ceasefire.pdf)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

import streamlit as st
from streamlit.elements.lib.mutable_status_container import StatusContainer

from briefing.frames import Frames, Selection
from briefing.pack import build_pack
from briefing.pack.build import pack_stem
from briefing.pack.drawing import pack_pictures
from briefing.pack.files import FORMATS, pack_file
from briefing.pack.pdf import PAPERS
from briefing.pack.pictures import NoBrowser, Pictures

PREPARED_KEY = "pack_prepared"  # session state: {format: (what it was built for, bytes)}
PICTURES_KEY = "pack_pictures"  # session state: (what they were drawn for, Pictures), shared by the slides and the PDF
PAPER_KEY = "pack_paper"
# Slides and PDF each start a Chromium for a few seconds: one build at a time per server keeps a burst of clicks from
# starving every other session of the machine's cores; a second build waits its turn, and says so
BUILDS = threading.BoundedSemaphore(1)
WAIT_FOR_TURN = 120  # seconds


def _text_file(frames: Frames, selection: Selection, kind: str, drawn: Pictures | None) -> bytes:
    """HTML or Markdown, made on the click. The HTML carries the pictures: those drawn for the slides or the PDF of
    this filter, else drawn now (a few seconds), else a note saying why they are missing."""
    pictures = drawn
    if kind == "html" and pictures is None:
        if BUILDS.acquire(timeout=WAIT_FOR_TURN):
            try:
                pictures = pack_pictures(frames, selection)
            finally:
                BUILDS.release()
        else:
            pictures = Pictures(missing=("The pictures were not drawn: the server was busy.",))
    return pack_file(build_pack(frames, selection), kind, pictures)


def _pictures(frames: Frames, selection: Selection, status: StatusContainer) -> Pictures:
    """The timeline and the map, drawn once per filter and data version for the slides and the PDF alike."""
    wanted = (frames.version, selection)
    kept = st.session_state.get(PICTURES_KEY)
    if kept is not None and kept[0] == wanted:
        return kept[1]
    status.write("Drawing the timeline and the map…")
    pictures = pack_pictures(frames, selection)
    st.session_state[PICTURES_KEY] = (wanted, pictures)
    return pictures


def _build(frames: Frames, selection: Selection, kind: str, paper: str) -> bytes | None:
    """Builds the slides or the PDF with its steps shown as they happen; None, with the reason shown, if it cannot."""
    label = FORMATS[kind].label
    with st.status(f"Building the {label}…", expanded=True) as status:
        if not BUILDS.acquire(blocking=False):
            status.write("Waiting for another pack on this server to finish…")
            if not BUILDS.acquire(timeout=WAIT_FOR_TURN):
                status.update(label=f"The {label} could not be built: the server is busy. Try again in a minute.", state="error")
                return None
        try:
            pictures = _pictures(frames, selection, status)
            for reason in pictures.missing:
                status.write(reason)
            status.write("Laying out the slides…" if kind == "pptx" else f"Printing on {PAPERS[paper]}…")
            data = pack_file(build_pack(frames, selection), kind, pictures, paper=paper)
        except NoBrowser as error:
            status.update(label=f"The {label} cannot be built on this server: {error}", state="error")
            return None
        finally:
            BUILDS.release()
        status.update(label=f"{label} ready: {len(data) / 1024:,.0f} KB", state="complete", expanded=False)
    return data


def _download(button: Callable[..., object], kind: str, label: str, data: bytes | Callable[[], bytes], stem: str) -> None:
    """One pack file offered, named for its view (2026-01-30-lavrov-ceasefire.pdf); a click reruns nothing."""
    button(
        label,
        data,
        file_name=f"{stem}{FORMATS[kind].suffix}",
        mime=FORMATS[kind].mime,
        icon=":material/download:",
        key=f"pack_{kind}",
        on_click="ignore",
    )


def pack_box(frames: Frames, selection: Selection) -> None:
    """HTML and Markdown download on click; slides and PDF are built on a button (with their progress), then offered."""
    st.markdown("**Briefing pack** of the current filter")
    stem = pack_stem(frames, selection)
    kept = st.session_state.get(PICTURES_KEY)
    drawn = kept[1] if kept is not None and kept[0] == (frames.version, selection) else None
    left, right = st.columns(2)
    for column, kind in ((left, "html"), (right, "md")):
        _download(column.download_button, kind, FORMATS[kind].label, functools.partial(_text_file, frames, selection, kind, drawn), stem)
    paper = st.radio("PDF paper", options=list(PAPERS), format_func=PAPERS.get, key=PAPER_KEY, horizontal=True)
    prepared: dict = st.session_state.setdefault(PREPARED_KEY, {})
    for kind, build_label in (("pptx", "Build slides"), ("pdf", "Build PDF")):
        wanted = (frames.version, selection, paper if kind == "pdf" else None)
        if st.button(build_label, key=f"pack_build_{kind}", icon=":material/build:"):
            data = _build(frames, selection, kind, paper)
            if data is not None:
                prepared[kind] = (wanted, data)
        built = prepared.get(kind)
        if built is not None and built[0] == wanted:  # a file built for another filter or version is not offered
            _download(st.download_button, kind, f"Download {FORMATS[kind].label}", built[1], stem)
