"""Many viewers at once against one real server: no failed render, latency figures, and memory that comes back.

Every run here is marked `soak` (30 viewers for 30 s, 60 viewers for three minutes, 300 sessions for the memory check)
and runs with `make soak`; `make test` leaves them out, and without `-m soak` they are reported as skipped.
"""

from __future__ import annotations

import json

import pytest

from scripts import loadtest
from tests.browser.conftest import ARTIFACTS

SHORT_VIEWERS = 30
SHORT_BROWSERS = 4
SHORT_DURATION_S = 30.0
LONG_VIEWERS = 60
LONG_BROWSERS = 8
LONG_DURATION_S = 180.0
CHURN_SESSIONS = 300
CHURN_WAVE = 10
CHURN_BROWSER_EVERY = 10
CHURN_TIMEOUT_S = 180.0  # a fresh browser context compiles Streamlit's frontend anew: slow on a busy small machine
MEMORY_TOLERANCE_PCT = 10.0

soak_only = pytest.mark.skipif('"soak" not in config.getoption("markexpr")', reason="soak run: select it with `make soak` (pytest -m soak)")


def _save(name: str, summary: dict) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"\n{name}: {json.dumps(summary, indent=2)}")


def _check_load(report: loadtest.LoadReport, viewers: int, browsers: int) -> None:
    summary = report.summary()
    assert not report.failed, f"{len(report.failed)} failed render(s): {summary['failures']}"
    viewers_rendered = {r.viewer for r in report.renders if r.ok}
    assert len(viewers_rendered) == viewers, f"only {len(viewers_rendered)} of {viewers} viewers got a page rendered"
    assert len({r.viewer for r in report.renders if r.client == "browser"}) == browsers, summary
    assert report.peak_sessions >= viewers, f"at most {report.peak_sessions} sessions were open at once"


@pytest.mark.soak
@soak_only
def test_thirty_concurrent_viewers(start_server):
    """30 viewers (4 in Chromium, 26 on Streamlit's websocket protocol) for 30 s, opening filtered links and moving
    between pages (the browsers also use the sidebar filter): all 30 sessions are open at once and every render
    completes."""
    server = start_server()
    report = loadtest.load(
        server.url, sessions=SHORT_VIEWERS, browser_sessions=SHORT_BROWSERS, duration_s=SHORT_DURATION_S, server_pids=[server.process.pid]
    )
    _save("load-short", report.summary())
    _check_load(report, SHORT_VIEWERS, SHORT_BROWSERS)
    assert server.process.poll() is None, server.output()


@pytest.mark.soak
@soak_only
def test_longer_load(start_server):
    """60 viewers (8 in Chromium) for three minutes: every render completes."""
    server = start_server()
    report = loadtest.load(
        server.url,
        sessions=LONG_VIEWERS,
        browser_sessions=LONG_BROWSERS,
        duration_s=LONG_DURATION_S,
        think_s=(5.0, 15.0),
        server_pids=[server.process.pid],
    )
    _save("load-long", report.summary())
    _check_load(report, LONG_VIEWERS, LONG_BROWSERS)
    assert server.process.poll() is None, server.output()


@pytest.mark.soak
@soak_only
def test_memory_returns_to_baseline(start_server):
    """300 sessions (every tenth in Chromium) opened and closed, 10 at a time: once Streamlit has dropped them, the
    server's RSS is within 10 % of the baseline taken after a warm-up (see scripts/loadtest for the procedure)."""
    server = start_server()
    report = loadtest.memory_check(
        server.url,
        server.process.pid,
        total=CHURN_SESSIONS,
        wave=CHURN_WAVE,
        browser_every=CHURN_BROWSER_EVERY,
        session_ttl_s=loadtest.DEFAULT_SESSION_TTL_S,
        render_timeout_s=CHURN_TIMEOUT_S,
    )
    summary = report.summary()
    _save("memory-churn", summary)
    assert report.churn is not None and not report.churn.failed, report.churn.summary()["failures"]
    assert len(report.churn.renders) == CHURN_SESSIONS
    assert report.delta_pct <= MEMORY_TOLERANCE_PCT, summary
