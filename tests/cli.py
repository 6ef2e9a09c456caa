"""Running the project's commands as a user would: a real process, from the project root, on a chosen data root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def run_command(
    *args: str, root: Path, module: str = "briefing", cwd: Path = PROJECT, timeout: int = 300, clean_env: bool = False
) -> subprocess.CompletedProcess[str]:
    """``python -m <module> <args>`` with BRIEFING_ROOT set to ``root``; ``clean_env`` starts from an empty environment
    (only PATH), as a fresh shell would."""
    base = {"PATH": "/usr/bin:/bin"} if clean_env else dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env={**base, "BRIEFING_ROOT": str(root)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
