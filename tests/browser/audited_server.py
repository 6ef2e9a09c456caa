"""`streamlit run` with an audit hook that logs the path of every file the server process opens.

Usage, from the project root: ``python -m tests.browser.audited_server <log file> run app.py [streamlit options]``.

Each ``open`` audit event (the ``open()`` builtin, ``io.open``, ``os.open`` and everything built on them) appends one
line to the log: the absolute path as given, not resolved, so that a ``..`` in a path stays visible. Events for
already-open file descriptors are skipped. The log file is opened before the hook is installed and written without
opening anything, so the hook never sees itself.
"""

from __future__ import annotations

import os
import sys
import threading


def install(log_path: str) -> None:
    log = open(log_path, "a", encoding="utf-8", errors="backslashreplace", buffering=1)  # noqa: SIM115 - kept open for the process
    lock = threading.Lock()

    def hook(event: str, args: tuple) -> None:
        if event != "open" or not args or isinstance(args[0], int):
            return
        try:
            path = args[0]
            if isinstance(path, os.PathLike):
                path = os.fspath(path)
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            if not isinstance(path, str):
                path = repr(path)
            elif not os.path.isabs(path):
                path = os.path.join(os.getcwd(), path)  # not abspath: normalising would hide a '..'
            line = path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        except Exception as error:  # an exception in a hook would fail the open itself; log it instead
            line = f"<unloggable open event: {error!r}>"
        with lock:
            log.write(line + "\n")

    sys.addaudithook(hook)


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit("usage: python -m tests.browser.audited_server <log file> run app.py [options]")
    install(sys.argv[1])
    sys.argv = ["streamlit", *sys.argv[2:]]
    from streamlit.web import cli

    cli.main()


if __name__ == "__main__":
    main()
