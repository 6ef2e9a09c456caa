"""The JavaScript the benchmark runs in the page: waits that resolve with the page's own clock, and the rerun watcher."""

from __future__ import annotations

from scripts.harness import SERVED_BODY, SETTLED_BODY

_SETTLED = "function __benchSettled() {" + SETTLED_BODY + "}\n"


def _wait_js(body: str) -> str:
    """A page function resolving with performance.now() (milliseconds since navigation start) once ``body`` holds.

    Polls on a timer rather than on every DOM mutation, so watching costs the page almost nothing."""
    return (
        "(timeoutMs) => { function __benchDone() {"
        + body
        + """}
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const timer = setInterval(() => {
      if (__benchDone()) { clearInterval(timer); resolve(performance.now()); }
      else if (performance.now() > deadline) { clearInterval(timer); reject(new Error('page did not settle in time')); }
    }, 5);
  });
}"""
    )


WAIT_RENDER_JS = _wait_js(SETTLED_BODY)
WAIT_SERVED_JS = _wait_js(SERVED_BODY)
# the memory phase's tabs do not load the chart library: a chart's drawing is the browser's work, not the server's
UNDRAWN_ROUTE = "**/static/js/PlotlyChart.*"

# Installed just before the option is clicked: notes the press, every script-state change and the websocket traffic.
ARM_RERUN_JS = """() => {
  const b = window.__bench = {t0: null, running: false, url: location.href, lastMessage: null};
  const app = document.querySelector('[data-testid="stApp"]');
  document.addEventListener('pointerdown', () => { if (b.t0 === null) b.t0 = performance.now(); }, {capture: true});
  b.observer = new MutationObserver(() => {
    if (b.t0 !== null && app.getAttribute('data-test-script-state') === 'running') b.running = true;
  });
  b.observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  for (const socket of window.__benchSockets || []) {
    socket.addEventListener('message', () => { if (b.t0 !== null) b.lastMessage = performance.now(); });
  }
}"""

# Resolves with {ms, signal} once the rerun has started (state "running" seen, or the URL changed) and the page has
# settled again. If the run was too quick for the state to be drawn as "running", it falls back to the last
# websocket message after 1.5 s of settled quiet, and says so.
WAIT_RERUN_JS = (
    "(timeoutMs) => {"
    + _SETTLED
    + """
  const b = window.__bench;
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const timer = setInterval(() => {
      const now = performance.now();
      if (b.t0 !== null && __benchSettled()) {
        const signal = b.running ? 'running' : (location.href !== b.url ? 'url' : null);
        if (signal) { clearInterval(timer); b.observer.disconnect(); resolve({ms: now - b.t0, signal}); return; }
        if (b.lastMessage !== null && now - b.lastMessage > 1500) {
          clearInterval(timer); b.observer.disconnect(); resolve({ms: b.lastMessage - b.t0, signal: 'websocket'}); return;
        }
      }
      if (now > deadline) { clearInterval(timer); reject(new Error('no rerun settled in time')); }
    }, 5);
  });
}"""
)

# Keeps a list of the page's websockets, so the rerun watcher can see server messages.
INIT_JS = """(() => {
  const Native = window.WebSocket;
  window.__benchSockets = [];
  window.WebSocket = function (...args) { const s = new Native(...args); window.__benchSockets.push(s); return s; };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();"""
