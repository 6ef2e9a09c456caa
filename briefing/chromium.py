"""The one rule for finding Chromium, used by the pack's pictures and PDF, the tests, the benchmark, the load test and
the screenshots (through scripts/harness.py): ``BROWSER_PATH`` when set, else Debian's /usr/bin/chromium or a
``chromium`` on the PATH, else the Chromium that Playwright installs. Nothing here launches a browser."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping

BROWSER_ENV = "BROWSER_PATH"  # an operator's choice of browser (a Chrome will do); kaleido's driver reads it as well
# Debian's package installs /usr/bin/chromium; it comes first, then the rest of PATH
DEBIAN_CHROMIUM_DIRS = ("/usr/bin",)
CHROMIUM_MISSING = (
    "no Chromium: install Debian's (`apt-get install chromium`) or Playwright's "
    f"(`python -m playwright install chromium`), or set {BROWSER_ENV} to a Chromium or Chrome; `make test` tries both"
)
PLAYWRIGHT_QUERY = "from playwright.sync_api import sync_playwright\nwith sync_playwright() as p: print(p.chromium.executable_path)"


class NoBrowser(RuntimeError):
    """No Chromium to launch: says what to install."""


def search_path(*first: str) -> str:
    """A PATH string: these folders first, then this process's PATH."""
    return os.pathsep.join([*first, os.environ.get("PATH", os.defpath)])


def debian_chromium(path: str | None = None) -> str | None:
    """Debian's Chromium: /usr/bin/chromium, else a `chromium` on PATH; or on ``path`` alone when given."""
    return shutil.which("chromium", path=path if path is not None else search_path(*DEBIAN_CHROMIUM_DIRS))


def playwright_chromium(python: str = sys.executable) -> str | None:
    """The Chromium that `python -m playwright install chromium` puts in place, if it is there.

    Asked of the driver in a child process: its browser folder and revision are the installed Playwright's own,
    and the sync API cannot start inside a caller's event loop or beside its running Playwright.
    """
    try:
        done = subprocess.run([python, "-c", PLAYWRIGHT_QUERY], capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.strip().splitlines()
    found = lines[-1].strip() if done.returncode == 0 and lines else ""
    return found if found and os.access(found, os.X_OK) else None


# asked once per process: the answer only changes when someone installs a browser, and the question takes a second
_playwright_once = functools.cache(playwright_chromium)


def chromium(environ: Mapping[str, str] = os.environ, path: str | None = None, python: str = sys.executable) -> str:
    """The Chromium to launch, by the rule above; NoBrowser, saying what to install, when there is none.

    ``environ``, ``path`` (the PATH to search alone) and ``python`` (whose Playwright is asked) let a test choose
    the machine it describes."""
    if chosen := environ.get(BROWSER_ENV):
        if shutil.which(chosen) is None:
            raise NoBrowser(f"{BROWSER_ENV}={chosen!r} is not an executable browser")
        return chosen
    found = debian_chromium(path) or _playwright_once(python)
    if found is None:
        raise NoBrowser(CHROMIUM_MISSING)
    return found
