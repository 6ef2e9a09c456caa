"""The domain layer stands alone: importing briefing, or writing a pack from the command line, loads neither
Streamlit nor the components."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
CORPUS = PROJECT / "tests" / "fixtures" / "corpus"
VIEW_LAYERS = ("streamlit", "components")

# runs in a fresh interpreter, so nothing an earlier test imported can hide an import
PROBE = """
import json, runpy, sys
for name in sys.argv[1].split(","):
    __import__(name)
if len(sys.argv) > 2:
    sys.argv = ["briefing", *sys.argv[2:]]
    try:
        runpy.run_module("briefing", run_name="__main__")
    except SystemExit as stop:
        print("exit", stop.code, file=sys.stderr)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in {layers})
print(json.dumps(loaded))
""".replace("{layers}", repr(set(VIEW_LAYERS)))


def loaded_view_modules(tmp_path: Path, modules: list[str], *command: str) -> tuple[list[str], str]:
    env = {**os.environ, "BRIEFING_ROOT": str(CORPUS), "BRIEFING_CACHE": str(tmp_path / "cache")}
    env["BROWSER_PATH"] = str(tmp_path / "no-browser")  # the pictures' figures are built, never sent to a browser
    result = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(modules), *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


class TestNoViewLayer:
    def test_importing_the_domain_layer_and_its_figures(self, tmp_path):
        modules = [
            "briefing",
            "briefing.cli",
            "briefing.pack",
            "briefing.pack.drawing",
            "briefing.figures.timeline",
            "briefing.figures.regional_map",
            "briefing.figures.negotiation",
        ]
        loaded, _ = loaded_view_modules(tmp_path, modules)
        assert loaded == []

    def test_writing_a_pack_with_its_pictures(self, tmp_path):
        out = tmp_path / "pack.pptx"
        loaded, stderr = loaded_view_modules(tmp_path, ["briefing"], "pack", "--issue", "ceasefire", "--out", str(out))
        assert "drawing the timeline and the map" in stderr and "exit 0" in stderr
        assert out.stat().st_size > 0
        assert loaded == []
