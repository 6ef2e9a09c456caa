"""Two app servers behind nginx (deploy/nginx.test.conf.template): one is killed with SIGKILL under load, the service
recovers on the other, the data files are untouched, and the restarted server serves every page again.

nginx must be installed (`make test` installs it where it can): without it this test fails, it does not skip.
"""

from __future__ import annotations

import grp
import hashlib
import json
import os
import pwd
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from string import Template

import pytest

from components.pages import SIDEBAR
from scripts import harness, loadtest
from scripts.harness import SETTLED_JS, StreamlitServer, free_port
from tests.browser.conftest import ARTIFACTS, PROJECT, started
from tests.conftest import CORPUS

PREFIX = "briefing"
COOKIE_SECRET = "replica-test-shared-secret"  # noqa: S105 - a test value; replicas must share theirs
TEMPLATE = PROJECT / "deploy" / "nginx.test.conf.template"
PRODUCTION = PROJECT / "deploy" / "nginx.conf"
VIEWERS = 30
BROWSERS = 4
DURATION_S = 45.0
KILL_AFTER_RENDERS = 10  # the kill comes once this many renders have completed (so sessions are in full swing) ...
KILL_AT_SESSIONS = 5  # ... and the victim holds at least this many open sessions
KILL_BY = 0.6  # ... or at 60 % of the run at the latest, leaving the rest of it for renders after the kill
LOG_FORMAT = """log_format briefing '$$remote_addr [$$time_local] "$$request" $$status $$upstream_addr $$request_time';
    access_log logs/access.log briefing;"""


def replica(log_path: Path, port: int) -> StreamlitServer:
    """`streamlit run app.py --server.baseUrlPath=briefing` on a fixed port, so it can be restarted on the same one."""
    return StreamlitServer(log_path, root=CORPUS, port=port, base_path=PREFIX, env={"STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET})


class Nginx:
    """nginx in the foreground with a temporary prefix: config, pid, logs and temporary files all under it."""

    def __init__(self, binary: str, prefix: Path, port: int, app_ports: tuple[int, int]) -> None:
        self.prefix = prefix
        self.port = port
        self.url = f"http://127.0.0.1:{port}/{PREFIX}"
        for folder in ("conf", "logs", "tmp"):
            (prefix / folder).mkdir(parents=True, exist_ok=True)
        user = ""
        if os.geteuid() == 0:  # a root master would hand the workers to "nobody"; keep them as the current user
            user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
        text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
            listen_port=port, app_port_a=app_ports[0], app_port_b=app_ports[1], user_directive=user
        )
        text = text.replace("    access_log logs/access.log;", Template(LOG_FORMAT).substitute(), 1)
        self.conf = prefix / "conf" / "nginx.conf"
        self.conf.write_text(text, encoding="utf-8")
        command = [binary, "-p", f"{prefix}/", "-c", str(self.conf), "-e", "logs/error.log"]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30, check=False)
        assert checked.returncode == 0, f"nginx -t failed:\n{checked.stderr}"
        self._out = (prefix / "logs" / "stdout.log").open("wb")
        self.process = subprocess.Popen(command, stdout=self._out, stderr=subprocess.STDOUT)

    def error_log(self) -> str:
        path = self.prefix / "logs" / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def access_log(self) -> list[str]:
        path = self.prefix / "logs" / "access.log"
        return path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []

    def wait_until_serving(self, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"nginx exited with {self.process.returncode}:\n{self.error_log()}"
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        pytest.fail(f"nginx did not serve {self.url}/_stcore/health within {timeout_s} s:\n{self.error_log()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: finish open requests, close websockets
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._out.close()


def _nginx_binary() -> str:
    binary = harness.nginx()
    if binary is None:
        pytest.fail(
            "nginx is not installed, so the two-replica test cannot run: `apt-get install -y nginx` (`make test` installs it where it can)",
            pytrace=False,
        )
    return binary


def _tree_digest(*folders: Path) -> dict[str, str]:
    digests = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digests[str(path.relative_to(PROJECT))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def _upstream(url: str, cookie: str) -> str:
    request = urllib.request.Request(url, headers={"Cookie": f"briefing_affinity={cookie}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Briefing-Upstream", "")


def _blocks(text: str, keyword: str) -> list[str]:
    """Every `keyword … { … }` block of an nginx config, whitespace-normalised, comments dropped."""
    text = re.sub(r"#[^\n]*", "", text)
    found = []
    for match in re.finditer(rf"(?m)^\s*{keyword}\b[^{{;]*\{{", text):
        depth, end = 0, match.end() - 1
        for end in range(match.end() - 1, len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                break
        found.append(" ".join(text[match.start() : end + 1].split()))
    return found


def test_nginx_test_config_matches_production():
    """The proxy rules nginx runs in the test are those of deploy/nginx.conf: same maps (bar the cookie's Secure
    flag), same websocket and page locations, same upstream balancing."""
    production = PRODUCTION.read_text(encoding="utf-8")
    test = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(listen_port=1, app_port_a=2, app_port_b=3, user_directive="")
    assert _blocks(test, "location") == _blocks(production, "location")
    assert len(_blocks(production, "location")) == 3
    maps = [block.replace(" Secure;", "") for block in _blocks(production, "map")]
    assert _blocks(test, "map") == maps
    balance = re.compile(r"^\s*(hash \S+ consistent;|server \S+ max_fails=1 fail_timeout=10s;)", re.MULTILINE)
    assert [m.group(1).split()[0] for m in balance.finditer(production)] == ["hash", "server", "server"]
    assert [m.group(1).split()[0] for m in balance.finditer(test)] == ["hash", "server", "server"]
    for needle in ("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;", "proxy_read_timeout 86400s;"):
        assert needle in production


def test_kill_one_replica_under_load(tmp_path, open_page):
    """30 viewers through nginx; one replica gets SIGKILL mid-run; renders after the kill succeed on the survivor;
    data/ and seeds/ are unchanged; the killed replica restarts and serves every page through nginx again."""
    binary = _nginx_binary()
    before = _tree_digest(PROJECT / "data", PROJECT / "seeds")
    ports = (free_port(), free_port())
    replicas = [replica(tmp_path / f"replica-{n}.log", port) for n, port in enumerate(ports)]
    nginx = None
    try:
        for server in replicas:
            started(server)
        nginx = Nginx(binary, tmp_path / "nginx", free_port(), ports)
        nginx.wait_until_serving()

        # both replicas take traffic: affinity cookies spread over them
        reached = {_upstream(f"{nginx.url}/_stcore/health", f"probe-{n}") for n in range(16)}
        assert reached == {f"127.0.0.1:{port}" for port in ports}, reached

        victim, survivor = replicas
        finished: list[loadtest.Render] = []
        run = loadtest.Background(
            loadtest.run_load(
                nginx.url,
                sessions=VIEWERS,
                browser_sessions=BROWSERS,
                duration_s=DURATION_S,
                metrics_urls=[server.url for server in replicas],
                on_render=finished.append,
            )
        )
        deadline = time.monotonic() + DURATION_S * KILL_BY
        victim_sessions = 0
        while time.monotonic() < deadline and not run.done():
            victim_sessions = loadtest.active_sessions(victim.url) or victim_sessions  # None while it is busy
            if victim_sessions >= KILL_AT_SESSIONS and sum(r.ok for r in finished) >= KILL_AFTER_RENDERS:
                break
            time.sleep(0.5)
        log_at_kill = len(nginx.access_log())
        victim.process.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        victim.process.wait(timeout=10)
        report: loadtest.LoadReport = run.result(timeout=DURATION_S + 4 * loadtest.RENDER_TIMEOUT_S)
        summary = report.summary()
        victim_addr = f"127.0.0.1:{victim.port}"
        # nginx logs a websocket when it closes: those to the victim logged after the kill were cut by it
        cut = _streams(nginx, since=log_at_kill).get(victim_addr, 0)
        in_flight = [r for r in report.renders if r.started < killed_at]
        after = [r for r in report.renders if r.started >= killed_at]
        print(
            f"\nload through nginx, one replica killed: {summary}\n"
            f"renders started before the kill: {len(in_flight)} ({sum(not r.ok for r in in_flight)} failed); "
            f"after: {len(after)} ({sum(not r.ok for r in after)} failed); "
            f"sessions on the killed replica: {victim_sessions}; websockets cut by the kill: {cut}; "
            f"websockets per replica: {_streams(nginx)}"
        )
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "replicas-kill.json").write_text(
            json.dumps(
                {
                    "load": summary,
                    "killed_after_s": round(killed_at - min(r.started for r in report.renders), 1),
                    "sessions_on_killed_replica": victim_sessions,
                    "websockets_cut": cut,
                    "renders_before_kill": len(in_flight),
                    "failed_before_kill": sum(not r.ok for r in in_flight),
                    "renders_after_kill": len(after),
                    "failed_after_kill": sum(not r.ok for r in after),
                    "reconnects_after_kill": sum(r.reconnects for r in report.renders if r.started + r.seconds >= killed_at),
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        assert cut > 0, "no websocket was open on the killed replica, so the kill tested nothing"
        assert after, "no render started after the kill"
        assert all(r.ok for r in after), [r for r in after if not r.ok]
        # A render in flight at the moment of the kill can die with the killed process (a first page load whose
        # frontend files were being served by it never starts the app); nothing else may fail, and never more than
        # the sessions the killed replica held.
        failed_in_flight = [r for r in in_flight if not r.ok]
        assert all(r.started + r.seconds >= killed_at for r in failed_in_flight), summary["failures"]
        assert len(failed_in_flight) <= max(victim_sessions, 1), summary["failures"]
        assert survivor.process.poll() is None, survivor.output()
        assert _tree_digest(PROJECT / "data", PROJECT / "seeds") == before, "data/ or seeds/ changed"

        # the killed replica comes back on its port, and nginx sends its share of browsers to it again
        restarted = replica(tmp_path / "replica-0-restarted.log", victim.port)
        replicas.append(restarted)
        started(restarted)
        cookie = _cookie_for(nginx, victim_addr)
        app = open_page(nginx.url)
        app.page.context.add_cookies([{"name": "briefing_affinity", "value": cookie, "url": f"http://127.0.0.1:{nginx.port}/{PREFIX}/"}])
        for page in SIDEBAR:
            path, title = page.url_path, page.title
            response = app.page.goto(nginx.url + path)
            assert response is not None and response.status == 200, (path, response and response.status)
            assert response.headers.get("x-briefing-upstream") == victim_addr, response.headers
            app.page.wait_for_function(SETTLED_JS, timeout=60_000)
            assert app.page.locator("[data-testid=stMain] h1").inner_text() == title
            assert not app.by_testid("stException").count()
        assert (loadtest.active_sessions(restarted.url) or 0) >= 1  # the page's own session, on the restarted replica
        assert _tree_digest(PROJECT / "data", PROJECT / "seeds") == before, "data/ or seeds/ changed"
    finally:
        if nginx is not None:
            nginx.stop()
        for server in replicas:
            server.stop()


def _cookie_for(nginx: Nginx, address: str, timeout_s: float = 40) -> str:
    """An affinity cookie value that nginx sends to this replica, once it takes traffic again (nginx retries a failed
    server after fail_timeout, 10 s)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for n in range(32):
            if _upstream(f"{nginx.url}/_stcore/health", f"probe-{n}") == address:
                return f"probe-{n}"
        time.sleep(1)
    pytest.fail(f"nginx sent no request to {address} within {timeout_s} s:\n{nginx.error_log()[-3000:]}")


def _streams(nginx: Nginx, since: int = 0) -> dict[str, int]:
    """Websocket connections per replica in nginx's access log (logged when they close)."""
    counts: dict[str, int] = {}
    for line in nginx.access_log()[since:]:
        if f"/{PREFIX}/_stcore/stream" in line:
            for address in re.findall(r"\s(127\.0\.0\.1:\d+)", line):
                counts[address] = counts.get(address, 0) + 1
    return counts


def test_production_config_passes_nginx_check(tmp_path):
    """deploy/nginx.conf as shipped, with a throwaway certificate and paths under a temporary folder, passes `nginx -t`."""
    binary = _nginx_binary()
    key, cert = tmp_path / "example.org.key", tmp_path / "example.org.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=example.org",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
        timeout=60,
        check=True,
    )
    (tmp_path / "logs").mkdir()
    text = PRODUCTION.read_text(encoding="utf-8")
    for old, new in {
        "/etc/ssl/certs/example.org.pem": str(cert),
        "/etc/ssl/private/example.org.key": str(key),
        "/var/log/nginx/": f"{tmp_path}/logs/",
        "/run/nginx.pid": f"{tmp_path}/nginx.pid",
    }.items():
        assert old in text, old
        text = text.replace(old, new)
    if os.geteuid() != 0:
        text = text.replace("user www-data;", "")
    conf = tmp_path / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    checked = subprocess.run(
        [binary, "-t", "-p", f"{tmp_path}/", "-c", str(conf), "-e", f"{tmp_path}/logs/error.log"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
