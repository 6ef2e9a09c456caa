"""What every browser-driving tool of the project shares: which Chromium is launched and how, when a page counts as
rendered, and how a Streamlit server is started, watched and stopped. Used by the browser tests, the benchmark, the
load test and the screenshot script, so they all launch and wait for the same thing."""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TypedDict

import psutil

from briefing.chromium import chromium as find_chromium
from briefing.chromium import search_path

PROJECT = Path(__file__).resolve().parent.parent

# nginx lives in sbin, which is not on every user's PATH
NGINX_DIRS = ("/usr/sbin", "/sbin")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Pieces of the body of a JavaScript function that says whether a page is done, put together below.
# the script has finished and the websocket is connected
_SCRIPT_DONE = """
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
"""
_NO_SKELETON = """
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
"""
# every Plotly chart has drawn its SVG, and a figure drawn on the server (components/svg_figure.py) has been marked
# drawn by its script
_FIGURES_DRAWN = """
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  for (const host of document.querySelectorAll('.svg-figure-host')) {
    if (!host.querySelector('.svg-figure[data-drawn]')) return false;
  }
"""
_TITLE_SHOWN = """
  return document.querySelector('[data-testid="stMain"] h1') !== null;
"""
# The server's side of a visit is done: the script has finished and the page's title is in; charts may still draw.
SERVED_BODY = _SCRIPT_DONE + _TITLE_SHOWN
# As SERVED_BODY, and no skeleton is left: the page is whole but its charts may not have drawn yet.
UNDRAWN_BODY = _SCRIPT_DONE + _NO_SKELETON + _TITLE_SHOWN
# The page has rendered: the script has finished, the websocket is connected, no skeleton is left, every chart and
# figure has drawn and the page title is shown.
SETTLED_BODY = _SCRIPT_DONE + _NO_SKELETON + _FIGURES_DRAWN + _TITLE_SHOWN
SETTLED_JS = "() => {" + SETTLED_BODY + "}"
# No CSS animation or transition is running (the sidebar sliding in, an expander opening).
STILL_JS = "() => document.getAnimations().every(a => a.playState !== 'running')"
# Every image has loaded or failed, so any onload or onerror handler on one has had its turn.
IMAGES_DONE_JS = "() => [...document.images].every(image => image.complete)"
# Resolves after two more frames have been drawn: whatever the page had queued for the next frame has run.
TWO_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"

STARTUP_TIMEOUT_S = 60
HEALTH_PATH = "/_stcore/health"


# --- programs ---------------------------------------------------------------------------------------------------


@functools.cache
def chromium() -> str:
    """The Chromium every tool launches, found by the pack's own rule (briefing/chromium.py) once per run."""
    return find_chromium()


class LaunchOptions(TypedDict):
    executable_path: str
    args: list[str]


def launch_options() -> LaunchOptions:
    """Keyword arguments for Playwright's `chromium.launch` (sync or async)."""
    return {"executable_path": chromium(), "args": CHROMIUM_ARGS}


def nginx(path: str | None = None) -> str | None:
    """The nginx binary in sbin or on PATH; or on ``path`` alone when given."""
    return shutil.which("nginx", path=path if path is not None else search_path(*NGINX_DIRS))


# --- processes --------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(process: subprocess.Popen, timeout_s: float = 15) -> None:
    """Terminate, then kill if it does not exit in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout_s)


def rss_bytes(pid: int) -> int:
    """Resident set size of a process."""
    return psutil.Process(pid).memory_info().rss


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used."""
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def wait_until_idle(pid: int, *, below_pct: float = 5.0, window_s: float = 0.5, timeout_s: float = 30.0) -> bool:
    """Wait until a process uses less than ``below_pct`` % of a CPU over ``window_s``; False if it is still busy
    after ``timeout_s`` (a busy machine; the caller measures anyway)."""
    process = psutil.Process(pid)
    deadline = time.monotonic() + timeout_s
    process.cpu_percent(None)  # the first call only starts the count
    while time.monotonic() < deadline:
        if process.cpu_percent(interval=window_s) < below_pct:
            return True
    return False


def load_average() -> tuple[float, float, float]:
    """The 1, 5 and 15-minute load averages."""
    return psutil.getloadavg()


def project_env(root: Path | None = None) -> dict[str, str]:
    """The environment for a child process of the project: BRIEFING_ROOT is ``root``, or unset (the project's own
    data/ and seeds/) when None, whatever the caller's environment says."""
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_ROOT"}
    if root is not None:
        env["BRIEFING_ROOT"] = str(root)
    return env


def exported(root: Path | None = None) -> dict[str, list[dict]]:
    """The data at ``root`` (None: the project's own) as `python -m briefing export --format json` writes it."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "--format", "json"],
        cwd=PROJECT,
        env=project_env(root),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"export exited with {result.returncode}:\n{result.stderr}")
    return json.loads(result.stdout)


class ServerError(RuntimeError):
    """A server exited or did not answer in time; the message holds the end of its log."""


class StreamlitServer:
    """`streamlit run <script>` on a loopback port, its output in a log file; started on construction.

    ``root`` is the BRIEFING_ROOT it serves (None: the project's own data/ and seeds/, whatever the caller's
    environment says); ``launcher`` replaces `-m streamlit` (e.g. a module that wraps it); ``options`` are added to
    the command line; ``env`` is laid over the environment last, a None value removing that variable.
    """

    def __init__(
        self,
        log_path: Path,
        *,
        script: str = "app.py",
        root: Path | None = None,
        port: int | None = None,
        base_path: str = "",
        launcher: Sequence[str] = ("-m", "streamlit"),
        options: Sequence[str] = (),
        env: Mapping[str, str | None] | None = None,
        name: str = "streamlit",
    ) -> None:
        self.name = name
        self.port = port or free_port()
        self.base_path = base_path.strip("/")
        self.log_path = log_path
        self.url = f"http://127.0.0.1:{self.port}" + (f"/{self.base_path}" if self.base_path else "")
        command = [
            sys.executable,
            *launcher,
            "run",
            script,
            "--server.headless",
            "true",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            *options,
        ]
        if self.base_path:
            command.append(f"--server.baseUrlPath={self.base_path}")
        child_env = project_env(root)
        child_env["PYTHONUNBUFFERED"] = "1"
        for key, value in (env or {}).items():
            if value is None:
                child_env.pop(key, None)
            else:
                child_env[key] = value
        self._log = log_path.open("ab")  # appended: a server restarted on the same log keeps the first one's output
        self.process = subprocess.Popen(command, cwd=PROJECT, env=child_env, stdout=self._log, stderr=subprocess.STDOUT)

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_until_healthy(self, timeout_s: float = STARTUP_TIMEOUT_S) -> StreamlitServer:
        """Return once the server answers its health check; stop it and raise ServerError if it exits or times out."""
        health = self.url + HEALTH_PATH
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise ServerError(f"{self.name} exited with {self.process.returncode} before serving:\n{self.output()[-5000:]}")
            try:
                with urllib.request.urlopen(health, timeout=2) as response:  # noqa: S310 - a loopback URL built here
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)  # between health probes
        self.stop()
        raise ServerError(f"{self.name} did not answer {health} within {timeout_s:.0f} s:\n{self.output()[-5000:]}")

    def rss_bytes(self) -> int:
        return rss_bytes(self.process.pid)

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        stop_process(self.process)
        if not self._log.closed:
            self._log.close()

    def __enter__(self) -> StreamlitServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()


# the viewport position of a character of the workbench's passage picker (a UTF-16 offset), found from the text
# nodes the page drew: where a test or a screenshot puts the mouse to select a passage
PICKER_POINT_JS = """([units, side]) => {
  const root = document.querySelector('[data-testid=passage-picker]');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    if (units < seen + node.data.length) {
      const range = document.createRange();
      range.setStart(node, units - seen);
      range.setEnd(node, units - seen + 1);
      const box = range.getClientRects()[0];
      return {x: side === 'left' ? box.left + 1 : box.right - 1, y: box.top + box.height / 2};
    }
    seen += node.data.length;
  }
  return null;
}"""
