"""What every browser-driving tool of the project shares: how Chromium is launched, when a page counts as
rendered, and how a server process is stopped. Used by the browser tests, the benchmark, the load test and the
screenshot script, so they all wait for the same thing."""

from __future__ import annotations

import subprocess

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

# The body of a JavaScript function that is true once the page has rendered: the script has finished, the
# websocket is connected, no skeleton is left, every Plotly chart has drawn its SVG and the page title is shown.
SETTLED_BODY = """
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  return document.querySelector('[data-testid="stMain"] h1') !== null;
"""
SETTLED_JS = "() => {" + SETTLED_BODY + "}"


def stop_process(process: subprocess.Popen, timeout_s: float = 15) -> None:
    """Terminate, then kill if it does not exit in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout_s)
