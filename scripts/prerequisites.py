"""What `make test` needs besides Python packages: Chromium for the browser tests and nginx for the replica test.

Each is used where it is found. Otherwise it is installed: Debian's package with apt-get when running as root, and,
for Chromium, else Playwright's own build (`python -m playwright install chromium`). When one cannot be had, a single
line says what to install and the exit status is 1, so `make test` stops before any test runs.

    python -m scripts.prerequisites
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from briefing.chromium import debian_chromium, playwright_chromium
from scripts.harness import nginx, search_path

INSTALL_TIMEOUT_S = 1800  # a fresh machine downloads Chromium and its libraries: a few hundred MB


@dataclass(frozen=True)
class Machine:
    """Where programs are looked for (``path``; None: /usr/bin and sbin, then PATH), whether apt-get may be used, and
    the Python whose Playwright installs its own Chromium."""

    path: str | None = None
    root: bool = field(default_factory=lambda: os.geteuid() == 0)
    python: str = sys.executable

    def which(self, program: str) -> str | None:
        return shutil.which(program, path=self.path if self.path is not None else search_path("/usr/bin", "/usr/sbin", "/sbin"))


def apt_install(machine: Machine, package: str) -> bool:
    """`apt-get update` and `apt-get install <package>`, as root only; True if both succeeded."""
    apt = machine.which("apt-get")
    if not machine.root or apt is None:
        return False
    print(f"installing Debian's {package} with apt-get", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", package]):
        try:
            done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, timeout=INSTALL_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return False
        if done.returncode != 0:
            return False
    return True


def ensure_chromium(machine: Machine) -> str | None:
    """Debian's Chromium or Playwright's, found or installed; None if neither can be had."""
    found = debian_chromium(machine.path) or playwright_chromium(machine.python)
    if found:
        return found
    if apt_install(machine, "chromium") and (found := debian_chromium(machine.path)):
        return found
    print("installing Playwright's Chromium (python -m playwright install chromium)", flush=True)
    try:
        subprocess.run([machine.python, "-m", "playwright", "install", "chromium"], timeout=INSTALL_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return playwright_chromium(machine.python)


def ensure_nginx(machine: Machine) -> str | None:
    """nginx, found or installed with apt-get; None if it cannot be had."""
    found = nginx(machine.path)
    if found is None and apt_install(machine, "nginx"):
        found = nginx(machine.path)
    return found


def main(machine: Machine | None = None) -> int:
    machine = machine or Machine()
    missing = []
    chromium = ensure_chromium(machine)
    if chromium is None:
        missing.append("Chromium (as root: `apt-get install chromium`; or `python -m playwright install chromium`)")
    web_server = ensure_nginx(machine)
    if web_server is None:
        missing.append("nginx (as root: `apt-get install nginx`)")
    if missing:
        print(f"make test needs {' and '.join(missing)}: install and run it again", flush=True)
        return 1
    print(f"chromium: {chromium}\nnginx: {web_server}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
