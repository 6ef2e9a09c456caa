"""Streamlit's websocket protocol as a socket viewer speaks it: the only module that touches Streamlit's protobuf
messages (BackMsg to ask for a script run, ForwardMsg to read what the server sends back)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

FINISHED_OK = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")
STREAM_PATH = "/_stcore/stream"


def stream_url(base_url: str) -> str:
    """The websocket address of the server at this base URL."""
    parts = urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}{STREAM_PATH}"


async def connect_stream(url: str, headers: dict[str, str], timeout_s: float) -> ClientConnection:
    """A new websocket to the server: a new Streamlit session."""
    return await connect(
        url, subprotocols=[Subprotocol("streamlit")], additional_headers=headers, max_size=None, open_timeout=timeout_s, ping_interval=None
    )


async def run_script(
    ws: ClientConnection, page_name: str, query: str, title: str, deadline: float, on_query: Callable[[str], None]
) -> tuple[bool, str]:
    """Ask for a script run of a page and read the server's messages until it has finished: (ok, what went wrong).

    The run is ok when it finished successfully with ``title`` among its h1 headings and no exception element;
    ``on_query`` hears every query string the page sets (the filter it carries to the next page).
    """
    message = BackMsg()
    message.rerun_script.page_name = page_name
    message.rerun_script.query_string = query
    await ws.send(message.SerializeToString())
    headings: list[str] = []
    errors: list[str] = []
    while True:
        data = await asyncio.wait_for(ws.recv(), max(0.1, deadline - time.monotonic()))
        forward = ForwardMsg()
        forward.ParseFromString(data)
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            if element.WhichOneof("type") == "heading" and element.heading.tag == "h1":
                headings.append(element.heading.body)
            elif element.WhichOneof("type") == "exception":
                errors.append(f"exception: {element.exception.type}: {element.exception.message[:200]}")
        elif kind == "page_info_changed":
            on_query(forward.page_info_changed.query_string)
        elif kind == "page_not_found":
            errors.append(f"page not found: {forward.page_not_found.page_name}")
        elif kind == "script_finished":
            if forward.script_finished == FINISHED_EARLY:  # a newer run replaced this one; wait for it
                continue
            if forward.script_finished != FINISHED_OK:
                errors.append(f"script finished with status {forward.script_finished}")
            elif title not in headings:
                errors.append(f"title {title!r} not among {headings}")
            return not errors, "; ".join(errors)
