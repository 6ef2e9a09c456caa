"""`python -m scripts.loadtest`: a load run and a memory check against a running dashboard, or one it starts."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from scripts.harness import StreamlitServer
from scripts.loadtest import DEFAULT_SESSION_TTL_S, RENDER_TIMEOUT_S, load, memory_check


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running dashboard, e.g. http://127.0.0.1:8501")
    target.add_argument("--serve", action="store_true", help="start `streamlit run app.py` on a free port for the run")
    parser.add_argument("--sessions", type=int, default=30, help="concurrent viewers (default 30)")
    parser.add_argument("--browser-sessions", type=int, default=4, help="how many of them run in Chromium (default 4)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30; 0 skips the load)")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(2.0, 6.0),
        metavar=("MIN", "MAX"),
        help="seconds a viewer pauses between steps (default 2 6)",
    )
    parser.add_argument("--timeout", type=float, default=RENDER_TIMEOUT_S, help="seconds a render may take before it fails")
    parser.add_argument("--churn", type=int, default=0, help="sessions to open and close for the memory check (0: none)")
    parser.add_argument("--wave", type=int, default=10, help="sessions open at once during the churn")
    parser.add_argument("--churn-browser-every", type=int, default=10, help="every n-th churn session in Chromium (0: none)")
    parser.add_argument("--pid", type=int, help="pid of the streamlit process (with --url; for --churn and CPU figures)")
    parser.add_argument(
        "--session-ttl",
        type=float,
        default=DEFAULT_SESSION_TTL_S,
        help="the server's server.disconnectedSessionTTL, waited for before each memory reading",
    )
    parser.add_argument("--tolerance", type=float, default=10.0, help="allowed memory growth in percent (default 10)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    if args.churn and args.url and not args.pid:
        parser.error("--churn against --url needs --pid of the streamlit process")

    server = None
    url, pid = args.url, args.pid
    if args.serve:  # on the project's own data
        log_path = Path(tempfile.mkdtemp(prefix="loadtest-")) / "server.log"
        server = StreamlitServer(log_path, options=["--server.disconnectedSessionTTL", str(int(args.session_ttl))])
        server.wait_until_healthy()
        url, pid = server.url, server.pid
        print(f"server on {url} (pid {pid}, log {log_path})", flush=True)

    results: dict[str, object] = {}
    failed = False
    try:
        if args.duration > 0:
            report = load(
                url,
                sessions=args.sessions,
                browser_sessions=args.browser_sessions,
                duration_s=args.duration,
                think_s=tuple(args.think),
                render_timeout_s=args.timeout,
                server_pids=[pid] if pid else (),
            )
            results["load"] = report.summary()
            print(json.dumps(results["load"], indent=2), flush=True)
            failed |= bool(report.failed)
        if args.churn:
            memory = memory_check(
                url,
                pid,
                total=args.churn,
                wave=args.wave,
                browser_every=args.churn_browser_every,
                session_ttl_s=args.session_ttl,
                render_timeout_s=args.timeout,
                log=lambda line: print(line, flush=True),
            )
            results["memory"] = memory.summary()
            print(json.dumps(results["memory"], indent=2), flush=True)
            failed |= bool(memory.churn and memory.churn.failed) or memory.delta_pct > args.tolerance
    finally:
        if server is not None:
            server.stop()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
