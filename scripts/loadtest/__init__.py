"""Many viewers at once against a running dashboard, and a check that the server's memory comes back afterwards.

Two kinds of simulated viewer, mixed in one run:

- *Browser viewers*: headless Chromium (one browser context each, so their own cookies and their own Streamlit
  session), spread over one or a few Chromium processes. A browser render counts as done when the page script has
  finished (``data-test-script-state=notRunning``), the websocket is connected, the page shows its expected title, no
  skeleton placeholder is left and every plotly chart has drawn its SVG; it fails if that does not happen within the
  render timeout, or if the page then shows an exception box or raises an uncaught page error. Their steps: open a
  page by its address with a random filter (a new session), follow a sidebar page link (the filter goes along), pick
  an issue in the sidebar "Issues" multiselect, press "Clear filters".
- *Socket viewers*: Streamlit's own websocket protocol (/_stcore/stream, protobuf messages), as the browser's
  frontend speaks it, without drawing anything. A socket render counts as done when the server reports the script
  run finished successfully, with the expected page title among the elements and no exception element. Their steps:
  open a page with a random filter (a new session), then move to other pages in the same session, carrying the
  filter as the sidebar links do. If the connection drops, they reconnect and ask for the page again, as the
  frontend does.

Both put the same work on the server: a session per viewer, a script run per step. A browser also spends several
CPU-seconds per page drawing it (React, plotly), which on a small test machine would starve the server it shares
the CPU with; socket viewers let one machine hold many sessions while a few browser viewers check full renders.

Each viewer arrives in turn over the ramp-up, pauses between steps ("reading"), and keeps its last page open until
the run ends, so at the end every viewer's session is open at once; the peak number of open sessions is read from
Streamlit's /_stcore/metrics. Latency is measured from the start of a step (navigation, click or message) to done.

Memory: the server's resident set size (read with psutil) at a baseline taken after a warm-up, and
again after many sessions have been opened and closed in waves and the server has had time to drop them. Streamlit
keeps a closed session for ``server.disconnectedSessionTTL`` seconds (120 by default), in case its browser
reconnects; the check therefore waits that long, then opens and closes one more session (which reaps the expired
ones) before each measurement, so baseline and final figure are taken in the same state.

    python -m scripts.loadtest --url http://127.0.0.1:8501 --sessions 30 --browser-sessions 4 --duration 30
    python -m scripts.loadtest --url http://127.0.0.1:8501 --pid 12345 --duration 0 --churn 300 --wave 10
    python -m scripts.loadtest --serve --sessions 30 --duration 30 --churn 300     # starts its own server

Everything is bounded: no step starts after ``duration`` seconds, every step is bounded by the render timeout, and
the churn opens exactly ``churn`` sessions. Exit status 1 if any render failed or the memory did not come back
within the tolerance.
"""

from scripts.loadtest.reports import LoadReport, MemoryReport, Render, percentile
from scripts.loadtest.runner import (
    DEFAULT_SESSION_TTL_S,
    RENDER_TIMEOUT_S,
    Background,
    active_sessions,
    churn_links,
    load,
    memory_check,
    run_churn,
    run_load,
    run_memory_check,
)
from scripts.loadtest.vocabulary import PAGES, Vocabulary

__all__ = [
    "DEFAULT_SESSION_TTL_S",
    "PAGES",
    "RENDER_TIMEOUT_S",
    "Background",
    "LoadReport",
    "MemoryReport",
    "Render",
    "Vocabulary",
    "active_sessions",
    "churn_links",
    "load",
    "memory_check",
    "percentile",
    "run_churn",
    "run_load",
    "run_memory_check",
]
